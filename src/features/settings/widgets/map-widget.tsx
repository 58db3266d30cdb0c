// attrsOf: named entries. Add, rename and remove keys; a key being typed is a local draft
// (committed on blur or Enter), and each row keeps a stable React key across renames, so the
// input never loses focus. Empty and duplicate names are refused with a message at the key.
import { useEffect, useRef, useState } from "react";
import { isObject, own, renameKey, withKey, withoutKey, type JsonObject } from "../../../lib/json";
import type { FieldNode } from "../../../schema/field-node";
import { initialValue, spellingFor } from "../../../schema/settings-edit";
import { isBlock } from "../field-kind";
import { childLabel, elementId, keyOf, readOnlyProps, useFormCtx, usePath } from "../form-context";
import type { ControlProps } from "./control-props";
import { DANGER_BUTTON, ERROR_TEXT, INPUT, SMALL_BUTTON } from "./styles";

export function MapWidget({ pathKey, node, label, committed, depth }: ControlProps) {
  if (node.kind !== "map") return null;
  const value = isObject(committed) ? committed : {};
  return <MapEntries pathKey={pathKey} label={label} valueNode={node.values()} value={value} keys={Object.keys(value)} reserved={[]} depth={depth} />;
}

function keyProblem(name: string, current: string | undefined, existing: JsonObject, reserved: string[]): string | undefined {
  if (name.trim() === "") return "Enter a name for the entry.";
  if (name !== current && (own(existing, name) !== undefined || reserved.includes(name))) return `An entry named "${name}" exists already.`;
  return undefined;
}

export function MapEntries({
  pathKey,
  label,
  valueNode,
  value,
  keys,
  reserved,
  depth,
}: {
  pathKey: string;
  label: string;
  valueNode: FieldNode;
  value: JsonObject;
  keys: string[];
  reserved: string[];
  depth: number;
}) {
  const ctx = useFormCtx();
  const path = usePath(pathKey);
  // Stable row ids across renames. A renamed row keeps its id under both names until the new
  // name shows up in the value (a render with the old value may come first), then the old goes.
  const ids = useRef(new Map<string, number>());
  const pending = useRef(new Set<string>());
  const next = useRef(0);
  useEffect(() => {
    for (const k of pending.current) if (keys.includes(k)) pending.current.delete(k);
    for (const k of ids.current.keys()) if (!keys.includes(k) && !pending.current.has(k) && pending.current.size === 0) ids.current.delete(k);
  });
  const rowId = (k: string) => {
    let id = ids.current.get(k);
    if (id === undefined) ids.current.set(k, (id = next.current++));
    return id;
  };
  const [newKey, setNewKey] = useState("");
  const [addError, setAddError] = useState<string>();
  const addId = `${elementId(ctx, pathKey)}-new`;

  const add = () => {
    const name = newKey;
    const problem = keyProblem(name, undefined, value, reserved);
    if (problem) return setAddError(problem);
    const init = initialValue(valueNode);
    const err = ctx.commit(path, withKey(value, name, init, spellingFor(valueNode, init)), `Add ${childLabel(label, name)}`);
    if (err) return setAddError(err);
    setNewKey("");
    setAddError(undefined);
  };
  const rename = (from: string, to: string): string | undefined => {
    const problem = keyProblem(to, from, value, reserved);
    if (problem) return problem;
    if (from === to) return undefined;
    const id = rowId(from);
    const err = ctx.commit(path, renameKey(value, from, to), `Rename ${childLabel(label, from)} to ${to}`);
    if (!err) {
      ids.current.set(to, id);
      pending.current.add(to);
    }
    return err;
  };

  return (
    <div className="space-y-2 py-1">
      {keys.length === 0 && <p className="text-xs text-slate-500">No entries.</p>}
      {/* oxlint-disable-next-line react/refs -- rowId hands out an id on a key's first sight and keeps it: a render React throws away at most leaves an unused number behind */}
      {keys.map((k) => (
        <MapEntry
          key={rowId(k)}
          mapPath={pathKey}
          entryKey={k}
          label={label}
          valueNode={valueNode}
          depth={depth}
          onRename={rename}
          onRemove={() => ctx.commit(path, withoutKey(value, k), `Remove ${childLabel(label, k)}`)}
        />
      ))}
      <div className="flex flex-wrap items-start gap-2 pt-1">
        <div className="min-w-0 flex-1">
          <label htmlFor={addId} className="sr-only">
            New entry name for {label}
          </label>
          <input
            id={addId}
            type="text"
            className={INPUT}
            placeholder="New entry name"
            value={newKey}
            aria-invalid={!!addError}
            aria-describedby={addError ? `${addId}-error` : undefined}
            {...readOnlyProps(ctx, "text")}
            onChange={(e) => {
              setNewKey(e.target.value);
              setAddError(undefined);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                add();
              }
            }}
          />
          {addError && (
            <p id={`${addId}-error`} className={ERROR_TEXT}>
              {addError}
            </p>
          )}
        </div>
        <button type="button" className={SMALL_BUTTON + " py-1"} onClick={add} aria-label={`Add entry to ${label}`} {...readOnlyProps(ctx, "control")}>
          Add entry
        </button>
      </div>
    </div>
  );
}

