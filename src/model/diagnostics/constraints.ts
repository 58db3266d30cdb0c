// A module's manifest constraints (docs/clan-semantics.md "Service modules and the catalog"), checked like clan's cliChecks: maxInstances per
// (input, module) — `input: null` and `input: "clan-core"` are different service groups in Nix
// (docs/clan-semantics.md "Modules"), so they are counted apart — and minMachines / maxMachines per role of each
// instance, counting resolved members, unknown machines included (docs/clan-semantics.md "Members of a role").
import type { Context, InstanceEntry } from "./context";
import { nameList, roleLabel } from "./context";
import { plural } from "../plural";

export function checkConstraints(ctx: Context): void {
  if (!ctx.hasCatalog) return;
  const groups = new Map<string, InstanceEntry[]>();
  for (const inst of ctx.instances) {
    const info = inst.module.info;
    if (!info) continue;
    const key = JSON.stringify([inst.module.ref.input, inst.module.ref.name]);
    const group = groups.get(key);
    if (group) group.push(inst);
    else groups.set(key, [inst]);

    const roleConstraints = info.manifest.constraints?.roles ?? {};
    for (const role of Object.keys(roleConstraints)) {
      const c = roleConstraints[role];
      if (!c) continue;
      const entry = inst.roles.find((r) => r.name === role);
      const count = entry?.members.length ?? 0;
      const path = ["instances", inst.name, "roles", role];
      const module = `${inst.module.inputName}/${inst.module.ref.name}`;
      if (typeof c.minMachines === "number" && count < c.minMachines) {
        ctx.report(
          "error",
          "min-machines",
          path,
          `Role ${roleLabel(inst.name, role)} needs at least ${plural(c.minMachines, "machine")} (module ${module}) but has ${count}. Add ${c.minMachines - count} more to the role.`,
        );
      }
      if (typeof c.maxMachines === "number" && count > c.maxMachines) {
        ctx.report(
          "error",
          "max-machines",
          path,
          `Role ${roleLabel(inst.name, role)} allows at most ${plural(c.maxMachines, "machine")} (module ${module}) but has ${count}: ${nameList(entry!.members.map((m) => m.machine))}. Remove ${count - c.maxMachines} of them.`,
        );
      }
    }
  }

  for (const group of groups.values()) {
    const first = group[0]!;
    const max = first.module.info!.manifest.constraints?.maxInstances;
    if (typeof max !== "number" || group.length <= max) continue;
    const module = `${first.module.inputName}/${first.module.ref.name}`;
    for (const inst of group.slice(max)) {
      ctx.report(
        "error",
        "max-instances",
        ["instances", inst.name],
        `Module ${module} allows at most ${plural(max, "instance")}, and there are ${group.length} (${nameList(group.map((i) => i.name))}). Merge "${inst.name}" into another instance, or delete it.`,
      );
    }
  }
}
