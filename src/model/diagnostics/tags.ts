// Tags that select nobody, and reserved tags replaced by hand (docs/clan-semantics.md "Static tags", "Machines and tags", "Members of a role").
import { roleTagNames, staticTagsOf } from "../accessors";
import { own } from "../../lib/json";
import { tagIndex } from "../tags";
import { roleLabel, type Context } from "./context";

export function checkTags(ctx: Context): void {
  const index = tagIndex(ctx.doc);
  for (const inst of ctx.instances) {
    for (const role of inst.roles) {
      const tags = role.value ? own(role.value, "tags") : undefined;
      const names = roleTagNames(role.value);
      for (const tag of names) {
        if ((index.byTag.get(tag)?.length ?? 0) > 0 || carriedInNix(ctx, tag)) continue;
        // List form: the key into the document is the index of the tag in the list.
        const key = Array.isArray(tags) ? tags.indexOf(tag) : tag;
        ctx.report(
          "warning",
          "unknown-tag",
          ["instances", inst.name, "roles", role.name, "tags", key],
          `No machine carries tag "${tag}" used in ${roleLabel(inst.name, role.name)}: Nix warns and the tag adds nobody to the role. Tag some machines with "${tag}", or remove it from the role.`,
        );
      }
    }
  }

  const statics = staticTagsOf(ctx.doc);
  for (const tag of index.overriddenReserved) {
    ctx.report(
      "warning",
      "reserved-tag-override",
      ["tags", tag],
      `tags.${tag} replaces the list Clan computes for the reserved tag "${tag}" (it does not extend it): only the machines listed here carry "${tag}". Remove tags.${tag} unless that is what you want.`,
    );
  }
  for (const tag of Object.keys(statics)) {
    const list = statics[tag];
    if (!Array.isArray(list)) continue;
    list.forEach((machine, i) => {
      if (typeof machine === "string" && !index.byMachine.has(machine) && !ctx.nixMachines.has(machine)) {
        ctx.report(
          "info",
          "static-tag-unknown-machine",
          ["tags", tag, i],
          `tags.${tag} lists "${machine}", which is not in machines; it is never matched. Remove it from the list, or add the machine.`,
        );
      }
    });
  }
}

/** Whether a machine only Nix defines carries `tag` as far as the editor can tell: every machine
 * carries `all` (unless tags.all replaces it) and `nixos` (its class unless Nix says darwin, as
 * for a machine only a machines/<name>/ directory defines), and a static tag carries the
 * machines it lists. (The tags Nix gives such a machine itself are not known here.) */
export function carriedInNix(ctx: Context, tag: string): boolean {
  if (ctx.nixMachines.size === 0) return false;
  const list = own(staticTagsOf(ctx.doc), tag);
  if (Array.isArray(list)) return list.some((m) => typeof m === "string" && ctx.nixMachines.has(m));
  return tag === "all" || tag === "nixos";
}
