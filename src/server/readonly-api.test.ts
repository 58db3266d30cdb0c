// GET /api/readonly and the server's refusal of saves that change what Nix defines, with a
// fake nix answering from the recorded introspection fixtures.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeInventoryJson } from "../formats/inventory-json";
import { setIn, type JsonObject } from "../lib/json";
import type { LockedPath } from "../model/locked-paths";
import { makeFakeNix, type FakeNix } from "./testing/fake-nix";
import { putInventory, startTempClan, type TempClan } from "./testing/temp-clan";

const fixture = async (name: string) => JSON.parse(await readFile(new URL(`./fixtures/${name}`, import.meta.url), "utf8")) as JsonObject;

let nix: FakeNix;
let clan: TempClan;
let onDisk: JsonObject;

beforeEach(async () => {
  nix = await makeFakeNix();
  await nix.record("clanInternals.inventoryClass.introspection", await fixture("introspection-mixed.json"));
  await nix.record("clanInternals.inventoryClass.inventorySerialization", await fixture("serialization-mixed.json"));
  onDisk = await fixture("inventory-mixed.json");
  clan = await startTempClan({ nix: nix.path, files: { "inventory.json": writeInventoryJson(onDisk), "clan.nix": "{ }" } });
});
afterEach(async () => {
  await clan.close();
  await nix.remove();
});

async function etag(): Promise<string> {
  const res = await clan.api("/api/inventory");
  await res.text();
  return res.headers.get("etag")!;
}

it("lists what Nix defines, with reasons and Nix's values", async () => {
  const res = await clan.api("/api/readonly");
  const body = (await res.json()) as { status: string; locks: LockedPath[] };
  expect(body.status).toBe("ok");
  const name = body.locks.find((l) => l.path.join(".") === "meta.name");
  expect(name).toMatchObject({ kind: "readonly", reason: "defined in Nix (clan.nix)", value: "test" });
  expect(body.locks.find((l) => l.path.join(".") === "instances.hello-world.roles.morning.settings")?.value).toEqual({ greeting: "morning" });
});

it("sends what the Nix files define as a partial inventory: an instance only clan.nix defines, Nix's machines", async () => {
  const body = (await (await clan.api("/api/readonly")).json()) as { nix: { instances: JsonObject; machines: JsonObject; meta: JsonObject } };
  expect(body.nix.instances.other).toEqual({ module: { name: "hello-world" }, roles: { morning: { machines: { bob: {} } } } });
  expect(Object.keys(body.nix.machines).sort()).toEqual(["bob", "dirmachine", "forced", "jon"]);
  expect(body.nix.meta).toEqual({ name: "test" });
});

it("refuses a save that changes a locked value (409, naming the paths) and writes nothing", async () => {
  const before = await readFile(join(clan.dir, "inventory.json"), "utf8");
  let doc = setIn(onDisk, ["meta", "name"], "renamed");
  doc = setIn(doc, ["instances", "hello-world", "roles", "morning", "settings"], { greeting: "mine" });
  const res = await putInventory(clan, doc, await etag());
  expect(res.status).toBe(409);
  const body = (await res.json()) as { locked: { path: string[]; message: string }[] };
  expect(body.locked.map((l) => l.path.join(".")).sort()).toEqual(["instances.hello-world.roles.morning.settings", "meta.name"]);
  expect(body.locked[0]!.message).toMatch(/defined in Nix/);
  expect(await readFile(join(clan.dir, "inventory.json"), "utf8")).toBe(before);
});

it("refuses deleting a machine Nix defines, allows deleting one only inventory.json defines", async () => {
  const machines = onDisk.machines as JsonObject;
  const withoutJon = { ...onDisk, machines: { jsononly: machines.jsononly! } };
  expect((await putInventory(clan, withoutJon, await etag())).status).toBe(409);
  const withoutJsononly = { ...onDisk, machines: { jon: machines.jon! } };
  expect((await putInventory(clan, withoutJsononly, await etag())).status).toBe(200);
});

it("takes back what the file added to an instance only Nix defines, entry and all, but no Nix member it repeats", async () => {
  const added = setIn(onDisk, ["instances", "other", "roles", "morning", "machines", "jon"], {});
  expect((await putInventory(clan, added, await etag())).status).toBe(200);
  // The member one added goes, and with it the entries that only held it: nothing is left behind.
  expect((await putInventory(clan, onDisk, await etag())).status).toBe(200);
  expect(JSON.parse(await readFile(join(clan.dir, "inventory.json"), "utf8")).instances.other).toBeUndefined();
  // bob is Nix's member: repeated in the file, it stays.
  const repeated = setIn(onDisk, ["instances", "other", "roles", "morning", "machines", "bob"], {});
  expect((await putInventory(clan, repeated, await etag())).status).toBe(200);
  const res = await putInventory(clan, onDisk, await etag());
  expect(res.status).toBe(409);
  expect(((await res.json()) as { locked: { path: string[] }[] }).locked.map((l) => l.path.join("."))).toContain("instances.other.roles.morning.machines.bob");
});

