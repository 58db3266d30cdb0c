// Roles an instance uses must be roles of its module (docs/clan-semantics.md "Service modules and the catalog"); a role without members is
// valid but does nothing (docs/clan-semantics.md "Members of a role").
import { roleLabel, type Context } from "./context";
import { closest } from "../closest-name";
import { roleTagNames } from "../accessors";
import { carriedInNix } from "./tags";

export function checkRoles(ctx: Context): void {
  for (const inst of ctx.instances) {
    const info = ctx.hasCatalog ? inst.module.info : undefined;
    const known = info ? Object.keys(info.roles) : undefined;
    for (const role of inst.roles) {
      const path = ["instances", inst.name, "roles", role.name];
      if (known && !known.includes(role.name)) {
        const hint = closest(role.name, known);
        ctx.report(
          "error",
          "unknown-role",
          path,
          `Module ${inst.module.inputName}/${inst.module.ref.name} has no role "${role.name}" (its roles: ${known.join(", ") || "none"}); Clan stops when it evaluates instance "${inst.name}". ${hint ? `Did you mean "${hint}"? ` : ""}Move the members to one of its roles, or remove this role.`,
        );
        continue;
      }
      // Machines only Nix defines are not members the editor resolves, but a tag may reach them.
      if (role.value && role.members.length === 0 && !roleTagNames(role.value).some((tag) => carriedInNix(ctx, tag))) {
        ctx.report("info", "empty-role", path, `Role ${roleLabel(inst.name, role.name)} has no members, so it does nothing. Add machines or tags to it, or remove it.`);
      }
    }
  }
}
