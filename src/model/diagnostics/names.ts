// Names that break Clan (docs/clan-semantics.md "meta", "Machine fields", "Instances"). The rules themselves live in src/model/names.ts,
// shared with the commands that refuse such names; here they are applied to what was imported.
import { instancesOf, machinesOf, metaOf } from "../accessors";
import { isObject, own } from "../../lib/json";
import { clanNameProblem, domainProblem, domainVersionProblem, instanceNameProblem, machineNameProblem } from "../names";
import { memo, type Context, type Memo } from "./context";

const cache = new WeakMap<object, Memo>();

export function checkNames(ctx: Context): void {
  const { doc } = ctx;
  const machines = machinesOf(doc);
  // Names of 2,000 machines, checked again only when the machines change.
  memo(ctx, cache, machines, [], (c) => {
    const seen = new Map<string, string>();
    for (const name of Object.keys(machines)) {
      const problem = machineNameProblem(name);
      if (problem) {
        c.report("error", "machine-name", ["machines", name], `${problem} clan-cli refuses it, and the name becomes the hostname and a directory name. Rename the machine.`);
      }
      // Machine directories (machines/, vars/, sops/) clash on case-insensitive file systems.
      const lower = name.toLowerCase();
      const other = seen.get(lower);
      if (other !== undefined) {
        c.report(
          "warning",
          "machine-name-case",
          ["machines", name],
          `Machines "${other}" and "${name}" differ only in case; their directories clash on macOS and Windows file systems. Rename one of them.`,
        );
      } else seen.set(lower, name);
      const machine = machines[name];
      const declared = isObject(machine) ? own(machine, "name") : undefined;
      if (typeof declared === "string" && declared !== name) {
        c.report(
          "warning",
          "machine-name-mismatch",
          ["machines", name, "name"],
          `Machine "${name}" says its name is "${declared}". The key is the machine's identity and clan-cli refuses to update a machine whose name differs from it; remove the "name" field or set it to "${name}".`,
        );
      }
    }
  });

  for (const name of Object.keys(instancesOf(doc))) {
    const problem = instanceNameProblem(name);
    if (problem) ctx.report("error", "instance-name", ["instances", name], `Instance name: ${problem} Rename the instance.`);
  }

  const meta = metaOf(doc);
  const clanName = own(meta, "name");
  if (typeof clanName === "string") {
    const problem = clanNameProblem(clanName);
    if (problem) ctx.report("error", "clan-name", ["meta", "name"], `meta.name ${problem} Nix rejects the inventory otherwise; rename the clan.`);
  }
  const domain = own(meta, "domain");
  if (typeof domain === "string") {
    const soft = domainVersionProblem(domain);
    const problem = soft ? undefined : domainProblem(domain);
    if (soft) ctx.report("warning", "clan-domain", ["meta", "domain"], `meta.domain ${soft}`);
    else if (problem) ctx.report("error", "clan-domain", ["meta", "domain"], `meta.domain ${problem} Nix rejects it; machines are addressed as <machine>.<domain>.`);
  }
  const tld = own(meta, "tld");
  if (tld !== undefined && tld !== null) {
    const invalid = typeof tld === "string" && !/^[a-z]+$/.test(tld);
    ctx.report(
      invalid ? "error" : "warning",
      "clan-tld",
      ["meta", "tld"],
      invalid
        ? `meta.tld "${tld}" must be lower-case letters only; it is also deprecated: use meta.domain instead.`
        : "meta.tld is deprecated: Clan uses it as meta.domain and warns. Move the value to meta.domain.",
    );
  }
}
