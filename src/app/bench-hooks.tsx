// Benchmark hook (bench/app-bench.ts): loaded only when the address carries `?bench`, as its own
// lazy chunk, so nothing of it ships in the JavaScript every user loads. It exposes, on
// `window.__clanBench`, timings of the pure work behind what the user waits for, run on the
// page's current document and catalog: a full diagnostics pass, JSON and Nix export and import.
// It never changes the document.
import { useEffect } from "react";
import { readInventoryJson, writeInventoryJson } from "../formats/inventory-json";
import { readInventoryNix } from "../formats/nix/parse";
import { printNix } from "../formats/nix/print";
import { diagnose } from "../model/diagnostics/index";
import { useEditor } from "../state/store";
import { useCatalog } from "../state/use-catalog";

export interface ClanBenchHook {
  /** How many modules the active catalog holds (0 while it loads). */
  catalogModules: number;
  /** Milliseconds of one uncached diagnostics pass (on a fresh copy: results are cached per object). */
  diagnose(): { ms: number; count: number };
  /** Milliseconds to write the current document as inventory.json. */
  exportJson(): { ms: number; bytes: number };
  /** Milliseconds to read `text` as inventory.json (as an import does, without replacing the document). */
  importJson(text: string): { ms: number; ok: boolean };
  /** Milliseconds to write the current document as a Nix file (the Export dialog's "Nix file"). */
  exportNix(): { ms: number; bytes: number };
  /** Milliseconds to read `text` as an inventory.nix (as an import of a .nix file does). */
  importNix(text: string): { ms: number; ok: boolean };
}

declare global {
  interface Window {
    __clanBench?: ClanBenchHook;
  }
}

export default function BenchHooks() {
  const catalog = useCatalog();
  useEffect(() => {
    window.__clanBench = {
      catalogModules: Object.values(catalog.moduleSchemas).reduce((n, mods) => n + Object.keys(mods).length, 0),
      diagnose() {
        const copy = structuredClone(useEditor.getState().doc);
        const t0 = performance.now();
        const count = diagnose(copy, catalog).length;
        return { ms: performance.now() - t0, count };
      },
      exportJson() {
        const doc = useEditor.getState().doc;
        const t0 = performance.now();
        const text = writeInventoryJson(doc);
        return { ms: performance.now() - t0, bytes: text.length };
      },
      importJson(text) {
        const t0 = performance.now();
        const r = readInventoryJson(text, "bench.json");
        return { ms: performance.now() - t0, ok: r.ok };
      },
      exportNix() {
        const doc = useEditor.getState().doc;
        const t0 = performance.now();
        const text = printNix(doc);
        return { ms: performance.now() - t0, bytes: text.length };
      },
      importNix(text) {
        const t0 = performance.now();
        const r = readInventoryNix(text, "bench.nix");
        return { ms: performance.now() - t0, ok: r.ok };
      },
    };
  }, [catalog]);
  return null;
}
