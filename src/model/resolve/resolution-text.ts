// `clan-inventory resolve --format text`: per machine, what runs on it, each setting with its
// value and where it comes from; then the instances Clan cannot evaluate and its warnings.
import type { Json } from "../../lib/json";
import type { Origin } from "./evaluate-options";
import { settingRows } from "./setting-rows";
import type { MemberResolution, Resolution } from "./resolve";
import type { Source } from "./sources";
import { originLabel } from "./sources";

export function resolutionText(r: Resolution): string {
  const lines: string[] = [];
  const byMachine = new Map<string, { instance: string; role: string; member: MemberResolution }[]>();
  for (const inst of r.instances) {
    for (const role of inst.roles) {
      for (const member of role.members) {
        const list = byMachine.get(member.machine) ?? [];
        list.push({ instance: inst.name, role: role.name, member });
        byMachine.set(member.machine, list);
      }
    }
  }
  const names = [...new Set([...r.machines.keys(), ...byMachine.keys()])].sort();
  for (const m of names) {
    const tags = r.machines.get(m)?.tags;
    lines.push(tags ? `${m}  (tags: ${tags.join(", ") || "none"})` : `${m}  (not a machine of the inventory: Clan builds nothing for it)`);
    const placements = byMachine.get(m) ?? [];
    if (placements.length === 0) lines.push("  runs no service instance");
    for (const { instance, role, member } of placements) {
      const how = [member.explicit ? "by name" : "", ...member.viaTags.map((t) => `tag ${t}`)].filter(Boolean).join(", ");
      lines.push(`  ${instance} / ${role}  (${how})`);
      const inst = r.instances.find((i) => i.name === instance)!;
      if (inst.unknownModule) {
        lines.push(`    settings unknown: ${inst.unknownModule}`);
        continue;
      }
      for (const p of member.problems) lines.push(`    ✘ Clan fails: ${p.message}`);
      settingLines(member.settings ?? member.partial, member.origins, lines);
      for (const u of member.undefinedOptions) lines.push(`    ${u} — no value and no default: the service fails if it reads it`);
      for (const u of member.unknownDefaults) lines.push(`    ${u} — has a default the catalog does not record`);
    }
  }
  const failing = r.instances.filter((i) => i.error !== undefined);
  if (failing.length) {
    lines.push("", "Instances Clan cannot evaluate:");
    for (const i of failing) lines.push(`  ${i.name}: ${i.error!.replace(/\n/g, " ")}`);
  }
  if (r.inventoryProblems.length) {
    lines.push("", "Fields of the inventory Clan cannot read:");
    for (const p of r.inventoryProblems) lines.push(`  ${p.path.join(".")}: ${p.message}`);
  }
  return lines.join("\n");
}

function settingLines(value: Json | undefined, origins: Map<string, Origin<Source>>, lines: string[]) {
  for (const row of settingRows(value, origins)) {
    lines.push(`    ${row.path.join(".")} = ${JSON.stringify(row.value)}${row.origin ? `   ← ${originLabel(row.origin)}` : ""}`);
  }
}
