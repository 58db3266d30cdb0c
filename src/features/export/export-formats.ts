// The three things the Export dialog can produce from the document.
import { writeInventoryJson } from "../../formats/inventory-json";
import { NixPrintError, printNix, printNixSnippet } from "../../formats/nix/print";
import type { Inventory } from "../../model/inventory-schema";
import type { Language } from "./highlight";

export type ExportFormatId = "json" | "nix" | "snippet";

export interface ExportFormat {
  id: ExportFormatId;
  label: string;
  /** One sentence: what it is and where it goes. */
  hint: string;
  fileName: string;
  mime: string;
  language: Language;
  render(doc: Inventory): string;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  {
    id: "json",
    label: "inventory.json",
    hint: "The file clan's tools read and write, at the root of the clan directory.",
    fileName: "inventory.json",
    mime: "application/json",
    language: "json",
    render: writeInventoryJson,
  },
  {
    id: "nix",
    label: "Nix file",
    hint: "The inventory as a Nix attribute set, e.g. for `inventory = import ./inventory.nix;`.",
    fileName: "inventory.nix",
    mime: "text/plain",
    language: "nix",
    render: printNix,
  },
  {
    id: "snippet",
    label: "clan.nix snippet",
    hint: "`inventory = { … };` to paste into clan.nix in place of the inventory there.",
    fileName: "inventory-snippet.nix",
    mime: "text/plain",
    language: "nix",
    render: printNixSnippet,
  },
];

export type Rendered = { ok: true; text: string } | { ok: false; message: string; path: (string | number)[] };

/** The text of a format, or why it cannot be written (a NUL in a string cannot go into Nix). */
export function renderFormat(format: ExportFormat, doc: Inventory): Rendered {
  try {
    return { ok: true, text: format.render(doc) };
  } catch (e) {
    if (e instanceof NixPrintError) return { ok: false, message: e.message, path: e.path };
    return { ok: false, message: (e as Error).message, path: [] };
  }
}
