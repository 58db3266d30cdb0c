// The inventory as the clan has it: inventory.json with what the clan's Nix files define laid
// under it (the partial inventory the local server sends, src/server/nix-defined.ts). Views and
// diagnostics read this so that instances only clan.nix defines are on the board, machines only
// Nix defines are in the palette, and `meta.name` set in Nix counts as set. Commands never read
// it: they edit inventory.json itself, so nothing of Nix's is ever copied into the file.
// Clan directory mode only: loaded with its lazy code (clan-directory/use-locked-paths.ts), which
// publishes the overlay to src/state/nix-locks.ts. Pure: no Node, no DOM.
import type { Inventory } from "./inventory-schema";
import { getIn, isObject, own, setIn, withKey, type Json, type JsonObject } from "../lib/json";

/** `doc` wins: a Nix value only fills what the file leaves out. Both sides cannot disagree on a
 * value (Nix would fail, and the locks keep the editor from doing it), so this is a plain merge
 * of attribute sets; a role's tags keep the file's form (list or attribute set). A settings blob
 * belongs to one source and is taken whole; one in the Nix part is a blob Nix owns (a read-only
 * lock's value, as Nix evaluates it, with whatever the file adds already merged in), so it
 * replaces the file's: it is what the machines get. */
function fill(doc: JsonObject, nix: JsonObject): JsonObject {
  let out = doc;
  for (const key of Object.keys(nix)) {
    const d = own(doc, key);
    const n = nix[key]!;
    if (d === undefined || (key === "settings" && d !== n)) out = withKey(out, key, n);
    else if (key === "tags" && Array.isArray(d) && isObject(n)) {
      const extra = Object.keys(n).filter((t) => !d.includes(t));
      if (extra.length) out = withKey(out, key, [...d, ...extra]);
    } else if (key !== "settings" && isObject(d) && isObject(n)) {
      const merged = fill(d, n);
      if (merged !== d) out = withKey(out, key, merged);
    }
  }
  return out;
}

// Views ask for the overlay on every render: the same file and Nix parts give the same objects,
// so the caches keyed on them (tag index, diagnostics memo, member counts) keep working.
const byInstance = new WeakMap<object, { doc: Json | undefined; out: Json }>();
const byMachines = new WeakMap<object, { doc: Json | undefined; out: JsonObject }>();
let last: { doc: Inventory; nix: Inventory; out: Inventory } | undefined;

function instances(doc: JsonObject, nix: JsonObject): JsonObject {
  let out = doc;
  for (const name of Object.keys(nix)) {
    const n = nix[name]!;
    const d = own(doc, name);
    if (!isObject(n) || (d !== undefined && !isObject(d))) continue;
    const hit = byInstance.get(n);
    const merged = hit && hit.doc === d ? hit.out : d === undefined ? n : fill(d, n);
    byInstance.set(n, { doc: d, out: merged });
    if (merged !== d) out = withKey(out, name, merged);
  }
  return out;
}

/** Machines only Nix defines are added (class and tags as Nix evaluates them); a machine the
 * file lists is the file's, as every machine view already shows it. */
function machines(doc: JsonObject, nix: JsonObject): JsonObject {
  const hit = byMachines.get(nix);
  if (hit && hit.doc === doc) return hit.out;
  let out = doc;
  for (const name of Object.keys(nix)) if (own(doc, name) === undefined) out = withKey(out, name, nix[name]!);
  byMachines.set(nix, { doc, out });
  return out;
}

export function withNixDefined(doc: Inventory, nix: Inventory | null | undefined): Inventory {
  if (!nix || Object.keys(nix).length === 0) return doc;
  if (last && last.doc === doc && last.nix === nix) return last.out;
  let out: JsonObject = doc;
  const name = getIn(nix, ["meta", "name"]);
  const meta = own(doc, "meta");
  if (typeof name === "string" && (meta === undefined || (isObject(meta) && own(meta, "name") === undefined))) {
    out = setIn(out, ["meta", "name"], name);
  }
  const nixMachines = own(nix, "machines");
  const docMachines = own(doc, "machines");
  if (isObject(nixMachines) && (docMachines === undefined || isObject(docMachines))) {
    const merged = machines(docMachines ?? EMPTY, nixMachines);
    if (merged !== (docMachines ?? EMPTY)) out = withKey(out, "machines", merged);
  }
  const nixInstances = own(nix, "instances");
  const docInstances = own(doc, "instances");
  if (isObject(nixInstances) && (docInstances === undefined || isObject(docInstances))) {
    const merged = instances(docInstances ?? EMPTY, nixInstances);
    if (merged !== (docInstances ?? EMPTY)) out = withKey(out, "instances", merged);
  }
  last = { doc, nix, out: out as Inventory };
  return out as Inventory;
}
const EMPTY: JsonObject = {};
