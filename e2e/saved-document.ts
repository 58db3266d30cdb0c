// The document the editor keeps in the browser (autosave, in IndexedDB: src/app/autosave-db.ts),
// parsed; undefined before the first write. Tests poll it (the write is debounced).
import type { Page } from "@playwright/test";

export function savedDocument(page: Page): Promise<Record<string, any> | undefined> {
  return page.evaluate(
    () =>
      new Promise<Record<string, any> | undefined>((resolve) => {
        const req = indexedDB.open("clan-inventory-editor");
        req.onerror = () => resolve(undefined);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains("autosave")) return resolve(undefined);
          const tx = db.transaction("autosave", "readonly");
          const doc = tx.objectStore("autosave").get("doc");
          const original = tx.objectStore("autosave").get("original");
          tx.oncomplete = () => {
            // A document equal to the imported file is stored as null: the original's text.
            const d = doc.result as { text: string | null } | undefined;
            const text = d ? (d.text ?? (original.result as { text: string } | undefined)?.text) : undefined;
            resolve(text ? JSON.parse(text) : undefined);
          };
        };
      }),
  );
}
