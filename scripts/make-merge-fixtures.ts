// Records the branch pairs src/cli/merge-git.test.ts merges with real git, made from the real
// inventories of clan-core in ../shared/data/inventories (not available to a fresh clone, hence
// recorded). Run: npx tsx scripts/make-merge-fixtures.ts [dir-of-inventories]
//
// For each inventory and each pair of edits: base.json (the inventory, in canonical form as
// clan-cli and the editor write it), ours.json, theirs.json, and either expected.json (the
// inventory with both edits, THEIRS' applied after OURS') or, for a true conflict, the paths
// that conflict in pair.json. pair.json also says whether git's own line merge conflicts.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { readInventoryJson, writeInventoryJson } from "../src/formats/inventory-json";
import { deleteIn, getIn, isObject, setIn, type Json, type JsonObject, type Path } from "../src/lib/json";
import { orderedKeys, setLayout } from "../src/lib/json-layout";

type Edit = (base: JsonObject) => ((doc: JsonObject) => JsonObject) | undefined;

const src = process.argv[2] ?? join(import.meta.dirname, "../../shared/data/inventories");
const out = join(import.meta.dirname, "../src/cli/fixtures/merge-pairs");

const keys = (v: Json | undefined) => (isObject(v) ? orderedKeys(v) : []);

/** The first role (instance, role) of the inventory. */
function firstRole(doc: JsonObject): [string, string] | undefined {
  for (const i of keys(getIn(doc, ["instances"]))) for (const r of keys(getIn(doc, ["instances", i, "roles"]))) return [i, r];
  return undefined;
}

/** Paths of every string or number inside a settings blob. */
function settingLeaves(doc: JsonObject): Path[] {
  const out: Path[] = [];
  const walk = (v: Json | undefined, path: Path) => {
    if (isObject(v)) for (const k of orderedKeys(v)) walk(v[k], [...path, k]);
    else if (typeof v === "string" || typeof v === "number") out.push(path);
  };
  for (const i of keys(getIn(doc, ["instances"]))) {
    for (const r of keys(getIn(doc, ["instances", i, "roles"]))) {
      const role = ["instances", i, "roles", r];
      walk(getIn(doc, [...role, "settings"]), [...role, "settings"]);
      for (const m of keys(getIn(doc, [...role, "machines"]))) walk(getIn(doc, [...role, "machines", m, "settings"]), [...role, "machines", m, "settings"]);
    }
  }
  return out;
}

// An edit finds its target in BASE and returns the change, so the expected inventory applies
// THEIRS' change to OURS' version at the same place.
const addMachine =
  (name: string): Edit =>
  () =>
  (doc) =>
    setIn(doc, ["machines", name], { machineClass: "nixos", tags: ["all"] });
const addMember =
  (name: string): Edit =>
  (base) => {
    const role = firstRole(base);
    return role && ((doc) => setIn(doc, ["instances", role[0], "roles", role[1], "machines", name], {}));
  };
const setLeaf =
  (n: number, value: string): Edit =>
  (base) => {
    const leaf = settingLeaves(base)[n];
    return leaf && ((doc) => setIn(doc, leaf, value));
  };
const addTagToFirstMachine =
  (tag: string): Edit =>
  (base) => {
    const m = keys(getIn(base, ["machines"]))[0];
    if (m === undefined) return undefined;
    return (doc) => {
      const tags = getIn(doc, ["machines", m, "tags"]);
      return setIn(doc, ["machines", m, "tags"], [...(Array.isArray(tags) ? tags : []), tag]);
    };
  };
const reverseInstances: Edit = (base) => {
  if (keys(getIn(base, ["instances"])).length < 2) return undefined;
  return (doc) => {
    const inst = getIn(doc, ["instances"]) as JsonObject;
    const order = orderedKeys(inst).reverse();
    const copy: JsonObject = {};
    for (const k of order) Object.defineProperty(copy, k, { value: inst[k], enumerable: true, writable: true, configurable: true });
    setLayout(copy, order, undefined);
    return setIn(doc, ["instances"], copy);
  };
};
const deleteInstance =
  (n: number): Edit =>
  (base) => {
    const name = keys(getIn(base, ["instances"]))[n];
    return name === undefined ? undefined : (doc) => deleteIn(doc, ["instances", name]);
  };