it("accepts a save that touches only free values", async () => {
  const doc = setIn(setIn(onDisk, ["machines", "jon", "deploy", "targetHost"], "root@jon"), ["meta", "description"], "new");
  expect((await putInventory(clan, doc, await etag())).status).toBe(200);
});

it("evaluates once per state of the Nix sources", async () => {
  await (await clan.api("/api/readonly")).text();
  await (await clan.api("/api/readonly")).text();
  await putInventory(clan, setIn(onDisk, ["meta", "description"], "x"), await etag());
  const calls = (await nix.calls()).filter((c) => c.endsWith("introspection"));
  expect(calls.length).toBeGreaterThanOrEqual(1);
  expect(calls.length).toBeLessThanOrEqual(2); // a save refreshes it in the background at most once
});

it("reports an evaluation error and then does not block saves", async () => {
  await clan.close();
  await nix.remove();
  nix = await makeFakeNix();
  await nix.setMode("fail");
  clan = await startTempClan({ nix: nix.path, files: { "inventory.json": writeInventoryJson(onDisk) } });
  const body = (await (await clan.api("/api/readonly")).json()) as { status: string; error: string };
  expect(body.status).toBe("error");
  expect(body.error).toMatch(/attribute 'clanInternals' missing/);
  expect((await putInventory(clan, setIn(onDisk, ["meta", "name"], "any"), await etag())).status).toBe(200);
});

it("says read-only information is unavailable without nix", async () => {
  await clan.close();
  clan = await startTempClan({ nix: null, nixProblem: "nix is not installed (not found on PATH)." });
  const body = (await (await clan.api("/api/readonly")).json()) as { status: string; reason: string };
  expect(body).toMatchObject({ status: "unavailable", reason: "nix is not installed (not found on PATH).", nix: {} });
});

it("without nix, or when it fails, still names the machines of the clan's machines/ directories (Clan registers each)", async () => {
  await clan.close();
  const files = { "machines/web1/configuration.nix": "{ }", "machines/db/configuration.nix": "{ }", "machines/README.md": "not a machine" };
  clan = await startTempClan({ nix: null, nixProblem: "nix is not installed", files });
  expect(await (await clan.api("/api/readonly")).json()).toMatchObject({ status: "unavailable", nix: { machines: { db: {}, web1: {} } } });
  await clan.close();
  await nix.setMode("fail");
  clan = await startTempClan({ nix: nix.path, files });
  const body = (await (await clan.api("/api/readonly")).json()) as { status: string; nix: unknown };
  expect(body.status).toBe("error");
  expect(body.nix).toEqual({ machines: { db: {}, web1: {} } });
});

describe("machines configured in Nix (machines.<name> in clan.nix)", () => {
  // Recorded from clan-core's own code (fixtures/README.md): clan.nix configures machine gateway
  // and defines instance greet; machines/laptop/ is a directory; inventory.json lists nas.
  it("with nix: a machine of the clan, kept, and named by the binding the user wrote", async () => {
    await clan.close();
    await nix.record("clanInternals.inventoryClass.introspection", await fixture("introspection-nix-machines.json"));
    await nix.record("clanInternals.inventoryClass.inventorySerialization", await fixture("serialization-nix-machines.json"));
    clan = await startTempClan({ nix: nix.path, files: { "inventory.json": writeInventoryJson(await fixture("inventory-nix-machines.json")) } });
    const body = (await (await clan.api("/api/readonly")).json()) as { status: string; locks: LockedPath[]; nix: { machines: JsonObject; instances: JsonObject } };
    expect(body.status).toBe("ok");
    expect(Object.keys(body.nix.machines).sort()).toEqual(["gateway", "laptop"]);
    expect(body.nix.machines.gateway).toEqual({ machineClass: "nixos" });
    const lock = body.locks.find((l) => l.path.join(".") === "machines.gateway");
    expect(lock).toMatchObject({ kind: "no-delete", reason: "configured in Nix (machines.gateway, in clan.nix or flake.nix)" });
    // Not clan-core's file, which would read as a file of the clan.
    expect(JSON.stringify(lock)).not.toMatch(/module\.nix/);
    expect(body.locks.find((l) => l.path.join(".") === "machines.laptop")?.reason).toBe("defined in Nix (machines/laptop)");
    expect(body.nix.instances.greet).toMatchObject({ module: { name: "hello-world" }, roles: { morning: { machines: { gateway: {} }, settings: { greeting: "from clan.nix" } } } });
  });

  it("without nix: read from clan.nix and flake.nix by name, beside the machines/ directories", async () => {
    await clan.close();
    const files = {
      "clan.nix": '{ meta.name = "acme"; machines.gateway = { ... }: { }; machines = { router = import ./router.nix; }; }\n',
      "machines/laptop/configuration.nix": "{ }",
    };
    clan = await startTempClan({ nix: null, nixProblem: "nix is not installed", files });
    expect(await (await clan.api("/api/readonly")).json()).toMatchObject({ status: "unavailable", nix: { machines: { gateway: {}, laptop: {}, router: {} } } });
  });
});
