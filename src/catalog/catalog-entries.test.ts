import type { Catalog } from "./catalog-types";
import { allCategories, catalogEntries, filterEntries, instancesUsing, settingsCount } from "./catalog-entries";

const catalog: Catalog = {
  coreInput: "clan-core",
  modulesPerSource: {
    self: { web: { manifest: { name: "web", description: "My own web server" }, roles: { default: {} } } },
    "clan-core": {
      sshd: { manifest: { name: "clan-core/sshd", description: "The OpenSSH server", categories: ["Network"] }, roles: { server: {}, client: {} } },
      borgbackup: { manifest: { name: "borgbackup", description: "Encrypted backups", categories: ["System"] }, roles: { client: {} } },
    },
  },
  moduleSchemas: {
    "clan-core": { sshd: { server: { $defs: { Input: { type: "object", properties: { a: { type: "string" }, b: { type: "string" } } } } }, client: { $defs: { Input: { type: "object" } } } } },
  },
};

describe("catalog entries", () => {
  const entries = catalogEntries(catalog);

  it("lists the core input first, then by input and name", () => {
    expect(entries.map((e) => `${e.input}/${e.name}`)).toEqual(["clan-core/borgbackup", "clan-core/sshd", "self/web"]);
    expect(entries.map((e) => e.isCore)).toEqual([true, true, false]);
    expect(entries[2]!.categories).toEqual(["Uncategorized"]);
  });

  it("searches name, description and category, every word", () => {
    const names = (q: string, category: string | null = null, input: string | null = null) => filterEntries(entries, { query: q, category, input }).map((e) => e.name);
    expect(names("")).toEqual(["borgbackup", "sshd", "web"]);
    expect(names("openssh")).toEqual(["sshd"]);
    expect(names("network")).toEqual(["sshd"]);
    expect(names("BACKUP encrypted")).toEqual(["borgbackup"]);
    expect(names("backup web")).toEqual([]);
    expect(names("", "System")).toEqual(["borgbackup"]);
    expect(names("", null, "self")).toEqual(["web"]);
    expect(allCategories(entries)).toEqual(["Network", "System", "Uncategorized"]);
  });

  it("counts the settings at the root of a role schema", () => {
    const sshd = entries[1]!;
    expect(settingsCount(sshd.schemas["server"])).toBe(2);
    expect(settingsCount(sshd.schemas["client"])).toBe(0);
    expect(settingsCount(undefined)).toBeUndefined();
  });

  it("finds the instances using a module, with defaulted name and null input", () => {
    const instances = {
      sshd: { roles: {} },
      "sshd-2": { module: { name: "sshd" } },
      "sshd-3": { module: { name: "sshd", input: "clan-core" } },
      other: { module: { name: "sshd", input: "self" } },
      web: { module: { input: "self" } },
    };
    expect(instancesUsing(instances, "clan-core", "clan-core", "sshd")).toEqual(["sshd", "sshd-2", "sshd-3"]);
    expect(instancesUsing(instances, "clan-core", "self", "web")).toEqual(["web"]);
  });
});
