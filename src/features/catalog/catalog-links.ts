// Addresses of the catalog pages. Module names may hold '@' and '/' (docs/clan-semantics.md "Instances"), so both parts
// are encoded as one path segment each.
import { plural } from "../../model/plural";

export function moduleHref(input: string, name: string): string {
  return `/catalog/${encodeURIComponent(input)}/${encodeURIComponent(name)}`;
}

export function instanceHref(name: string): string {
  return `/instances/${encodeURIComponent(name)}`;
}

/** The router leaves %2F and %40 encoded in parameters; decode once, keeping text that is not an escape. */
export function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** "3 settings", "no settings", or that the catalog gives no schema for the role. */
export function settingsLabel(count: number | undefined): string {
  if (count === undefined) return "no settings schema";
  return count === 0 ? "no settings" : plural(count, "setting");
}
