// A 300-option role schema in clan's dialect (root at $defs.Input, readOnly on every option,
// "required" = no default), for the largest form a benchmark renders. Deterministic: option i
// is a string, integer, boolean or enum by i mod 10; option 150 (TYPING_TARGET) is a string.
export const TYPING_TARGET = "option150";

export function syntheticSchema(count = 300): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (let i = 1; i <= count; i++) {
    const name = `option${String(i).padStart(3, "0")}`;
    const description = `Synthetic option ${i} of ${count}: what it sets, in one sentence, as clan-core's options describe themselves.`;
    const k = i % 10;
    if (name === TYPING_TARGET || k < 6) properties[name] = { type: "string", default: "", description, readOnly: true };
    else if (k < 8) properties[name] = { type: "integer", default: i, description, readOnly: true };
    else if (k < 9) properties[name] = { type: "boolean", default: false, description, readOnly: true };
    else properties[name] = { enum: ["low", "medium", "high"], default: "medium", description, readOnly: true };
  }
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $defs: { Input: { type: "object", additionalProperties: false, properties } },
  };
}
