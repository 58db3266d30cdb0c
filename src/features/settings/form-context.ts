// What every field of a settings form reads: the committed layer value and its issues (from a
// small store, so each field subscribes to its own slice and nothing else), react-hook-form's
// control for drafts, and `commit`, which turns one finished field edit into one command.
import { createContext, useContext, useMemo } from "react";
import type { Control } from "react-hook-form";
import { createStore, useStore, type StoreApi } from "zustand";
import { getIn, type Json, type JsonObject, type Path } from "../../model/json";
import type { FieldNode } from "../../schema/field-node";
import type { SettingsIssue } from "../../schema/validate";

export interface FormSnapshot {
  value: JsonObject;
  issues: (SettingsIssue & { key: string })[];
}

export interface FormContextValue {
  store: StoreApi<FormSnapshot>;
  control: Control<Record<string, unknown>>;
  root: FieldNode;
  /** Write `value` at `path` (undefined removes the key); returns an error message when refused. */
  commit(path: Path, value: Json | undefined, label?: string): string | undefined;
  /** Unique per form, prefixes element ids. */
  idPrefix: string;
  /** Test and benchmark hook: called on every render of a field. */
  onFieldRender?: (pathKey: string) => void;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useFormCtx(): FormContextValue {
  const ctx = useContext(FormContext);
  if (!ctx) throw new Error("settings fields must be inside <SettingsForm>");
  return ctx;
}

export function createFormStore(value: JsonObject, issues: FormSnapshot["issues"]): StoreApi<FormSnapshot> {
  return createStore<FormSnapshot>(() => ({ value, issues }));
}

/** A path as a stable string (props stay primitive, so memoised fields skip re-rendering). */
export const keyOf = (path: Path): string => JSON.stringify(path);
export const pathOf = (key: string): Path => JSON.parse(key) as Path;

export function usePath(pathKey: string): Path {
  return useMemo(() => pathOf(pathKey), [pathKey]);
}

/** The committed value at a path of this layer (undefined: not set). */
export function useCommitted(pathKey: string): Json | undefined {
  const { store } = useFormCtx();
  const path = usePath(pathKey);
  return useStore(store, (s) => getIn(s.value, path));
}

/** Messages of the issues at this path (or under it, for `deep`), joined; "" when none. */
export function useIssueText(pathKey: string, deep = false): string {
  const { store } = useFormCtx();
  const prefix = pathKey.slice(0, -1);
  return useStore(store, (s) =>
    s.issues
      .filter((i) => i.key === pathKey || (deep && i.key.startsWith(prefix) && i.key.length > pathKey.length && (prefix === "[" || i.key[prefix.length] === ",")))
      .map((i) => (deep && i.key !== pathKey ? `${i.path.join(".")}: ${i.message}` : i.message))
      .join("\n"),
  );
}

/** How many issues lie strictly inside this path (for a collapsed group's badge). */
export function useIssueCountInside(pathKey: string): number {
  const { store } = useFormCtx();
  const prefix = pathKey.slice(0, -1);
  return useStore(store, (s) => s.issues.filter((i) => i.key.length > pathKey.length && i.key.startsWith(prefix) && (prefix === "[" || i.key[prefix.length] === ",")).length);
}

/** react-hook-form field names may not contain "." or brackets: percent-encode the path key. */
export function fieldName(pathKey: string): string {
  return "f" + encodeURIComponent(pathKey).replace(/[.'!()*~]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

/** Accessible label of a child: "destinations.a.repo", "exclude item 2". */
export function childLabel(parent: string, seg: string | number): string {
  if (typeof seg === "number") return `${parent} item ${seg + 1}`;
  return parent ? `${parent}.${seg}` : seg;
}

export function elementId(ctx: FormContextValue, pathKey: string): string {
  return `${ctx.idPrefix}-${fieldName(pathKey).slice(1).replace(/%/g, "_")}`;
}
