// The peer page: our settings form (src/features/settings/settings-form.tsx, wired as the
// settings view wires it) and @rjsf/core with its Ajv validator, mounted the same way on the same
// schema, so that render time and keystroke latency compare like for like. Driven by
// bench/rjsf-bench.ts through `window.__peer`.
// Each side is styled as it is meant to be, and only by its own stylesheet: ours by the app's
// Tailwind CSS, rjsf's default theme by Bootstrap 3, which @rjsf/core's README names as its
// prerequisite (without it its inputs have no border and its add/remove buttons no label).
// The sheet is switched before the clock starts.
import oursCss from "./peer.css?inline";
import rjsfCss from "bootstrap/dist/css/bootstrap.min.css?inline";
import { useCallback, useLayoutEffect, useMemo, useState, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import Form from "@rjsf/core";
import type { RJSFSchema } from "@rjsf/utils";
import { customizeValidator } from "@rjsf/validator-ajv8";
import Ajv2020 from "ajv/dist/2020";
import type { Json, JsonObject, Path } from "../../src/lib/json";
import { compileRoleSchema } from "../../src/schema/compile-schema";
import { putSetting, removeSetting } from "../../src/schema/settings-edit";
import { validateSettings } from "../../src/schema/validate";
import { SettingsForm } from "../../src/features/settings/settings-form";
import { staticCopy } from "./static-copy";

// One validator for the page, as an app would make it. Clan's role schemas are JSON Schema 2020-12.
const validator = customizeValidator({ AjvClass: Ajv2020 });

/** rjsf needs the root as a $ref to $defs.Input, and would lock every field that clan marks readOnly. */
function forRjsf(schema: Json): RJSFSchema {
  const strip = (v: Json): Json =>
    Array.isArray(v)
      ? v.map(strip)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.entries(v)
              .filter(([k]) => k !== "readOnly")
              .map(([k, x]) => [k, strip(x)]),
          )
        : v;
  const s = strip(schema) as JsonObject;
  return { ...s, $ref: "#/$defs/Input" } as RJSFSchema;
}

function Ours({ schema, onCommit }: { schema: Json; onCommit: () => void }) {
  const root = useMemo(() => compileRoleSchema(schema), [schema]);
  const [value, setValue] = useState<JsonObject>({});
  const issues = useMemo(() => validateSettings(schema, value, { merged: false }), [schema, value]);
  const commit = useCallback(
    (path: Path, v: Json | undefined) => {
      setValue((cur) => (v === undefined ? removeSetting(root, cur, path) : putSetting(root, cur, path, v)));
      return undefined;
    },
    [root],
  );
  useLayoutEffect(onCommit, [onCommit]);
  return <SettingsForm root={root} value={value} issues={issues} commit={commit} title="Settings (ours)" idPrefix="ours" />;
}

function Theirs({ schema, onCommit }: { schema: RJSFSchema; onCommit: () => void }) {
  const [formData, setFormData] = useState<unknown>({});
  useLayoutEffect(onCommit, [onCommit]);
  return <Form schema={schema} validator={validator} formData={formData} onChange={(e) => setFormData(e.formData)} />;
}

/** The floor control: another side's output as plain elements (bench/peer/static-copy.tsx). */
function Copy({ tree, onCommit }: { tree: ReactNode; onCommit: () => void }) {
  useLayoutEffect(onCommit, [onCommit]);
  return <>{tree}</>;
}

/** The control: a mount that renders nothing, through the same steps and frame. */
function Empty({ onCommit }: { onCommit: () => void }) {
  useLayoutEffect(onCommit, [onCommit]);
  return <div />;
}

const afterPaint = () =>
  new Promise<number>((resolve) =>
    requestAnimationFrame(() => {
      const c = new MessageChannel();
      c.port1.onmessage = () => resolve(performance.now());
      c.port2.postMessage(0);
    }),
  );

