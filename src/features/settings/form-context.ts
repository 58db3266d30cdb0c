// What every field of a settings form reads: the committed layer value and its issues (from a
// small store, so each field subscribes to its own slice and nothing else), react-hook-form
// for drafts, and `commit`, which turns one finished field edit into one command.
import { createContext, useContext, useMemo, type ComponentType, type ReactNode } from "react";
import type { UseFormReturn } from "react-hook-form";
import { createStore, useStore, type StoreApi } from "zustand";
import { useShallow } from "zustand/react/shallow";
import { getIn, type Json, type JsonObject, type Path } from "../../lib/json";
import { spellingAt } from "../../lib/json-spelled";
import type { FieldNode, PropertyField } from "../../schema/field-node";
import type { SettingsIssue } from "../../schema/validate";
import type { ControlProps } from "./widgets/control-props";

export type KeyedIssue = SettingsIssue & { key: string };

export interface FormSnapshot {
  value: JsonObject;
  issues: KeyedIssue[];
  /** Messages of the issues at each path key, joined ("\n"): one lookup per field, not a scan. */
  textAt: Map<string, string>;
  /** How many issues lie strictly inside each path key (for a collapsed group's badge). */
  insideOf: Map<string, number>;
  /** Path key -> the priority the layer gives the value there (mkDefault 1000, mkForce 50…). */
  priorities: ReadonlyMap<string, number>;
  /** Path key -> what the field gets from the other layers when this one leaves it unset. */
  inherited: ReadonlyMap<string, Inherited>;
}

export interface Inherited {
  /** The value as the file would write it. */
  text: string;
  /** Where it comes from: "role settings (mkDefault)", "tag web", "default". */
  from: string;
}

const NO_INHERITED: ReadonlyMap<string, Inherited> = new Map();

const NO_PRIORITIES: ReadonlyMap<string, number> = new Map();

/** The snapshot of a value and its issues, with the issues indexed by path once per change. */
export function snapshotOf(value: JsonObject, issues: KeyedIssue[], priorities: ReadonlyMap<string, number> = NO_PRIORITIES, inherited: ReadonlyMap<string, Inherited> = NO_INHERITED): FormSnapshot {
  const at = new Map<string, string[]>();
  const insideOf = new Map<string, number>();
  for (const issue of issues) {
    const list = at.get(issue.key);
    if (list) list.push(issue.message);
    else at.set(issue.key, [issue.message]);
    for (let n = 0; n < issue.path.length; n++) {
      const k = keyOf(issue.path.slice(0, n));
      insideOf.set(k, (insideOf.get(k) ?? 0) + 1);
    }
  }
  const textAt = new Map([...at].map(([k, m]) => [k, m.join("\n")]));
  return { value, issues, textAt, insideOf, priorities, inherited };
}

/** What a field is given: the option (or entry, or item) at a path and how it is shown. */
export interface FieldProps {
  pathKey: string;
  node: FieldNode;
  /** The visible name (option name, entry name, "Item 2"). */
  name: string;
  label: string;
  prop?: PropertyField;
  depth: number;
  /** Map entries and list items: their container offers Remove, so no Reset here. */
  removable?: boolean;
  /** Extra controls in the header (Remove, Move up…), from the container. */
  actions?: ReactNode;
  /** Only the widget and its issues: the container shows the name (map entries). */
  bare?: boolean;
}

/**
 * The components container widgets (objects, lists, maps, unions…) render their children with.
 * They get them from the form, as rjsf's widgets get theirs from its registry, so that a widget
 * does not import the field that imports every widget (field.tsx provides them).
 */
export interface FieldRegistry {
  /** A child option with its label, help and issues. */
  Field: ComponentType<FieldProps>;
  /** A bare widget for a node (no label), chosen by its kind. Hook-free: called as a function. */
  Control: (props: ControlProps) => ReactNode;
}

