// The clan.nix lines a migration needs (model/migrate/plan.ts `ClanNixItem`): what inventory.json
// cannot hold. Old `extraModules` were strings relative to the clan's root; in Nix they become
// path literals relative to clan.nix, which sits at that root. Each block names the old key it
// replaces. Attribute paths are written dotted, so the lines can go into the attribute set
// clan.nix returns next to an existing `inventory = { … };` (Nix merges such definitions).
import type { ClanNixItem, ServicePlan } from "../../model/migrate/plan";
import { isObject, type Json } from "../../lib/json";
import { printAttrName, printString, printValue } from "./print";

export function clanNixSnippet(services: readonly ServicePlan[]): string {
  const blocks = services.flatMap((s) => s.clanNix.map(renderItem));
  if (blocks.length === 0) return "";
  return ["# Add to the attribute set clan.nix returns (the paths are relative to clan.nix, at the clan's root).", ...blocks].join("\n\n") + "\n";
}

export function renderItem(item: ClanNixItem): string {
  const from = `# was ${showOldPath(item.from)}`;
  switch (item.kind) {
    case "extraModules": {
      const path = ["inventory", "instances", item.instance, "roles", item.role, "extraModules"];
      const lines = [from, `${attrPath(path)} = ${moduleList(item.modules, "")};`];
      if (item.tags.length > 0) {
        // The guide's alternative when the point was importing by tag: clan-core's importer.
        const alternative = [
          `${attrPath(["inventory", "instances", `${item.instance}-${item.role}-imports`])} = {`,
          `  module.name = "importer";`,
          `  roles.default.tags = ${printValue(item.tags, "  ", 0, [])};`,
          `  roles.default.extraModules = ${moduleList(item.modules, "  ")};`,
          "};",
        ].join("\n");
        lines.push(
          `# Or, to import these on the machines tagged ${item.tags.join(", ")} whatever this service does,`,
          "# use clan-core's importer service (@clan/importer) instead of the line above:",
          ...alternative.split("\n").map((l) => `# ${l}`),
        );
      }
      return lines.join("\n");
    }
    case "machineImports":
      return [from, `${attrPath(["machines", item.machine, "imports"])} = ${moduleList(item.modules, "")};`].join("\n");
    case "machineModule": {
      const { path, value } = flatten(["machines", item.machine], item.module);
      return [from, `${attrPath(path)} = ${printValue(value, "", 0, [])};`].join("\n");
    }
    case "importer": {
      const lines = [`# ${item.reason}`, from, `${attrPath(["inventory", "instances", item.instance])} = {`, `  module.name = "importer";`];
      for (const m of item.machines) lines.push(`  ${attrPath(["roles", "default", "machines", m])} = { };`);
      if (item.tags.length > 0) lines.push(`  roles.default.tags = ${printValue(item.tags, "  ", 0, [])};`);
      lines.push(`  roles.default.extraModules = ${moduleList(item.modules, "  ")};`, "};");
      return lines.join("\n");
    }
  }
}

function attrPath(path: readonly string[]): string {
  return path.map((k) => printAttrName(k)).join(".");
}

/** A list of modules: strings are paths (relative to the clan root), anything else a module value. */
function moduleList(modules: readonly Json[], indent: string): string {
  const inner = indent + "  ";
  return `[\n${modules.map((m) => inner + (typeof m === "string" ? nixPath(m) : moduleValue(m, inner))).join("\n")}\n${indent}]`;
}

/** An inline module, its one-key chains dotted: `{ clan.core.settings.machine-id.enable = true; }`. */
function moduleValue(m: Json, indent: string): string {
  if (!isObject(m) || Object.keys(m).length === 0) return printValue(m, indent, indent.length, []);
  const inner = indent + "  ";
  const lines = Object.keys(m).map((k) => {
    const { path, value } = flatten([k], m[k] as Json);
    const lhs = attrPath(path);
    return `${inner}${lhs} = ${printValue(value, inner, inner.length + lhs.length + 3, [])};`;
  });
  return `{\n${lines.join("\n")}\n${indent}}`;
}

/** `nixosModules/x.nix` → `./nixosModules/x.nix`; text a path literal cannot hold → `./. + "/…"`. */
export function nixPath(relative: string): string {
  if (relative.startsWith("/")) return /^[A-Za-z0-9._+\-/]+$/.test(relative) && !relative.endsWith("/") ? relative : `(/. + ${printString(relative)})`;
  const clean = relative.replace(/^(\.\/)+/, "");
  if (/^[A-Za-z0-9._+\-/]+$/.test(clean) && !clean.endsWith("/") && !clean.includes("//") && clean !== "" && clean !== ".") {
    return clean.startsWith("../") ? clean : `./${clean}`;
  }
  return `(./. + ${printString("/" + clean)})`;
}

/** `{ clan = { core = { x = … } } }` → path `clan.core` and the set below it, while one key deep. */
function flatten(path: string[], value: Json): { path: string[]; value: Json } {
  let p = path;
  let v: Json = value;
  while (isObject(v) && Object.keys(v).length === 1) {
    const [k] = Object.keys(v) as [string];
    p = [...p, k];
    v = v[k] as Json;
  }
  return { path: p, value: v };
}

function showOldPath(path: readonly (string | number)[]): string {
  return path.map((k) => (typeof k === "number" ? `[${k}]` : /^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k))).join(".");
}
