// `clan-inventory migrate <inventory.json> [-o <file>] [--catalog <file>] [--accept-suggestions]`
//
// Migrates the old `inventory.services` (clanModules, clan ≤ 25.11) to `instances`
// (docs/clan-semantics.md "Migrating services to instances"; the plan is src/model/migrate/plan.ts). Prints the plan on stdout: per old
// instance the new name, what became of its module, where machines, tags and settings go, every
// settings key the new role does not know (with "did you mean"), the clan.nix lines for what JSON
// cannot hold, and what is left out. With -o, writes the migrated inventory there (`-o -`:
// stdout, and the plan goes to stderr); without it nothing is written. Every key outside
// `services` keeps its value, place and spelling. `--accept-suggestions` renames each unknown
// settings key to the option suggested for it.
// Exit status: 0 the result needs nothing fixed in inventory.json (clan.nix lines and removed
// modules may still be listed, and options without value or default, which Clan fails on only
// if the service reads them, as validate's settings-unset warning); 1 settings keys, values or
// roles the new modules do not take remain;
// 2 bad usage, or an input that cannot be read or written.
import type { Catalog } from "../catalog/catalog-types";
import { detectFormat } from "../formats/detect-format";
import { MAX_INVENTORY_BYTES, readInventoryJson, writeInventoryJson } from "../formats/inventory-json";
import { clanNixSnippet } from "../formats/nix/migration-snippet";
import type { Json } from "../lib/json";
import { applyMigration } from "../model/migrate/apply";
import { MIGRATION_GUIDE_URL } from "../model/migrate/clan-modules";
import { planMigration, type Decisions, type MigrationPlan, type ServicePlan } from "../model/migrate/plan";
import { plural } from "../model/plural";
import { InputError, located, readText } from "./read-input";
import { stdoutText, stderrLine, exitOnInputError, writeResult } from "./command-io";
import { loadCatalog } from "./load-inputs";
import { CommandLine } from "./command-line";
import { formatPath } from "../model/path-text";

export const MIGRATE_USAGE = "Usage: clan-inventory migrate <inventory.json> [-o <file>|-] [--catalog <file>] [--accept-suggestions]";

export interface MigrateIo {
  out(text: string): void;
  err(line: string): void;
}

interface Options {
  file: string;
  output?: string;
  catalog?: string;
  acceptSuggestions: boolean;
}

export async function migrateCommand(args: string[], io: Partial<MigrateIo> = {}): Promise<number> {
  const stdout = io.out ?? stdoutText;
  const err = io.err ?? stderrLine;
  const options = parseCommand(args, stdout, err);
  if (typeof options === "number") return options;
  // With `-o -` the inventory owns stdout; the plan moves to stderr.
  const planOut = options.output === "-" ? (text: string) => err(text.replace(/\n$/, "")) : stdout;
  return exitOnInputError(err, async () => {
    const text = await readText(options.file, "inventory", MAX_INVENTORY_BYTES);
    if (detectFormat(text, options.file) === "nix") {
      throw new InputError(
        `${options.file}: error: migrate reads inventory.json (the file that holds "services"); a Nix inventory is migrated by hand, with the plan of its JSON form (clan-inventory convert … --to json)`,
      );
    }
    const read = readInventoryJson(text, options.file);
    if (!read.ok) throw new InputError(located(options.file, read.error));
    const catalog = await loadCatalog(options.catalog, err);
    let plan = planMigration(read.doc, catalog);
    if (options.acceptSuggestions) plan = planMigration(read.doc, catalog, suggestions(plan));
    planOut(planText(plan, options.file, catalog));
    if (!plan.hasServices) return 0;
    if (options.output !== undefined) {
      const result = writeInventoryJson(applyMigration(read.doc, plan));
      writeResult(options.output === "-" ? undefined : options.output, result, stdout);
      if (options.output !== "-") err(`Wrote ${options.output}.`);
    } else err("Nothing written: give -o <file> to write the migrated inventory (-o with the input's own name replaces it).");
    return needsFixing(plan) ? 1 : 0;
  });
}

/** Every unknown key renamed to the option suggested for it. */
export function suggestions(plan: MigrationPlan): Decisions {
  const out: Record<string, string> = {};
  for (const s of plan.services) for (const m of s.settings) if (m.status === "unknown-key" && m.suggestion) out[m.id] = m.suggestion;
  return out;
}

function needsFixing(plan: MigrationPlan): boolean {
  return plan.services.some((s) => s.settings.some((m) => m.status === "unknown-key" || m.status === "invalid") || s.roles.some((r) => r.unknownRole));
}

const STATUS: Record<ServicePlan["status"], string> = {
  migrated: "migrated",
  renamed: "renamed",
  folded: "folded",
  "nixos-option": "now a NixOS option",
  removed: "removed",
  unknown: "unknown module",
};

