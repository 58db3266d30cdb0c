import { readFileSync } from "node:fs";
import { compileRoleSchema } from "./compile-schema";
import type { FieldNode } from "./field-node";
import type { Json, JsonObject } from "../lib/json";

const catalog = JSON.parse(readFileSync(new URL("../../public/catalog/clan-core.json", import.meta.url), "utf8")) as {
  moduleSchemas: Record<string, Record<string, Record<string, JsonObject>>>;
};
const core = catalog.moduleSchemas["clan-core"]!;
const role = (m: string, r: string) => compileRoleSchema(core[m]![r]!);

function prop(node: FieldNode, name: string) {
  if (node.kind !== "object") throw new Error(`not an object: ${node.kind}`);
  const p = node.properties.find((x) => x.name === name);
  if (!p) throw new Error(`no property ${name}`);
  return p;
}

/** Walks a field tree to a depth (the tree may be cyclic), counting nodes per kind. */
function walk(node: FieldNode, depth: number, kinds: Map<string, number>) {
  kinds.set(node.kind, (kinds.get(node.kind) ?? 0) + 1);
  if (depth === 0) return;
  const next = (n: FieldNode) => walk(n, depth - 1, kinds);
  if (node.kind === "object") node.properties.forEach((p) => next(p.node()));
  if (node.kind === "object" && node.extra) next(node.extra());
  if (node.kind === "list") next(node.items());
  if (node.kind === "map") next(node.values());
  if (node.kind === "nullable") next(node.inner());
  if (node.kind === "attrTag") node.variants.forEach((v) => next(v.node()));
  if (node.kind === "union") node.branches.forEach(next);
  if (node.kind === "json") (node.constraints ?? []).forEach(next);
}

describe("compileRoleSchema", () => {
  it("compiles every role schema of the embedded catalog without an unknown construct", () => {
    let roles = 0;
    for (const [module, schemas] of Object.entries(core)) {
      for (const [r, schema] of Object.entries(schemas)) {
        const kinds = new Map<string, number>();
        const root = compileRoleSchema(schema);
        walk(root, 8, kinds);
        expect(root.kind, `${module}/${r}`).toBe("object");
        const reasons: string[] = [];
        const find = (n: FieldNode, d: number): void => {
          if (n.kind === "json" && n.reason) reasons.push(n.reason);
          if (d > 0 && n.kind === "object") n.properties.forEach((p) => find(p.node(), d - 1));
        };
        find(root, 6);
        expect(reasons, `${module}/${r}`).toEqual([]);
        roles++;
      }
    }
    expect(roles).toBeGreaterThan(40);
  });

  it("reads borgbackup's destinations as a map of objects with a required repo and a ‹name› default", () => {
    const destinations = prop(role("borgbackup", "client"), "destinations").node();
    expect(destinations.kind).toBe("map");
    if (destinations.kind !== "map") return;
    const item = destinations.values();
    expect(prop(item, "repo")).toMatchObject({ required: true, hasDefault: false });
    expect(prop(item, "name")).toMatchObject({ required: false, hasDefault: true, default: "‹name›" });
    expect(prop(role("borgbackup", "client"), "startAt").node().kind).toBe("string");
  });

  it("reads nullOr, enum, the either of enum and list, and AnyJson", () => {
    expect(prop(role("borgbackup", "server"), "address").node()).toMatchObject({ kind: "nullable" });
    const services = prop(role("monitoring", "client"), "monitoredSystemdServices").node();
    expect(services.kind).toBe("union");
    if (services.kind === "union") expect(services.branches.map((b) => b.kind)).toEqual(["enum", "list"]);
    const synapse = prop(prop(role("matrix-synapse", "default"), "services").node(), "matrix-synapse").node();
    expect(prop(synapse, "package").node()).toMatchObject({ kind: "json" });
    expect(prop(synapse, "package").node()).not.toHaveProperty("reason");
    const wg = prop(role("wireguard", "peer"), "mtu").node();
    expect(wg.kind === "nullable" && wg.inner().kind).toBe("integer");
  });

  it("reads a oneOf of single-key objects as an attrTag, and integer|number as a number", () => {
    const schema: JsonObject = {
      $defs: {
        Input: { type: "object", additionalProperties: false, properties: { kind: { $ref: "#/$defs/KindInput" }, n: { oneOf: [{ type: "integer" }, { type: "number" }] } } },
        KindInput: {
          oneOf: [
            { type: "object", additionalProperties: false, required: ["a"], properties: { a: { type: "string" } } },
            { type: "object", additionalProperties: false, required: ["b"], properties: { b: { type: "integer" } } },
          ],
        },
      },
    };
    const root = compileRoleSchema(schema);
    const kind = prop(root, "kind").node();
    expect(kind.kind === "attrTag" && kind.variants.map((v) => v.name)).toEqual(["a", "b"]);
    expect(prop(root, "n").node().kind).toBe("number");
  });

  it("resolves recursive definitions lazily and to the same node", () => {
    const schema: JsonObject = {
      $defs: {
        Input: { type: "object", properties: { tree: { $ref: "#/$defs/Tree" } }, additionalProperties: false },
        Tree: { type: "object", additionalProperties: false, properties: { children: { type: "array", items: { $ref: "#/$defs/Tree" } } } },
      },
    };
    const tree = prop(compileRoleSchema(schema), "tree").node();
    const children = prop(tree, "children").node();
    expect(children.kind === "list" && children.items()).toBe(tree);
  });

  it("falls back to JSON with a reason instead of throwing", () => {
    const odd = (input: Json) => compileRoleSchema({ $defs: { Input: { type: "object", properties: { x: input } } } } as JsonObject);
    expect(prop(odd({ $ref: "#/$defs/Nope" }), "x").node()).toMatchObject({ kind: "json", reason: expect.stringContaining("Nope") });
    expect(prop(odd({ type: "date" }), "x").node()).toMatchObject({ kind: "json" });
    expect(prop(odd({ allOf: [{ type: "string" }] }), "x").node()).toMatchObject({ kind: "json", reason: expect.stringContaining("allOf") });
    expect(prop(odd({ type: ["string", "null"] }), "x").node()).toMatchObject({ kind: "nullable" });
    expect(compileRoleSchema({})).toMatchObject({ kind: "json", reason: expect.stringContaining("$defs.Input") });
    expect(compileRoleSchema(null as unknown as Json)).toMatchObject({ kind: "json" });
  });

  it("caches the tree per schema object", () => {
    const s = core["borgbackup"]!["client"]!;
    expect(compileRoleSchema(s)).toBe(compileRoleSchema(s));
  });
});
