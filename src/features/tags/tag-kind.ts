// How a tag is defined, in words, for the Tags page (docs/clan-semantics.md "Static tags", "Machines and tags", "Members of a role").
import type { TagSummary } from "../../model/tag-overview";

const COMPUTED: Record<string, string> = {
  all: "every machine",
  nixos: "every machine of class nixos",
  darwin: "every machine of class darwin",
};

export function tagKind(t: TagSummary): string {
  if (t.reserved) return t.overridden ? `computed by Clan — overridden by inventory.tags.${t.tag}` : `computed by Clan: ${COMPUTED[t.tag]}`;
  const parts: string[] = [];
  if (t.ownCount > 0) parts.push(`own tag of ${t.ownCount} machine${t.ownCount === 1 ? "" : "s"}`);
  if (t.staticList) parts.push(`inventory.tags (${t.staticList.length})`);
  if (parts.length === 0) parts.push("used by roles only");
  return parts.join(" + ");
}

export function overrideWarning(t: TagSummary): string {
  const n = t.machines.length;
  const who = n === 1 ? "only the 1 machine it names carries" : `only the ${n} machines it names carry`;
  return `inventory.tags.${t.tag} replaces Clan's computed list (${COMPUTED[t.tag]}): ${who} "${t.tag}", and machines added later will not.`;
}