let root: Root | null = null;
const stage = document.getElementById("stage")!;
const sheet = document.head.appendChild(document.createElement("style"));
const applySheet = (css: string) => {
  if (sheet.textContent !== css) sheet.textContent = css;
};
applySheet(oursCss);
const keyLatencies: number[] = [];
/** For keyLatencies[i]: the marks `key-start-<n>` / `key-end-<n>` around it have n = keySeqs[i]. */
const keySeqs: number[] = [];
let lastKeydown = 0;
let keySeq = 0;
let mountSeq = 0;
window.addEventListener(
  "keydown",
  (e) => {
    lastKeydown = e.timeStamp;
    performance.mark(`key-start-${++keySeq}`);
  },
  true,
);
// The input event is where both forms re-render (React handles it synchronously); the latency
// runs from the keydown to just after the frame that shows the character.
window.addEventListener(
  "input",
  () => {
    const t0 = lastKeydown;
    const seq = keySeq;
    void afterPaint().then((t) => {
      performance.mark(`key-end-${seq}`);
      keySeqs.push(seq);
      keyLatencies.push(t - t0);
    });
  },
  true,
);

type Mountable = "ours" | "theirs" | "empty" | "copy-of-ours" | "copy-of-theirs";

async function mountTimed(side: Mountable, schema: unknown, tree: ReactNode = null): Promise<{ ms: number; seq: number }> {
  root?.unmount();
  stage.replaceChildren();
  applySheet(side === "ours" || side === "copy-of-ours" ? oursCss : rjsfCss);
  await afterPaint();
  const copy = structuredClone(schema) as Json;
  const container = document.createElement("div");
  container.id = side;
  stage.append(container);
  let committed!: () => void;
  const done = new Promise<void>((r) => (committed = r));
  const seq = ++mountSeq;
  performance.mark(`mount-start-${seq}`);
  const t0 = performance.now();
  root = createRoot(container);
  root.render(
    side === "ours" ? (
      <Ours schema={copy} onCommit={committed} />
    ) : side === "theirs" ? (
      <Theirs schema={forRjsf(copy)} onCommit={committed} />
    ) : side === "empty" ? (
      <Empty onCommit={committed} />
    ) : (
      <Copy tree={tree} onCommit={committed} />
    ),
  );
  await done;
  const ms = (await afterPaint()) - t0;
  performance.mark(`mount-end-${seq}`);
  return { ms, seq };
}

const peer = {
  /**
   * Mounts one side on a fresh copy of the schema (nothing cached from earlier mounts). Returns
   * ms to painted, and n of the marks `mount-start-<n>` / `mount-end-<n>` around the mount.
   * A `copy-of-<side>` mounts that side's output as plain elements, made before the clock starts.
   */
  async mount(side: Mountable, schema: unknown): Promise<{ ms: number; seq: number }> {
    let tree: ReactNode = null;
    if (side === "copy-of-ours" || side === "copy-of-theirs") {
      const original = side === "copy-of-ours" ? "ours" : "theirs";
      await mountTimed(original, schema);
      tree = Array.from(stage.firstElementChild!.childNodes, (n, i) => staticCopy(n, i));
    }
    return mountTimed(side, schema, tree);
  },
  /** A bare <input> (no React): the control case of keystroke timing. */
  async mountPlain(): Promise<void> {
    root?.unmount();
    root = null;
    applySheet(oursCss);
    const input = document.createElement("input");
    input.id = "plain";
    input.setAttribute("aria-label", "plain");
    stage.replaceChildren(input);
    await afterPaint();
  },
  keyLatencies,
  keySeqs,
  /** Forget the latencies recorded so far (before typing a new series). */
  resetKeys() {
    keyLatencies.length = 0;
    keySeqs.length = 0;
  },
  fields: () => stage.querySelectorAll("input, select, textarea").length,
};
(window as unknown as { __peer: typeof peer }).__peer = peer;
document.body.dataset.ready = "true";