export function planText(plan: MigrationPlan, file: string, catalog: Catalog): string {
  const lines: string[] = [];
  if (!plan.hasServices) return `${file}: no "services" key; nothing to migrate.\n`;
  if (plan.services.length === 0 && plan.problems.length === 0) return `${file}: "services" is empty; migrating removes it (as clan-cli does).\n`;
  lines.push(`Migration of ${file}: ${plural(plan.services.length, "old service instance")} (clan's guide: ${MIGRATION_GUIDE_URL})`, "");
  for (const s of plan.services) {
    const target = s.newInstance ? `instances.${formatPath([s.newInstance])}` : "no instance";
    const module = s.newModule && s.newModule !== s.module ? `${s.module} → ${s.newModule}` : s.module;
    lines.push(`${formatPath(s.from)} → ${target}  [${module}: ${STATUS[s.status]}]`);
    if (s.nameNote) lines.push(`  name: ${s.nameNote}`);
    if (s.advice) lines.push(`  ${s.advice}`);
    for (const r of s.roles) {
      const parts = [];
      if (r.machines.length) parts.push(`machines ${r.machines.join(", ")} → roles.${formatPath([r.newRole])}.machines.<name> = {}`);
      if (r.tags.length) parts.push(`tags ${r.tags.join(", ")} (kept as a list)`);
      if (!parts.length) parts.push("no machines, no tags");
      lines.push(`  role ${r.role}: ${parts.join("; ")}; members: ${r.members.join(", ") || "none"}`);
      if (r.newRole !== r.role) lines.push(`    the ${s.newModule} service has no ${r.role} role; its machines and tags join ${r.newRole}`);
      if (r.addedByName.length)
        lines.push(`    ${r.addedByName.join(", ")} now listed by name too, to carry ${r.addedByName.length === 1 ? "its" : "their"} machine settings (already members by tag)`);
      for (const m of r.missing)
        lines.push(`    NEEDS ${m.option}: the new role has no default for it and no old setting gives it, for ${m.machines.join(", ")}; the service fails if it reads it. Set it in the result.`);
      if (r.unknownRole)
        lines.push(
          `    ERROR the ${s.newModule} service has no role "${r.newRole}"${r.unknownRole.suggestion ? `; did you mean "${r.unknownRole.suggestion}"?` : ""} Its roles: ${r.unknownRole.known.join(", ")}. Rename the role in the result.`,
        );
    }
    for (const m of s.settings) {
      const to = m.to.length ? m.to.map((p) => formatPath(p.slice(2))).join(", ") : "left out";
      const tag = { ok: "ok", unchecked: "unchecked", "unknown-key": "UNKNOWN", invalid: "INVALID", "left-out": "left out" }[m.status];
      const renamed = m.renamedFrom ? ` (the new service calls ${m.renamedFrom} ${m.key}${m.note ? `; ${m.note}` : ""})` : "";
      lines.push(`  setting ${formatPath(m.from.slice(3))} → ${to}  [${tag}]${renamed}${m.decision === "rename" ? ` (renamed to ${m.writtenAs})` : ""}`);
      for (const msg of m.messages) lines.push(`    ${msg}`);
    }
    for (const a of s.added) lines.push(`  added ${formatPath(a.path.slice(2))} = ${JSON.stringify(a.value)}: ${a.reason}`);
    for (const c of s.clanNix) lines.push(`  to clan.nix: ${formatPath(c.from.slice(3)) || "the whole service"} (see the clan.nix lines below)`);
    for (const l of s.leftovers) lines.push(`  left out: ${formatPath(l.path)}: ${l.reason}${l.value === undefined ? "" : `\n    was: ${brief(l.value)}`}`);
    lines.push("");
  }
  for (const p of plan.problems) lines.push(`left out: ${formatPath(p.path)}: ${p.reason}`);
  const snippet = clanNixSnippet(plan.services);
  if (snippet) lines.push("clan.nix (JSON cannot hold these):", "", snippet.trimEnd(), "");
  lines.push(summary(plan, catalog));
  return lines.join("\n") + "\n";
}

function summary(plan: MigrationPlan, catalog: Catalog): string {
  const written = plan.services.filter((s) => s.newInstance).length;
  const removed = plan.services.filter((s) => s.status === "removed" || s.status === "unknown").length;
  const unknown = plan.services.reduce((n, s) => n + s.settings.filter((m) => m.status === "unknown-key" || m.status === "invalid").length, 0);
  const nix = plan.services.reduce((n, s) => n + s.clanNix.length, 0);
  const parts = [`${plural(written, "instance")} written`];
  if (removed) parts.push(`${plural(removed, "service")} not migrated (listed above)`);
  if (unknown) parts.push(`${plural(unknown, "settings key")} to fix`);
  if (nix) parts.push(`${plural(nix, "clan.nix block")} to add`);
  if (Object.keys(catalog.modulesPerSource).length === 0) parts.push("no catalog: settings unchecked");
  return `Summary: ${parts.join(", ")}.`;
}

function brief(value: Json): string {
  const text = JSON.stringify(value);
  return text.length > 400 ? text.slice(0, 400) + "…" : text;
}

function parseCommand(args: string[], out: (text: string) => void, err: (line: string) => void): Options | number {
  const cli = new CommandLine("migrate", MIGRATE_USAGE, { help: (usage) => out(usage + "\n"), err });
  const parsed = cli.parse(args, {
    output: { type: "string", short: "o", missing: "needs a file name (or - for standard output)" },
    catalog: { type: "string", missing: "needs a file name" },
    "accept-suggestions": { type: "boolean" },
  });
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const [file, extra] = positionals;
  if (file === undefined) return cli.fail("which inventory.json? Give its path");
  if (extra !== undefined) return cli.fail(`one inventory at a time (got ${file} and ${extra})`);
  return { file, output: values.output, catalog: values.catalog, acceptSuggestions: values["accept-suggestions"] ?? false };
}
