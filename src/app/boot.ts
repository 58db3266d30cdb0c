// What the editor opens with: `?inventory=<url>` first, else the autosaved document, else the
// demo inventory shipped in public/. The URL's text is read like an imported file: JSON or Nix
// by the name's extension, else by content, with the same error words (import-file.ts).
import { loadAutosave, type Stored } from "./autosave";
import { publicFile } from "../state/base-path";
import { readFailureDetail, readInventoryText } from "./import-file";
import { useNotices } from "../state/notices";
import { useEditor } from "../state/store";
import { fetchAddressText } from "../state/remote-address";

/** An inventory read from an address: as large as an imported file may be (the CLI says 10 MB). */
const MAX_INVENTORY_BYTES = 10 * 1024 * 1024;

/**
 * Returns what the browser had stored (the base for the autosave of this tab), or null, and
 * whether the tab opened the demo (autosave does not store an unedited demo).
 *
 * The header (Import, a dropped file) works while this still reads IndexedDB or fetches: a
 * document the user opened meanwhile is theirs, and what boot loads later does not replace it.
 */
export async function boot(search: string = window.location.search): Promise<{ stored: Stored | null; demo: boolean }> {
  const params = new URLSearchParams(search);
  const url = params.get("inventory");
  const initial = useEditor.getState().doc;
  const untouched = () => useEditor.getState().doc === initial;
  const saved = await loadAutosave().catch(() => null);
  if (url && untouched()) {
    if (await loadFromUrl(url, false, untouched)) return { stored: saved, demo: false };
  }
  if (!untouched()) return { stored: saved, demo: false };
  if (saved) {
    useEditor.getState().reset(saved.doc, saved.original, saved.history ?? undefined);
    return { stored: saved, demo: false };
  }
  const loaded = await loadFromUrl(publicFile("demo-inventory.json"), true, untouched);
  return { stored: null, demo: loaded === true };
}

/** true: loaded; "kept": read, but the user opened another document meanwhile; false: failed. */
async function loadFromUrl(url: string, asDemo: boolean, untouched: () => boolean): Promise<boolean | "kept"> {
  const notices = useNotices.getState();
  try {
    const text = await fetchAddressText(url, { maxBytes: MAX_INVENTORY_BYTES });
    const name = fileNameOf(url);
    const result = await readInventoryText(text, name);
    if (!result.ok) {
      notices.push({ kind: "error", title: `Could not load ${url}`, detail: readFailureDetail(result.error) });
      return false;
    }
    if (!untouched()) return "kept";
    useEditor.getState().reset(result.doc, { name, doc: result.doc });
    if (!asDemo) notices.push({ kind: "info", title: `Loaded ${name}`, detail: result.note });
    return true;
  } catch (e) {
    notices.push({ kind: "error", title: `Could not load ${url}`, detail: (e as Error).message });
    return false;
  }
}

/** The file name a URL ends with (`clan.nix` of `https://host/dir/clan.nix?raw=1`), for format and messages. */
export function fileNameOf(url: string): string {
  try {
    const path = new URL(url, "http://x/").pathname;
    return decodeURIComponent(path.split("/").pop() || "") || url;
  } catch {
    return url;
  }
}
