// Which format an inventory file is in, for files whose name does not say (`.json`/`.nix`):
// JSON starts an object with `"key":`; everything else an inventory can start with in Nix (a
// comment, a name, `{ key =`, a module header `{ inputs, ... }:`) is Nix.
export type InventoryFormat = "json" | "nix";

export function detectFormat(text: string, name = ""): InventoryFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith(".json")) return "json";
  if (lower.endsWith(".nix")) return "nix";
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const blank = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  blank();
  if (text[i] !== "{") return text[i] === "[" ? "json" : "nix";
  i++;
  blank();
  if (text[i] === "}") return "json";
  if (text[i] !== '"') return "nix";
  // Step over the quoted name; what follows it decides: `:` in JSON, `=` or `.` in Nix.
  for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
  i++;
  blank();
  return text[i] === ":" ? "json" : "nix";
}
