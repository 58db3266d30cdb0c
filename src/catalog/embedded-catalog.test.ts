// The embedded catalog (public/catalog/clan-core.json) against clan itself: every service and
// role of clan-core's facts (../shared/data/clan-core-services.facts.json, evaluated from
// clan-core with clan's own converter) must be there with the same schema once our own
// descriptions are taken out. The facts live outside the project, so that comparison runs only
// where ../shared exists; the checks of the file alone always run.
import { existsSync, readFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { fileURLToPath } from "node:url";
import { isObject, type Json, type JsonObject } from "../lib/json";
import { parseCatalog } from "./catalog-schema";
import { readEmbeddedCatalog } from "./embedded-catalog";

const embeddedPath = fileURLToPath(new URL("../../public/catalog/clan-core.json", import.meta.url));
const factsPath = fileURLToPath(new URL("../../../shared/data/clan-core-services.facts.json", import.meta.url));
const embedded = JSON.parse(readFileSync(embeddedPath, "utf8")) as JsonObject;
const hasFacts = existsSync(factsPath);
if (!hasFacts) console.warn(`SKIPPED: embedded catalog vs clan-core facts — ${factsPath} is absent (it is in ../shared beside the project).`);

/** A role schema without the `description` keyword (names of properties called "description" stay). */
function withoutDescriptions(node: Json): Json {
  if (Array.isArray(node)) return node.map(withoutDescriptions);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "description") continue;
    if ((key === "properties" || key === "$defs") && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutDescriptions(v)]));
    } else if (key === "items" || key === "additionalProperties" || key === "oneOf") out[key] = withoutDescriptions(value);
    else out[key] = value;
  }
  return out;
}

const parsed = parseCatalog(embedded);
const modules = parsed.catalog.modulesPerSource["clan-core"] ?? {};
const schemas = parsed.catalog.moduleSchemas["clan-core"] ?? {};

describe("the embedded clan-core catalog", () => {
  it("reads without a single problem", () => {
    expect(parsed.problems).toEqual([]);
    expect(parsed.catalog.coreInput).toBe("clan-core");
  });

  it("describes every service, role and option in words", () => {
    const missing: string[] = [];
    for (const [name, info] of Object.entries(modules)) {
      if (!info.manifest.description?.trim()) missing.push(`${name}: manifest.description`);
      if (!info.manifest.readme?.trim()) missing.push(`${name}: manifest.readme`);
      for (const [role, r] of Object.entries(info.roles)) if (!r.description?.trim()) missing.push(`${name}/${role}: description`);
      for (const [role, schema] of Object.entries(schemas[name] ?? {})) {
        const defs = schema["$defs"] as Record<string, JsonObject>;
        for (const [defName, def] of Object.entries(defs)) {
          for (const [prop, p] of Object.entries((def["properties"] ?? {}) as Record<string, JsonObject>)) {
            // clan puts the text inline for scalars and nullOr, inside the referenced $defs entry otherwise (docs/clan-semantics.md "Role schemas").
            const ref = typeof p["$ref"] === "string" ? p["$ref"].slice("#/$defs/".length) : undefined;
            const text = ref && ref !== "AnyJson" ? defs[ref]?.["description"] : p["description"];
            if (typeof text !== "string" || !text.trim()) missing.push(`${name}/${role}: ${defName}.${prop}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it.skipIf(!hasFacts)("holds every module and role of clan-core with clan's own schemas (descriptions aside)", () => {
    const facts = JSON.parse(readFileSync(factsPath, "utf8")) as {
      modulesPerSource: Record<string, Record<string, { manifest: JsonObject; roles: Record<string, JsonObject> }>>;
      moduleSchemas: Record<string, Record<string, Record<string, Json>>>;
    };
    const factModules = facts.modulesPerSource["clan-core"]!;
    const factSchemas = facts.moduleSchemas["clan-core"]!;
    expect(Object.keys(modules).sort()).toEqual(Object.keys(factModules).sort());
    let roleCount = 0;
    for (const [name, fact] of Object.entries(factModules)) {
      const info = modules[name]!;
      const { description: _d, readme: _r, ...manifest } = info.manifest;
      expect(manifest, name).toEqual(fact.manifest);
      expect(Object.keys(info.roles).sort(), name).toEqual(Object.keys(fact.roles).sort());
      for (const role of Object.keys(fact.roles)) {
        roleCount++;
        expect(withoutDescriptions(schemas[name]![role] as Json), `${name}/${role}`).toEqual(factSchemas[name]![role]);
      }
      expect(Object.keys(schemas[name]!).sort(), name).toEqual(Object.keys(factSchemas[name]!).sort());
    }
    expect(Object.keys(factModules)).toHaveLength(30);
    expect(roleCount).toBe(45);
  });
});

describe("the embedded catalog, read without the checks (readEmbeddedCatalog)", () => {
  // What makes skipping the checks at start-up safe: this test is those checks, once.
  it("is what the full checks make of it, and they find nothing in it", () => {
    const trusted = readEmbeddedCatalog(structuredClone(embedded));
    expect(trusted.problems).toEqual([]);
    expect(trusted.coreInputGiven).toBe(parsed.coreInputGiven);
    // Deep equality regardless of key order (the checks rebuild objects in their own order).
    expect(isDeepStrictEqual(trusted.catalog, parsed.catalog)).toBe(true);
    expect(Object.keys(trusted.catalog.roleInterfaces ?? {})).toEqual(["clan-core"]);
  });

  it("gets the full checks when it lacks its outline, so a damaged install is reported", () => {
    const damaged = structuredClone(embedded);
    delete damaged.moduleSchemas;
    expect(readEmbeddedCatalog(damaged).problems).toEqual(parseCatalog(damaged).problems);
    expect(readEmbeddedCatalog([]).problems[0]?.message).toMatch(/must be a JSON object/);
  });
});
