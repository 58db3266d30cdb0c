// What the editor opens with: `?inventory=<url>` first, else the autosaved document, else the
// demo inventory shipped in public/.
import { readInventoryJson } from "../formats/inventory-json";
import { loadAutosave } from "./autosave";
import { describeSourceError, useNotices } from "./notices";
import { useEditor } from "./store";

export async function boot(search: string = window.location.search): Promise<void> {
  const params = new URLSearchParams(search);
  const url = params.get("inventory");
  if (url) {
    if (await loadFromUrl(url)) return;
  }
  const saved = loadAutosave();
  if (saved) {
    useEditor.getState().reset(saved.doc, saved.original);
    return;
  }
  await loadFromUrl("/demo-inventory.json", true);
}

async function loadFromUrl(url: string, asDemo = false): Promise<boolean> {
  const notices = useNotices.getState();
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`the server answered ${res.status} ${res.statusText}`);
    const text = await res.text();
    const name = url.split("/").pop() || url;
    const result = readInventoryJson(text, name);
    if (!result.ok) {
      notices.push({ kind: "error", title: `Could not load ${url}`, detail: describeSourceError(result.error) });
      return false;
    }
    useEditor.getState().reset(result.doc, { name, doc: result.doc });
    if (!asDemo) notices.push({ kind: "info", title: `Loaded ${name}` });
    return true;
  } catch (e) {
    notices.push({ kind: "error", title: `Could not load ${url}`, detail: (e as Error).message });
    return false;
  }
}
