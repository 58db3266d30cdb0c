// The browser's copy of the document, in IndexedDB: asynchronous (a write of a large fleet does
// not block the page), transactional (a tab killed in the middle of a write leaves the previous
// complete copy: a transaction is committed whole or not at all) and without localStorage's
// few-MB ceiling. Shared by every tab of the origin; records:
//   "doc"            { version, text | null (= same as the original), originalId, at }
//   "original"       { id, name, text }            the imported file, written when it changes
//   "history:<tab>"  { at, past: string[], future: string[] }   one tab's undo history
// Records hold text written by the inventory writer (json-write.ts), not structured clones:
// those would lose what the file's layout keeps (key order of integer-like keys, `1.0`).
// Plain IndexedDB rather than a wrapper (idb): merging must happen inside the transaction's
// callbacks, synchronously, which is the raw API's model anyway.

export const DB_NAME = "clan-inventory-editor";
const STORE = "autosave";

export interface DocRecord {
  version: number;
  text: string | null;
  originalId: string | null;
  at: number;
}

export interface OriginalRecord {
  id: string;
  name: string;
  text: string;
}

export interface HistoryRecord {
  at: number;
  past: string[];
  future: string[];
}

export function openAutosaveDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => {
      const db = req.result;
      // Another tab of a newer version wants to upgrade: let it.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    req.onerror = () => reject(req.error ?? new Error("IndexedDB could not be opened"));
    req.onblocked = () => reject(new Error("IndexedDB is blocked by another tab"));
  });
}

/** Reads records in one transaction: a consistent view of what the tabs committed. */
export function readRecords(db: IDBDatabase, keys: string[]): Promise<Map<string, unknown>> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, "readonly");
    const store = tx.objectStore(STORE);
    const out = new Map<string, unknown>();
    for (const key of keys) {
      const req = store.get(key);
      req.onsuccess = () => {
        if (req.result !== undefined) out.set(key, req.result);
      };
    }
    tx.oncomplete = () => resolve(out);
    tx.onerror = () => reject(tx.error ?? new Error("IndexedDB read failed"));
    tx.onabort = () => reject(tx.error ?? new Error("IndexedDB read aborted"));
  });
}

/** Access to the store inside a read-write transaction; callbacks run synchronously in it. */
export interface WriteAccess {
  get(key: string, then: (value: unknown) => void): void;
  put(key: string, value: unknown): void;
  delete(key: string): void;
}

/**
 * Runs `body` in one read-write transaction and resolves when it is committed. Read-write
 * transactions on one store run one at a time across all tabs, so a read-merge-write in `body`
 * cannot interleave with another tab's.
 */
export function writeTransaction(db: IDBDatabase, body: (access: WriteAccess) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, "readwrite");
    const store = tx.objectStore(STORE);
    let failure: unknown = null;
    const access: WriteAccess = {
      get(key, then) {
        const req = store.get(key);
        req.onsuccess = () => {
          try {
            then(req.result);
          } catch (e) {
            failure = e;
            tx.abort();
          }
        };
      },
      put: (key, value) => void store.put(value, key),
      delete: (key) => void store.delete(key),
    };
    try {
      body(access);
    } catch (e) {
      failure = e;
      tx.abort();
    }
    tx.oncomplete = () => resolve();
    tx.onerror = (e) => e.preventDefault();
    tx.onabort = () => reject(failure ?? tx.error ?? new Error("IndexedDB write aborted"));
  });
}

/** Keys of one prefix (the histories of tabs), with their records. */
export function readPrefix(db: IDBDatabase, prefix: string): Promise<Map<string, unknown>> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, "readonly");
    const out = new Map<string, unknown>();
    const req = tx.objectStore(STORE).openCursor(IDBKeyRange.bound(prefix, prefix + "\uffff"));
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor) return;
      out.set(String(cursor.key), cursor.value);
      cursor.continue();
    };
    tx.oncomplete = () => resolve(out);
    tx.onerror = () => reject(tx.error ?? new Error("IndexedDB read failed"));
  });
}
