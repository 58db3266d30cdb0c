import { EMPTY_CATALOG } from "../../catalog/catalog-types";
import { diagnose } from "./index";
import { findings, withCode } from "../testing/diagnose-helpers";
import { TEST_CATALOG } from "../testing/test-catalog";

const meta = { name: "c" };

describe("references", () => {
  it("a machine in a role that is not in machines is an error, with a hint", () => {
    const doc = { meta, machines: { server1: {} }, instances: { backup: { roles: { server: { machines: { server1: { settings: { directory: "/d" } }, servr1: {} } } } } } };
    const [d, ...rest] = withCode(doc, "unknown-machine");
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: "error", path: ["instances", "backup", "roles", "server", "machines", "servr1"] });
    expect(d!.message).toMatch(/"servr1".*backup\/server.*not in machines.*Did you mean "server1"\?/);
  });

  it("unknown input and unknown module, from resolve-module", () => {
    const doc = { meta, instances: { x: { module: { name: "backup", input: "nope" } }, nothing: {}, mine: { module: { input: "self" } }, backup: {} } };
    expect(withCode(doc, "unknown-input").map((d) => d.path)).toEqual([["instances", "x", "module"]]);
    expect(withCode(doc, "unknown-module").map((d) => d.path)).toEqual([["instances", "nothing"]]);
    expect(withCode(doc, "unknown-module")[0]!.message).toMatch(/Instance "nothing": Input "clan-core" has no service module "nothing"/);
  });

  it("an input no loaded catalog describes is a warning, an error once the catalog lists every input of the flake", () => {
    const doc = { meta, instances: { x: { module: { name: "backup", input: "upstream" } } } };
    const partial = withCode(doc, "unknown-input");
    expect(partial).toEqual([expect.objectContaining({ severity: "warning", path: ["instances", "x", "module"] })]);
    expect(partial[0]!.message).toMatch(/no loaded catalog describes.*Load your clan's catalog/);
    const fromFlake = { ...TEST_CATALOG, inputs: ["clan-core", "self", "nixpkgs"] };
    expect(withCode(doc, "unknown-input", fromFlake)).toEqual([expect.objectContaining({ severity: "error" })]);
  });

  it("without a catalog, module rules stay silent and say so once", () => {
    const doc = { meta, instances: { x: { roles: { nope: { machines: { ghost: {} } } } } } };
    const d = findings(doc, EMPTY_CATALOG);
    expect(d.map((x) => x.code).sort()).toEqual(["no-catalog", "unknown-machine"]);
  });

  it("a machine only the Nix files define is not unknown; one nobody defines still is", () => {
    const doc = { meta, machines: { jsononly: {} }, instances: { backup: { roles: { server: { machines: { dirmachine: {}, ghost: {}, jsononly: {} } } } } } };
    const unknown = (nixMachines?: ReadonlySet<string>) =>
      diagnose(doc, TEST_CATALOG, { nixMachines })
        .filter((d) => d.code === "unknown-machine")
        .map((d) => d.path.at(-1));
    expect(unknown()).toEqual(["dirmachine", "ghost"]);
    expect(unknown(new Set(["dirmachine"]))).toEqual(["ghost"]);
  });
});
