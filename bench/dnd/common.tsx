// Shared by the drag-and-drop candidates of bench/dnd-bench.ts: N rows of a list, mounted with
// React as the real palette would be if it registered every machine (no virtualization).
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import type { ComponentType } from "react";

export function expose(List: ComponentType<{ n: number }>) {
  (window as unknown as { __mount: (n: number) => Promise<number> }).__mount = async (n: number) => {
    const el = document.createElement("div");
    document.body.append(el);
    const t0 = performance.now();
    const root = createRoot(el);
    flushSync(() => root.render(<List n={n} />));
    // let passive effects (where the libraries register) run
    await new Promise((r) => setTimeout(r, 0));
    return performance.now() - t0;
  };
}

export const names = (n: number) => Array.from({ length: n }, (_, i) => `machine-${i}`);