function MapEntry({
  mapPath,
  entryKey,
  label,
  valueNode,
  depth,
  onRename,
  onRemove,
}: {
  mapPath: string;
  entryKey: string;
  label: string;
  valueNode: FieldNode;
  depth: number;
  onRename: (from: string, to: string) => string | undefined;
  onRemove: () => void;
}) {
  const ctx = useFormCtx();
  const { Field } = ctx.registry;
  const [draft, setDraft] = useState<string>();
  const [error, setError] = useState<string>();
  const entryPath = keyOf([...(JSON.parse(mapPath) as (string | number)[]), entryKey]);
  const keyId = `${elementId(ctx, entryPath)}-key`;
  const entryLabel = childLabel(label, entryKey);
  const commitName = () => {
    if (draft === undefined) return;
    const err = onRename(entryKey, draft);
    setError(err);
    if (!err) setDraft(undefined);
  };
  const keyInput = (
    <div className="w-48 shrink-0">
      <input
        id={keyId}
        type="text"
        aria-label={`Name of ${entryLabel}`}
        className={`${INPUT} font-mono`}
        value={draft ?? entryKey}
        aria-invalid={!!error}
        aria-describedby={error ? `${keyId}-error` : undefined}
        {...readOnlyProps(ctx, "text", error ? `${keyId}-error` : undefined)}
        onChange={(e) => {
          setDraft(e.target.value);
          setError(undefined);
        }}
        onBlur={commitName}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            commitName();
          } else if (e.key === "Escape" && draft !== undefined) {
            setDraft(undefined);
            setError(undefined);
          }
        }}
      />
      {error && (
        <p id={`${keyId}-error`} className={ERROR_TEXT}>
          {error}
        </p>
      )}
    </div>
  );
  const remove = (
    <button type="button" className={DANGER_BUTTON} aria-label={`Remove ${entryLabel}`} onClick={onRemove} {...readOnlyProps(ctx, "control")}>
      Remove
    </button>
  );
  if (!isBlock(valueNode)) {
    return (
      <div className="flex items-start gap-2">
        {keyInput}
        <Field pathKey={entryPath} node={valueNode} name={entryKey} label={entryLabel} depth={depth + 1} removable bare />
        {remove}
      </div>
    );
  }
  return (
    <div role="group" aria-label={`${label} entry ${entryKey}`} className="rounded-md border border-slate-200 p-2 dark:border-slate-700">
      <div className="flex items-start gap-2">
        {keyInput}
        <span className="ml-auto">{remove}</span>
      </div>
      <Field pathKey={entryPath} node={valueNode} name={entryKey} label={entryLabel} depth={depth + 1} removable bare />
    </div>
  );
}
