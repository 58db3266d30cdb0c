import { describe, expect, it } from "vitest";
import { parseNixValue } from "./parse";
import { clanNixSnippet, nixPath, renderItem } from "./migration-snippet";

describe("clan.nix lines of a migration", () => {
  it("turns old extraModules strings (relative to the clan root) into Nix paths", () => {
    expect(nixPath("nixosModules/borgbackup.nix")).toBe("./nixosModules/borgbackup.nix");
    expect(nixPath("./a.nix")).toBe("./a.nix");
    expect(nixPath("../other/b.nix")).toBe("../other/b.nix");
    expect(nixPath("/etc/nixos/c.nix")).toBe("/etc/nixos/c.nix");
    expect(nixPath("my modules/d.nix")).toBe('(./. + "/my modules/d.nix")');
    expect(nixPath("x${y}.nix")).toBe('(./. + "/x\\${y}.nix")');
  });

  it("writes an importer instance with its machines, tags and an inline module", () => {
    const text = renderItem({
      kind: "importer",
      instance: "machine-id-x",
      machines: ["web 1"],
      tags: ["all"],
      modules: [{ clan: { core: { settings: { "machine-id": { enable: true } } } } }],
      from: ["services", "machine-id", "x"],
      reason: "why",
    });
    expect(text).toBe(
      [
        "# why",
        "# was services.machine-id.x",
        "inventory.instances.machine-id-x = {",
        '  module.name = "importer";',
        '  roles.default.machines."web 1" = { };',
        '  roles.default.tags = [ "all" ];',
        "  roles.default.extraModules = [",
        "    {",
        "      clan.core.settings.machine-id.enable = true;",
        "    }",
        "  ];",
        "};",
      ].join("\n"),
    );
  });

  it("sets per-machine options on the deepest common path", () => {
    expect(
      renderItem({
        kind: "machineModule",
        machine: "db",
        module: { clan: { core: { postgresql: { enable: true, users: { a: {} } } } } },
        from: ["services", "postgresql", "p", "machines", "db", "config"],
      }),
    ).toBe("# was services.postgresql.p.machines.db.config\nmachines.db.clan.core.postgresql = {\n  enable = true;\n  users = {\n    a = { };\n  };\n};");
  });

  it("writes nothing when nothing needs Nix", () => {
    expect(clanNixSnippet([])).toBe("");
  });

  it("is Nix the editor's own reader accepts where it is data (a path-free block)", () => {
    const text = renderItem({ kind: "machineModule", machine: "db", module: { clan: { core: { postgresql: { enable: true } } } }, from: ["x"] });
    const r = parseNixValue(`{ ${text.split("\n").slice(1).join("\n")} }`);
    expect(r.ok && r.value).toEqual({ machines: { db: { clan: { core: { postgresql: { enable: true } } } } } });
  });
});