const setInstanceNote =
  (n: number, text: string): Edit =>
  (base) => {
    const name = keys(getIn(base, ["instances"]))[n];
    return name === undefined ? undefined : (doc) => setIn(doc, ["instances", name, "x-note"], text);
  };
const setMeta =
  (field: string, value: string): Edit =>
  () =>
  (doc) =>
    setIn(doc, ["meta", field], value);

interface PairSpec {
  name: string;
  ours: Edit;
  theirs: Edit;
  /** A true conflict: the paths (found after the edits) that conflict. */
  conflict?: true;
}

const PAIRS: PairSpec[] = [
  { name: "both-add-a-machine", ours: addMachine("new-ours"), theirs: addMachine("new-theirs") },
  { name: "both-add-a-member", ours: addMember("member-ours"), theirs: addMember("member-theirs") },
  { name: "adjacent-settings", ours: setLeaf(0, "changed by ours"), theirs: setLeaf(1, "changed by theirs") },
  { name: "reorder-and-edit", ours: reverseInstances, theirs: setLeaf(0, "changed by theirs") },
  { name: "delete-and-edit-next", ours: deleteInstance(0), theirs: setInstanceNote(1, "kept by theirs") },
  { name: "tag-and-machine", ours: addTagToFirstMachine("tag-ours"), theirs: addMachine("new-theirs") },
  { name: "meta-both", ours: setMeta("description", "ours"), theirs: setMeta("domain", "theirs.lol") },
  { name: "same-setting-conflict", ours: setLeaf(0, "ours value"), theirs: setLeaf(0, "theirs value"), conflict: true },
  { name: "delete-vs-change-conflict", ours: deleteInstance(0), theirs: setInstanceNote(0, "changed by theirs"), conflict: true },
];

function gitLineMergeConflicts(base: string, ours: string, theirs: string): boolean {
  const dir = mkdtempSync(join(tmpdir(), "pair-"));
  try {
    writeFileSync(join(dir, "b"), base);
    writeFileSync(join(dir, "o"), ours);
    writeFileSync(join(dir, "t"), theirs);
    execFileSync("git", ["merge-file", "-p", join(dir, "o"), join(dir, "b"), join(dir, "t")], { stdio: "pipe" });
    return false;
  } catch {
    return true;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

rmSync(out, { recursive: true, force: true });
let count = 0;
for (const file of readdirSync(src)
  .filter((f) => f.endsWith(".json"))
  .sort()) {
  const read = readInventoryJson(readFileSync(join(src, file), "utf8"));
  if (!read.ok) throw new Error(`${file}: ${read.error.message}`);
  const base = read.doc;
  for (const pair of PAIRS) {
    const oursEdit = pair.ours(base);
    const theirsEdit = pair.theirs(base);
    if (!oursEdit || !theirsEdit) continue;
    const ours = oursEdit(base);
    const theirs = theirsEdit(base);
    const expected = pair.conflict ? undefined : theirsEdit(ours);
    const dir = join(out, `${basename(file, ".json")}--${pair.name}`);
    mkdirSync(dir, { recursive: true });
    const texts = { base: writeInventoryJson(base), ours: writeInventoryJson(ours), theirs: writeInventoryJson(theirs) };
    if (texts.ours === texts.base || texts.theirs === texts.base) {
      rmSync(dir, { recursive: true });
      continue;
    }
    for (const [k, v] of Object.entries(texts)) writeFileSync(join(dir, `${k}.json`), v);
    if (expected) writeFileSync(join(dir, "expected.json"), writeInventoryJson(expected));
    const meta = { source: file, pair: pair.name, trueConflict: pair.conflict === true, gitLineMergeConflicts: gitLineMergeConflicts(texts.base, texts.ours, texts.theirs) };
    writeFileSync(join(dir, "pair.json"), JSON.stringify(meta, null, 2) + "\n");
    count++;
  }
}
console.log(`${count} pairs in ${out}`);
