import { readFile, readdir, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { writeInventoryJson } from "../formats/inventory-json";
import { EDIT_LABELS_HEADER } from "./api-inventory";
import { putInventory, startTempClan, type TempClan } from "./testing/temp-clan";

let clan: TempClan;
beforeEach(async () => {
  clan = await startTempClan();
});
afterEach(async () => {
  await clan.close();
});

async function getInventory(c: TempClan = clan) {
  const res = await c.api("/api/inventory");
  expect(res.status).toBe(200);
  return { etag: res.headers.get("etag")!, text: await res.text(), exists: res.headers.get("x-inventory-exists") === "1" };
}

describe("GET /api/inventory", () => {
  it("answers a missing file as an empty inventory that a save may create", async () => {
    const got = await getInventory();
    expect(JSON.parse(got.text)).toEqual({});
    expect(got.exists).toBe(false);
    expect(got.etag).toBe('"absent"');
  });

  it("returns the file's bytes as they are, with an ETag of them", async () => {
    const text = '{"meta":{"name":"x"},   "zeta": 1}';
    await writeFile(join(clan.dir, "inventory.json"), text);
    const got = await getInventory();
    expect(got.text).toBe(text);
    expect(got.exists).toBe(true);
    await writeFile(join(clan.dir, "inventory.json"), text + " ");
    expect((await getInventory()).etag).not.toBe(got.etag);
  });

  it("answers 304 when the client has the current version", async () => {
    await writeFile(join(clan.dir, "inventory.json"), "{}\n");
    const { etag } = await getInventory();
    const res = await clan.api("/api/inventory", { headers: { "if-none-match": etag } });
    expect(res.status).toBe(304);
  });
});

describe("PUT /api/inventory", () => {
  it("creates the file in canonical form and returns its new ETag", async () => {
    const doc = { meta: { name: "demo" }, machines: { web1: { tags: ["web"] } }, unknownKey: { kept: true } };
    const res = await putInventory(clan, doc, '"absent"');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { etag: string; written: boolean };
    expect(body.written).toBe(true);
    const onDisk = await readFile(join(clan.dir, "inventory.json"), "utf8");
    expect(onDisk).toBe(writeInventoryJson(doc));
    expect((await getInventory()).etag).toBe(body.etag);
    expect(res.headers.get("etag")).toBe(body.etag);
  });

  it("keeps key order and unknown keys of what the client sent", async () => {
    const text = '{"zeta":{"b":1,"a":2},"meta":{"name":"n","futureField":[1,2]}}';
    const res = await clan.api("/api/inventory", { method: "PUT", headers: { "content-type": "application/json", "if-match": '"absent"' }, body: text });
    expect(res.status).toBe(200);
    expect(await readFile(join(clan.dir, "inventory.json"), "utf8")).toBe(writeInventoryJson(JSON.parse(text)));
  });

  it("two clients: the second save on a stale version gets 412 with the current file, then succeeds on it", async () => {
    await writeFile(join(clan.dir, "inventory.json"), writeInventoryJson({ meta: { name: "start" } }));
    const a = await getInventory();
    const b = await getInventory();
    expect(a.etag).toBe(b.etag);

    const saveA = await putInventory(clan, { meta: { name: "from-a" } }, a.etag);
    expect(saveA.status).toBe(200);
    const saveB = await putInventory(clan, { meta: { name: "from-b" } }, b.etag);
    expect(saveB.status).toBe(412);
    const conflict = (await saveB.json()) as { etag: string; text: string };
    expect(JSON.parse(conflict.text)).toEqual({ meta: { name: "from-a" } });
    expect(JSON.parse(await readFile(join(clan.dir, "inventory.json"), "utf8"))).toEqual({ meta: { name: "from-a" } });

    // B saw A's version (the 412 carried it) and overwrites knowingly.
    const retry = await putInventory(clan, { meta: { name: "from-b" } }, conflict.etag);
    expect(retry.status).toBe(200);
    expect(JSON.parse(await readFile(join(clan.dir, "inventory.json"), "utf8"))).toEqual({ meta: { name: "from-b" } });
  });

  it("refuses a change made behind the server's back (412), then accepts the new ETag", async () => {
    await writeFile(join(clan.dir, "inventory.json"), "{}\n");
    const { etag } = await getInventory();
    await writeFile(join(clan.dir, "inventory.json"), '{"meta":{"name":"edited by hand"}}\n');
    const res = await putInventory(clan, { machines: {} }, etag);
    expect(res.status).toBe(412);
    expect(await readFile(join(clan.dir, "inventory.json"), "utf8")).toBe('{"meta":{"name":"edited by hand"}}\n');
  });

  it('"absent" fails once the file exists, and * needs an existing file', async () => {
    await writeFile(join(clan.dir, "inventory.json"), "{}\n");
    expect((await putInventory(clan, {}, '"absent"')).status).toBe(412);
    expect((await putInventory(clan, { meta: { name: "x" } }, "*")).status).toBe(200);
  });

  it("needs If-Match (428)", async () => {
    const res = await clan.api("/api/inventory", { method: "PUT", headers: { "content-type": "application/json" }, body: "{}" });
    expect(res.status).toBe(428);
  });

  it("refuses malformed JSON with the line and column (400) and writes nothing", async () => {
    const res = await clan.api("/api/inventory", {
      method: "PUT",
      headers: { "content-type": "application/json", "if-match": '"absent"' },
      body: '{\n  "meta": {\n    "name": "x",\n  }\n}',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: string };
    expect(body.error).toBeTruthy();
    expect(await readdir(clan.dir)).toEqual(["flake.nix"]);
  });

  it("refuses what the inventory schema refuses (422) with the field's path", async () => {
    const res = await putInventory(clan, { machines: { web1: { machineClass: "windows" } } }, '"absent"');
    expect(res.status).toBe(422);
    const body = (await res.json()) as { issues: { path: (string | number)[] }[] };
    expect(body.issues[0]!.path).toEqual(["machines", "web1", "machineClass"]);
  });

  it("refuses a top-level array", async () => {
    const res = await putInventory(clan, [1, 2], '"absent"');
    expect(res.status).toBe(400);
  });

  it("refuses other content types (415)", async () => {
    const res = await clan.api("/api/inventory", { method: "PUT", headers: { "content-type": "text/plain", "if-match": '"absent"' }, body: "{}" });
    expect(res.status).toBe(415);
  });

  it("does not rewrite the file when nothing changed", async () => {
    const text = writeInventoryJson({ meta: { name: "same" } });
    await writeFile(join(clan.dir, "inventory.json"), text);
    const { etag } = await getInventory();
    const res = await putInventory(clan, { meta: { name: "same" } }, etag);
    expect(((await res.json()) as { written: boolean }).written).toBe(false);
  });

  it("will not replace a symbolic link", async () => {
    await writeFile(join(clan.dir, "elsewhere.json"), "{}\n");
    await symlink(join(clan.dir, "elsewhere.json"), join(clan.dir, "inventory.json"));
    const { etag } = await getInventory();
    const res = await putInventory(clan, { meta: { name: "x" } }, etag);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(/symbolic link/);
    expect(await readFile(join(clan.dir, "elsewhere.json"), "utf8")).toBe("{}\n");
  });

  it("refuses a malformed edit-labels header", async () => {
    const res = await putInventory(clan, {}, '"absent"', { [EDIT_LABELS_HEADER]: "not json" });
    expect(res.status).toBe(400);
  });

  it("keeps keys named __proto__ as data", async () => {
    const text = '{"machines":{"__proto__":{"tags":["x"]}}}';
    const res = await clan.api("/api/inventory", { method: "PUT", headers: { "content-type": "application/json", "if-match": '"absent"' }, body: text });
    expect(res.status).toBe(200);
    expect(await readFile(join(clan.dir, "inventory.json"), "utf8")).toContain('"__proto__"');
    expect(({} as Record<string, unknown>).tags).toBeUndefined();
  });
});

describe("other addresses", () => {
  it("serves the app for every page address, with the clan-directory mode announced", async () => {
    const res = await fetch(clan.server.origin + "/instances/borgbackup");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<meta name="clan-inventory-mode" content="clan-directory">');
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  });

  it("never maps an address to a file outside dist/", async () => {
    for (const path of ["/../package.json", "/%2e%2e/%2e%2e/etc/passwd", "/..%2fflake.nix", "//etc/passwd"]) {
      const res = await fetch(clan.server.origin + path);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("<body>app</body>");
    }
  });

  it("answers unknown API addresses with 404 and wrong methods with 405", async () => {
    expect((await clan.api("/api/nope")).status).toBe(404);
    expect((await clan.api("/api/inventory", { method: "DELETE" })).status).toBe(405);
  });

  it("describes the session", async () => {
    const res = await clan.api("/api/session");
    const body = (await res.json()) as { dir: string; nix: boolean; git: boolean };
    expect(body.dir).toBe(clan.dir);
    expect(body.nix).toBe(false);
    expect(body.git).toBe(false);
  });
});
