// The blobs a member's settings come from (a layer): the role-wide settings, a machine's own
// settings in the role, and the settings of a role tag the machine carries — where each lives in
// the document and how messages name it. How the blobs merge is model/resolve (member-settings.ts).
export type Layer = { kind: "role" } | { kind: "machine"; name: string } | { kind: "tag"; name: string };

export function layerLabel(layer: Layer): string {
  return layer.kind === "role" ? "role settings" : `${layer.kind} ${layer.name}`;
}

/** Where a layer's settings blob lives in the document. */
export function layerPath(instance: string, role: string, layer: Layer): string[] {
  const base = ["instances", instance, "roles", role];
  if (layer.kind === "role") return [...base, "settings"];
  if (layer.kind === "machine") return [...base, "machines", layer.name, "settings"];
  return [...base, "tags", layer.name, "settings"];
}
