// A problem at a place in a file the user gave (inventory.json, a Nix file, a catalog): what every
// reader of a file reports, and what the app's notices and the CLI's messages show.

export interface SourceError {
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** Keys into the document, when the problem is a field. */
  path?: (string | number)[];
}
