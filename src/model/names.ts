// Naming rules that keep a name usable by Clan. One place for each rule: commands refuse bad
// names with these messages, and diagnostics report bad names found in an imported document.

/** clan-cli's `clan machines create` rule (case-insensitive), plus its 63-character limit. */
const MACHINE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/i;

export function machineNameProblem(name: string): string | undefined {
  if (name.length === 0) return "A machine name cannot be empty.";
  if (name.length > 63) return `"${name}" is ${name.length} characters long; Clan allows at most 63.`;
  if (!MACHINE_NAME.test(name)) {
    return `"${name}" is not a valid machine name: use letters, digits and '-', starting and ending with a letter or digit.`;
  }
  return undefined;
}

export function instanceNameProblem(name: string): string | undefined {
  if (name.length === 0) return "An instance name cannot be empty.";
  if (name.includes(".")) return `"${name}" contains '.', which breaks clan-cli's instance paths; use '-' instead.`;
  return undefined;
}

export function tagNameProblem(name: string): string | undefined {
  if (name.length === 0) return "A tag name cannot be empty.";
  if (/\s/.test(name)) return `"${name}" contains white space; tag names are single words (use '-').`;
  return undefined;
}

/** meta.name is `strMatching "[a-zA-Z0-9_-]*"` (anchored) in clan's meta module (docs/clan-semantics.md "meta"). */
export function clanNameProblem(name: string): string | undefined {
  if (!/^[a-zA-Z0-9_-]*$/.test(name)) return `"${name}" may only hold letters, digits, '_' and '-'.`;
  return undefined;
}

/** meta.domain: dot-separated lower-case labels of 1–63 [a-z0-9-], not starting or ending with '-'. */
export function domainProblem(domain: string): string | undefined {
  const label = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
  if (!domain.split(".").every((l) => label.test(l))) {
    return `"${domain}" is not a valid domain: use lower-case labels of letters, digits and '-', separated by dots.`;
  }
  return undefined;
}

/**
 * A domain only some clan versions accept: clan-core's meta module has also had a pattern whose
 * labels may hold '_' (`[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?`), next to the one above.
 */
export function domainVersionProblem(domain: string): string | undefined {
  const label = /^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$/;
  if (domain.includes("_") && domain.split(".").every((l) => label.test(l))) {
    return `"${domain}" has '_', which some clan versions accept in meta.domain and others refuse; it is not a valid host name either. Use '-' instead.`;
  }
  return undefined;
}

/** Case-insensitive lookup of an existing name (machine names must differ regardless of case). */
export function findNameIgnoringCase(names: Iterable<string>, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const n of names) if (n.toLowerCase() === lower) return n;
  return undefined;
}
