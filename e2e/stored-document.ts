// What the editor keeps in the browser (src/app/autosave-db.ts): the document in IndexedDB, as a
// test reads it to check that an edit was saved. The "doc" record's text is null while the
// document is the imported original.
import type { Page } from "@playwright/test";

/** The stored document, parsed; undefined before anything was stored. */
export function storedDocument<T = Record<string, any>>(page: Page): Promise<T | undefined> {
  return page.evaluate(
    () =>
      new Promise<T | undefined>((resolve, reject) => {
        const req = indexedDB.open("clan-inventory-editor");
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains("autosave")) {
            db.close();
            return resolve(undefined);
          }
          const tx = db.transaction("autosave", "readonly");
          const doc = tx.objectStore("autosave").get("doc");
          const original = tx.objectStore("autosave").get("original");
          tx.oncomplete = () => {
            db.close();
            const d = doc.result as { text: string | null } | undefined;
            const o = original.result as { text: string } | undefined;
            const text = d ? (d.text ?? o?.text) : undefined;
            resolve(text === undefined ? undefined : (JSON.parse(text) as T));
          };
        };
      }),
  );
}
