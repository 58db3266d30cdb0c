// The peer page: our settings form (src/features/settings/settings-form.tsx, wired as the
// settings view wires it) and @rjsf/core with its Ajv validator, mounted the same way on the same
// schema, so that render time and keystroke latency compare like for like. Driven by
// bench/rjsf-bench.ts through `window.__peer`.
import "./peer.css";
import { useCallback, useLayoutEffect, useMemo, useState } from "react";
import { createRoot, type Root } from "react-dom/client";
import Form from "@rjsf/core";
import type { RJSFSchema } from "@rjsf/utils";
import { customizeValidator } from "@rjsf/validator-ajv8";
import Ajv2020 from "ajv/dist/2020";
import type { Json, JsonObject, Path } from "../../src/model/json";
import { compileRoleSchema } from "../../src/schema/compile-schema";
import { putSetting, removeSetting } from "../../src/schema/settings-edit";
import { validateSettings } from "../../src/schema/validate";
import { SettingsForm } from "../../src/features/settings/settings-form";

// One validator for the page, as an app would make it. Clan's role schemas are JSON Schema 2020-12.
const validator = customizeValidator({ AjvClass: Ajv2020 });

/** rjsf needs the root as a $ref to $defs.Input, and would lock every field that clan marks readOnly. */
function forRjsf(schema: Json): RJSFSchema {
  const strip = (v: Json): Json =>
    Array.isArray(v) ? v.map(strip) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== "readOnly").map(([k, x]) => [k, strip(x)])) : v;
  const s = strip(schema) as JsonObject;
  return { ...s, $ref: "#/$defs/Input" } as RJSFSchema;
}

function Ours({ schema, onCommit }: { schema: Json; onCommit: () => void }) {
  const root = useMemo(() => compileRoleSchema(schema), [schema]);
  const [value, setValue] = useState<JsonObject>({});
  const issues = useMemo(() => validateSettings(schema, value, { merged: false }), [schema, value]);
  const commit = useCallback(
    (path: Path, v: Json | undefined) => {
      setValue((cur) => (v === undefined ? removeSetting(root, cur, path) : putSetting(cur, path, v)));
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
const keyLatencies: number[] = [];
let lastKeydown = 0;
window.addEventListener("keydown", (e) => (lastKeydown = e.timeStamp), true);
// The input event is where both forms re-render (React handles it synchronously); the latency
// runs from the keydown to just after the frame that shows the character.
window.addEventListener(
  "input",
  () => {
    const t0 = lastKeydown;
    void afterPaint().then((t) => keyLatencies.push(t - t0));
  },
  true,
);

const peer = {
  /** Mounts one side on a fresh copy of the schema (nothing cached from earlier mounts); ms to painted. */
  async mount(side: "ours" | "theirs", schema: unknown): Promise<number> {
    root?.unmount();
    stage.replaceChildren();
    await afterPaint();
    const copy = structuredClone(schema) as Json;
    const container = document.createElement("div");
    container.id = side;
    stage.append(container);
    let committed!: () => void;
    const done = new Promise<void>((r) => (committed = r));
    const t0 = performance.now();
    root = createRoot(container);
    root.render(side === "ours" ? <Ours schema={copy} onCommit={committed} /> : <Theirs schema={forRjsf(copy)} onCommit={committed} />);
    await done;
    return (await afterPaint()) - t0;
  },
  keyLatencies,
  fields: () => stage.querySelectorAll("input, select, textarea").length,
};
(window as unknown as { __peer: typeof peer }).__peer = peer;
document.body.dataset.ready = "true";