export interface FormContextValue {
  store: StoreApi<FormSnapshot>;
  registry: FieldRegistry;
  /** react-hook-form, holding the drafts of text-like fields (registered, uncontrolled inputs). */
  form: Pick<UseFormReturn<Record<string, unknown>>, "register" | "getValues" | "setValue">;
  root: FieldNode;
  /**
   * Write `value` at `path` (undefined removes the key); returns an error message when refused.
   * `spelling` is how a number was typed where that decides its type (free JSON `2.0`).
   */
  commit(path: Path, value: Json | undefined, label?: string, spelling?: string): string | undefined;
  /** Unique per form, prefixes element ids. */
  idPrefix: string;
  /** The form shows a blob the user cannot change here (a settings blob Nix owns): the id of
   * the note saying why, which every control is described by. `commit` then does nothing. */
  readOnly?: { noteId: string };
  /**
   * Give the value at `path` a priority (mkDefault = 1000) or make it plain (undefined); only in
   * forms of role-wide and tag settings, whose values members may be let override.
   */
  setPriority?(path: Path, priority: number | undefined): string | undefined;
  /** Test and benchmark hook: called on every render of a field. */
  onFieldRender?: (pathKey: string) => void;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useFormCtx(): FormContextValue {
  const ctx = useContext(FormContext);
  if (!ctx) throw new Error("settings fields must be inside <SettingsForm>");
  return ctx;
}

export function createFormStore(value: JsonObject, issues: KeyedIssue[], priorities?: ReadonlyMap<string, number>, inherited?: ReadonlyMap<string, Inherited>): StoreApi<FormSnapshot> {
  return createStore<FormSnapshot>(() => snapshotOf(value, issues, priorities, inherited));
}

/** What this field gets from the other layers while this one leaves it unset. */
export function useInherited(pathKey: string): Inherited | undefined {
  const { store } = useFormCtx();
  return useStore(store, (s) => s.inherited.get(pathKey));
}

/** The priority this layer gives the value at a path (undefined: a plain value). */
export function usePriority(pathKey: string): number | undefined {
  const { store } = useFormCtx();
  return useStore(store, (s) => s.priorities.get(pathKey));
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

/** Issues at this path (or, for `deep`, also under it, prefixed with their path); "" when none. */
function issueText(s: FormSnapshot, pathKey: string, deep: boolean): string {
  if (!deep || !s.insideOf.has(pathKey)) return s.textAt.get(pathKey) ?? "";
  const prefix = pathKey.slice(0, -1);
  return s.issues
    .filter((i) => i.key === pathKey || (i.key.startsWith(prefix) && i.key.length > pathKey.length && (prefix === "[" || i.key[prefix.length] === ",")))
    .map((i) => (i.key !== pathKey ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("\n");
}

/** Messages of the issues at this path (or under it, for `deep`), joined; "" when none. */
export function useIssueText(pathKey: string, deep = false): string {
  const { store } = useFormCtx();
  return useStore(store, (s) => issueText(s, pathKey, deep));
}

export interface FieldSlice {
  committed: Json | undefined;
  /** The text a committed number is written with, when it is not the plain one (`2.0`). */
  spelling: string | undefined;
  issues: string;
  /** How many issues lie strictly inside this path. */
  inside: number;
}

/**
 * What a field shows of the store, through one subscription: its committed value, the issues
 * at it (and under it, for fields that show their value as a whole) and the count inside.
 */
export function useFieldSlice(pathKey: string, deep: (committed: Json | undefined) => boolean): FieldSlice {
  const { store } = useFormCtx();
  const path = usePath(pathKey);
  return useStore(
    store,
    useShallow((s: FormSnapshot) => {
      const committed = getIn(s.value, path);
      const spelling = typeof committed === "number" && path.length > 0 ? spellingAt(getIn(s.value, path.slice(0, -1)), path[path.length - 1]!) : undefined;
      return { committed, spelling, issues: issueText(s, pathKey, deep(committed)), inside: s.insideOf.get(pathKey) ?? 0 };
    }),
  );
}

/** react-hook-form field names may not contain "." or brackets: percent-encode the path key. */
export function fieldName(pathKey: string): string {
  let name = fieldNames.get(pathKey);
  if (name === undefined) {
    if (fieldNames.size > 10_000) fieldNames.clear();
    name = "f" + encodeURIComponent(pathKey).replace(/[.'!()*~]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
    fieldNames.set(pathKey, name);
  }
  return name;
}
/** Every field asks on every render; the encoding is pure, so it is remembered (bounded). */
const fieldNames = new Map<string, string>();

/** Accessible label of a child: "destinations.a.repo", "exclude item 2". */
export function childLabel(parent: string, seg: string | number): string {
  if (typeof seg === "number") return `${parent} item ${seg + 1}`;
  return parent ? `${parent}.${seg}` : seg;
}

export function elementId(ctx: FormContextValue, pathKey: string): string {
  return `${ctx.idPrefix}-${fieldName(pathKey).slice(1).replaceAll("%", "_")}`;
}

/** Ids for aria-describedby, skipping the empty ones; undefined when none. */
export function describedByIds(...ids: (string | undefined)[]): string | undefined {
  const all = ids.flatMap((i) => (i ? i.split(" ") : [])).filter(Boolean);
  return [...new Set(all)].join(" ") || undefined;
}

/**
 * What a control of a read-only form carries so that it stays focusable and selectable but
 * changes nothing: text inputs `readonly`, every other control (checkbox, radio, select, button,
 * tab) `aria-disabled` — never `disabled`, which would take it out of the tab order and hide the
 * reason — each described by the form's note. Empty in an editable form.
 */
export function readOnlyProps(ctx: FormContextValue, kind: "text" | "control", describedBy?: string): { readOnly?: true; "aria-disabled"?: true; "aria-describedby"?: string } {
  if (!ctx.readOnly) return {};
  const ids = describedByIds(describedBy, ctx.readOnly.noteId);
  return kind === "text" ? { readOnly: true, "aria-describedby": ids } : { "aria-disabled": true, "aria-describedby": ids };
}
