// Problems in a settings blob clan.nix owns say they come from clan.nix and are fixed there.
import type { LockedPath } from "../locked-paths";
import { findings } from "../testing/diagnose-helpers";
import { markNixOwned } from "./nix-owned";

const meta = { name: "t" };
const machines = { a: {}, b: {} };
const role = ["instances", "backup", "roles", "server"];
const blobLock: LockedPath = { path: [...role, "settings"], kind: "readonly", reason: "settings defined in Nix (clan.nix)", files: ["clan.nix"], value: { port: "1" } };

describe("markNixOwned", () => {
  it("a wrong value in a blob Nix owns names clan.nix and the attribute, and is not the editor's to fix", () => {
    // The clan's view: the blob as Nix has it (laid under inventory.json by the app).
    const doc = { meta, machines, instances: { backup: { roles: { server: { machines: { a: {} }, settings: { port: "1" } } } } } };
    const found = findings(doc).filter((d) => d.code === "settings-invalid");
    expect(found).toHaveLength(1);
    const [marked] = markNixOwned(found, [blobLock]);
    expect(marked!.nixOwned).toEqual({ path: [...role, "settings"], files: ["clan.nix"] });
    expect(marked!.message).toMatch(/^From clan\.nix: /);
    expect(marked!.message).toMatch(/\(instances\.backup\.roles\.server\.settings: settings defined in Nix \(clan\.nix\), which the editor cannot change; fix it in clan\.nix\.\)$/);
    // The same problem in inventory.json's own blob is the editor's: unchanged.
    expect(markNixOwned(found, [])).toBe(found);
    expect(markNixOwned(found, [{ ...blobLock, path: ["instances", "other", "roles", "server", "settings"] }])[0]).toBe(found[0]);
  });

  it("the editor's own fix button is not named where the value lives in Nix", () => {
    const d = {
      severity: "error" as const,
      code: "settings-conflict",
      path: [...role, "settings", "port"],
      message: 'keep one, or make the other a default (mkDefault: "Let machines override this").',
    };
    const [marked] = markNixOwned([d], [blobLock]);
    expect(marked!.message).not.toMatch(/Let machines override this/);
    expect(marked!.message).toMatch(/\(lib\.mkDefault\)/);
  });

  it("'set it in the role settings' where Nix owns them says where they are, and that members' settings are the editor's", () => {
    const d = {
      severity: "warning" as const,
      code: "settings-unset",
      path: role,
      message: 'In backup/server, "port" has no value and no default: the service fails if it reads it. Set it in the role settings, or in the settings of each member (by machine or tag).',
    };
    const [marked] = markNixOwned([d], [blobLock]);
    expect(marked!.message).toMatch(/The role settings are defined in Nix \(clan\.nix\): set it there, or in a member's settings here\.$/);
    expect(marked!.nixOwned).toBeUndefined();
  });
});
