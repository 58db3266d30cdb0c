// A member's settings merged from its blobs (tags, machine, role) as the module system merges
// them, here without a role schema (UNKNOWN_INTERFACE: no defaults, no types) — what the diff and
// commit messages use when no catalog is loaded. The cases with schemas are the oracle's
// (resolve.conformance.test.ts).
import { parseJson } from "../../formats/json-parse";
import { writeJson } from "../../formats/json-write";
import { isObject, type JsonObject } from "../../lib/json";
import { membersOfRole } from "../membership";
import { evaluateMember } from "./member-settings";
import { fromNix } from "./nix-value";
import { UNKNOWN_INTERFACE } from "./role-interface";

const doc: JsonObject = {
  machines: { m: { tags: ["t1", "t2"] }, n: {} },
  instances: {
    i: {
      roles: {
        r: {
          settings: { a: { k: { x: 1 } }, list: ["role"], greeting: "hi" },
          tags: { t1: { settings: { a: { k: { y: 2 } }, list: ["t1"] } }, t2: { settings: { greeting: "hi", list: ["t2"] } }, other: { settings: { z: 1 } } },
          machines: { m: { settings: { a: { j: { x: 3 } }, list: ["machine"] } } },
        },
        conflict: {
          settings: { greeting: "role" },
          machines: { m: { settings: { greeting: "machine" } } },
          tags: ["t1"],
        },
      },
    },
  },
};

function member(d: JsonObject, role: string, machine: string) {
  const r = ((d.instances as JsonObject).i as { roles: JsonObject }).roles[role] as JsonObject;
  const found = membersOfRole(d, r).find((x) => x.machine === machine);
  return evaluateMember(UNKNOWN_INTERFACE, r, machine, found?.viaTags ?? []);
}

it("deep-merges role, machine and every carried tag; lists in Nix's order (tags z→a, machine, role)", () => {
  const e = member(doc, "r", "m");
  expect(e.ok).toBe(true);
  expect(e.value).toEqual({ a: { k: { y: 2, x: 1 }, j: { x: 3 } }, list: ["t2", "t1", "machine", "role"], greeting: "hi" });
  expect(e.layers).toEqual([{ kind: "tag", name: "t2" }, { kind: "tag", name: "t1" }, { kind: "machine", name: "m" }, { kind: "role" }]);
});

it("a tag the machine does not carry does not apply", () => {
  expect(member(doc, "r", "n").value).toEqual({ a: { k: { x: 1 } }, list: ["role"], greeting: "hi" });
  const d = structuredClone(doc);
  ((d.instances as JsonObject).i as { roles: { r: JsonObject } }).roles.r.tags = ["other"];
  expect(member(d, "r", "m").value).toEqual({ a: { k: { x: 1 }, j: { x: 3 } }, list: ["machine", "role"], greeting: "hi" });
});

it("different scalars in two blobs are a conflict naming both, in Nix's order", () => {
  const e = member(doc, "conflict", "m");
  expect(e.ok).toBe(false);
  const conflict = e.problems.find((p) => p.path.join(".") === "greeting");
  expect(conflict?.sources).toEqual([{ kind: "machine", name: "m" }, { kind: "role" }]);
  expect(conflict?.values).toEqual(["machine", "role"]);
});

it("keeps how each blob spelled its numbers (2.0 is a float to Nix), in sets and concatenated lists", () => {
  const text = JSON.stringify({
    machines: { m: { tags: ["t"] } },
    instances: {
      i: {
        roles: {
          r: {
            settings: { ratio: "@2.0", nested: { f: "@1.50" }, list: ["@1.0", 3] },
            machines: { m: { settings: { nested: { g: "@3.0" }, list: ["@2.0"] } } },
            tags: { t: { settings: { list: ["@1e2"], other: { h: "@0.0" } } } },
          },
        },
      },
    },
  }).replace(/"@([^"]+)"/g, "$1");
  const parsed = parseJson(text);
  if (!parsed.ok || !isObject(parsed.value)) throw new Error("fixture does not parse");
  const e = member(parsed.value, "r", "m");
  const written = writeJson(isObject(e.value) ? e.value : fromNix(e.value));
  expect(JSON.parse(written)).toEqual({ list: [100, 2, 1, 3], other: { h: 0 }, nested: { g: 3, f: 1.5 }, ratio: 2 });
  expect(written).toContain('"ratio": 2.0');
  expect(written).toContain('"g": 3.0');
});
