import fc from "fast-check";
import { effectiveSettings } from "../effective-settings";
import type { Inventory } from "../inventory-schema";
import { getIn } from "../json";
import { keepSettingIn } from "./resolve-conflict";

const doc = (role: unknown, machine: unknown): Inventory => ({
  machines: { web1: { tags: ["backup"] } },
  instances: {
    b: {
      roles: {
        client: {
          settings: role,
          machines: { web1: { settings: machine } },
          tags: { backup: { settings: { dest: { a: { repo: "tag" } } } } },
        },
      },
    },
  },
}) as Inventory;

describe("keepSettingIn", () => {
  it("keeps one layer's value and removes the path (and emptied groups) from the others", () => {
    const d = doc({ startAt: "role", dest: { a: { repo: "role" } } }, { startAt: "machine", keep: 1 });
    const before = effectiveSettings(d, "b", "client", "web1");
    expect(before.conflicts.map((c) => c.path.join(".")).sort()).toEqual(["dest.a.repo", "startAt"]);

    const keptMachine = keepSettingIn("b", "client", ["startAt"], { kind: "machine", name: "web1" }, [{ kind: "role" }]).apply(d);
    expect(keptMachine.instances).toMatchObject({ b: { roles: { client: { settings: { dest: { a: { repo: "role" } } }, machines: { web1: { settings: { startAt: "machine", keep: 1 } } } } } } });

    const keptTag = keepSettingIn("b", "client", ["dest", "a", "repo"], { kind: "tag", name: "backup" }, [{ kind: "role" }]).apply(d);
    expect(getIn(keptTag, ["instances", "b", "roles", "client", "settings"])).toEqual({ startAt: "role" });
    expect(effectiveSettings(keptTag, "b", "client", "web1").conflicts.map((c) => c.path.join("."))).toEqual(["startAt"]);
  });

  it("removes the settings key of a layer left empty", () => {
    const d = doc({ startAt: "role" }, { startAt: "machine" });
    const next = keepSettingIn("b", "client", ["startAt"], { kind: "role" }, [{ kind: "machine", name: "web1" }]).apply(d);
    expect(getIn(next, ["instances", "b", "roles", "client", "machines", "web1"])).toEqual({});
  });

  it("always leaves the path without a conflict, holding the kept value", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.boolean(), (a, b, keepRole) => {
        fc.pre(a !== b);
        const d = doc({ x: { y: a } }, { x: { y: b } });
        const keep = keepRole ? { kind: "role" as const } : { kind: "machine" as const, name: "web1" };
        const drop = keepRole ? [{ kind: "machine" as const, name: "web1" }] : [{ kind: "role" as const }];
        const eff = effectiveSettings(keepSettingIn("b", "client", ["x", "y"], keep, drop).apply(d), "b", "client", "web1");
        expect(eff.conflicts).toEqual([]);
        expect(eff.value).toMatchObject({ x: { y: keepRole ? a : b } });
      }),
    );
  });
});
