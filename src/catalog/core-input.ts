// Which flake input is clan-core (docs/clan-semantics.md "Service modules and the catalog"): `module.input = null` means that input, under
// whatever name the user gave it. clan-cli finds it as the input whose modules contain the first
// name of `staticModules`. We evaluate only modulesPerSource, so we use the same idea with the
// names clan-core is known to have: the input (never "self") that holds the most module names of
// the embedded clan-core catalog wins; ties go to an input named "clan-core", then to the first
// name in alphabetical order. With no overlap at all, "clan-core" (the conventional name) stays.
export function detectCoreInput(modulesPerSource: Record<string, unknown>, knownCoreModules: readonly string[]): string {
  const known = new Set(knownCoreModules);
  let best: { name: string; score: number } | null = null;
  for (const name of Object.keys(modulesPerSource).sort()) {
    if (name === "self") continue;
    const modules = modulesPerSource[name];
    if (!modules || typeof modules !== "object" || Array.isArray(modules)) continue;
    const score = Object.keys(modules).filter((m) => known.has(m)).length;
    if (score === 0) continue;
    if (!best || score > best.score || (score === best.score && name === "clan-core")) best = { name, score };
  }
  return best?.name ?? "clan-core";
}
