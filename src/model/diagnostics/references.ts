// References that point nowhere: machines named in a role that the inventory does not define,
// and modules or inputs the catalog does not know (docs/clan-semantics.md "Members of a role", "Modules").
import { machinesOf } from "../accessors";
import { own } from "../../lib/json";
import { closest } from "../closest-name";
import { roleLabel, type Context } from "./context";

export function checkReferences(ctx: Context): void {
  const machines = Object.keys(machinesOf(ctx.doc));
  for (const inst of ctx.instances) {
    for (const role of inst.roles) {
      for (const { machine, known } of role.members) {
        // A machine only the Nix files define (e.g. machines/<name>/) is a real machine.
        if (known || ctx.nixMachines.has(machine)) continue;
        // Nix accepts this silently (docs/clan-semantics.md "Members of a role"): the service sees a member, counts it for its
        // constraints, and no machine is ever built for it. That is never what the user meant.
        const hint = closest(machine, machines);
        ctx.report(
          "error",
          "unknown-machine",
          ["instances", inst.name, "roles", role.name, "machines", machine],
          `Machine "${machine}" is in ${roleLabel(inst.name, role.name)} but not in machines. Nix accepts it silently and builds nothing for it, while the service counts it as a member. ${hint ? `Did you mean "${hint}"? ` : ""}Add "${machine}" to the machines, or remove it from the role.`,
        );
      }
    }
    if (!ctx.hasCatalog) continue;
    const problem = inst.module.problem;
    if (problem) {
      const hasModuleKey = inst.value !== undefined && own(inst.value, "module") !== undefined;
      const path = hasModuleKey ? ["instances", inst.name, "module"] : ["instances", inst.name];
      if (problem.code === "unknown-input" && !ctx.catalog.inputs) {
        // The loaded catalogs describe some inputs only (the embedded one: clan-core): a module of
        // another input may well exist in the clan's flake. Unknown, not wrong.
        ctx.report(
          "warning",
          problem.code,
          path,
          `Instance "${inst.name}": its module "${inst.module.ref.name}" comes from input "${inst.module.inputName}", which no loaded catalog describes, so its roles and settings are not checked. Load your clan's catalog (made with the command in docs/user-guide.md, "Catalogs", or opened in clan directory mode) to check them.`,
        );
      } else ctx.report("error", problem.code, path, `Instance "${inst.name}": ${problem.message}`);
    }
  }
}
