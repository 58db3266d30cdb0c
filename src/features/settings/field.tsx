// One option of a settings form: its label (the option's name; the accessible name is the
// whole path, e.g. "destinations.a.repo"), help text, default, "Reset to default", the issues at
// it, and the widget for its kind. Fields are memoised on primitive props and read their own
// slice of the form store, so an edit re-renders the edited field and its ancestors only.
import { memo, useState, type ReactNode } from "react";
import type { FieldNode, PropertyField } from "../../schema/field-node";
import { defaultText, kindLabel } from "../../schema/json-types";
import { fitsWidget, isBlock } from "./field-kind";
import { describedByIds, elementId, readOnlyProps, useFieldSlice, useFormCtx, useInherited, usePath, usePriority, type FieldProps, type FieldRegistry } from "./form-context";
import { MK_DEFAULT_PRIORITY } from "../../model/resolve/module-properties";
import { priorityLabel } from "../../model/resolve/sources";
import { HelpText } from "./help-text";
import { AttrTagWidget } from "./widgets/attr-tag-widget";
import { BooleanWidget } from "./widgets/boolean-widget";
import type { ControlProps } from "./widgets/control-props";
import { EnumWidget } from "./widgets/enum-widget";
import { JsonWidget } from "./widgets/json-widget";
import { ListWidget } from "./widgets/list-widget";
import { MapWidget } from "./widgets/map-widget";
import { NullableWidget } from "./widgets/nullable-widget";
import { NumberWidget } from "./widgets/number-widget";
import { ObjectWidget } from "./widgets/object-widget";
import { StringWidget } from "./widgets/string-widget";
import { ERROR_TEXT, SMALL_BUTTON } from "./widgets/styles";
import { UnionWidget } from "./widgets/union-widget";

/** The widget for a node (no label around it). Hook-free: callable as a function. */
export function Control(props: ControlProps) {
  const { node, committed } = props;
  if (!fitsWidget(node, committed)) return <JsonWidget {...props} />;
  switch (node.kind) {
    case "string":
      return <StringWidget {...props} />;
    case "integer":
    case "number":
      return <NumberWidget {...props} />;
    case "boolean":
      return <BooleanWidget {...props} />;
    case "enum":
    case "null":
      return <EnumWidget {...props} />;
    case "nullable":
      return <NullableWidget {...props} />;
    case "list":
      return <ListWidget {...props} />;
    case "map":
      return <MapWidget {...props} />;
    case "object":
      return <ObjectWidget {...props} />;
    case "attrTag":
      return <AttrTagWidget {...props} />;
    case "union":
      return <UnionWidget {...props} />;
    case "json":
      return <JsonWidget {...props} />;
  }
}

export const Field = memo(function Field({ pathKey, node, name, label, prop, depth, removable, actions, bare }: FieldProps) {
  const ctx = useFormCtx();
  ctx.onFieldRender?.(pathKey);
  // A field that shows its value as JSON shows every issue under it too.
  const { committed, spelling, issues, inside } = useFieldSlice(pathKey, (c) => node.kind === "json" || !fitsWidget(node, c));
  const id = elementId(ctx, pathKey);
  const description = prop?.description ?? node.description;
  // In a form Nix owns, every control is also described by the form's note (why, where to change it).
  const describedBy = describedByIds(description ? `${id}-help` : "", issues ? `${id}-issues` : "", ctx.readOnly?.noteId);
  // Control, fieldHeader and HelpText are called, not rendered: none holds state of its own
  // (HelpText's long form is a component), so a field is two components, not five.
  const control = Control({ pathKey, node, label, committed, spelling, depth, prop, describedBy, invalid: !!issues });
  const header = fieldHeader({ id, name, label, prop, node, pathKey, isSet: committed !== undefined, removable, actions, block: isBlock(node) && fitsWidget(node, committed) });
  const help = description ? HelpText({ id: `${id}-help`, text: description }) : null;
  const issueText = issues ? (
    <p id={`${id}-issues`} className={ERROR_TEXT} role="status">
      {issues}
    </p>
  ) : null;

  if (bare) {
    return (
      <div className="min-w-0 flex-1">
        {control}
        {issueText}
      </div>
    );
  }
  if (isBlock(node) && fitsWidget(node, committed)) {
    return <BlockField depth={depth} label={label} header={header} help={help} issues={issueText} inside={inside} control={control} />;
  }
  // content-visibility: a long form's rows outside the viewport skip style, layout and paint
  // (they stay in the DOM and the accessibility tree; focus and find-in-page still reach them),
  // so a keystroke repaints the rows on screen, not all 300.
  return (
    <div className="py-2 [content-visibility:auto] [contain-intrinsic-size:auto_5rem]">
      {header}
      {control}
      {issueText}
      {help}
    </div>
  );
});

function BlockField({
  depth,
  label,
  header,
  help,
  issues,
  inside,
  control,
}: {
  depth: number;
  label: string;
  header: ReactNode;
  help: ReactNode;
  issues: ReactNode;
  inside: number;
  control: ReactNode;
}) {
  const [open, setOpen] = useState(depth < 3 || inside > 0);
  return (
    <div role="group" aria-label={label} className="my-2 rounded-md border border-slate-200 bg-white/60 dark:border-slate-700 dark:bg-slate-900/40">
      {/* A disclosure button beside the header, not a <summary> around it: the header holds
          buttons (Reset, Remove), and controls inside a summary are nested-interactive (axe). */}
      <div className="flex items-center gap-1.5 rounded-t-md px-3 py-2">
        <button
          type="button"
          aria-expanded={open}
          aria-label={label}
          onClick={() => setOpen((o) => !o)}
          className="flex h-5 w-5 shrink-0 items-center justify-center rounded text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
        >
          <span aria-hidden="true" className={`text-[10px] transition-transform ${open ? "rotate-90" : ""}`}>
            ▶
          </span>
        </button>
        <span className="flex min-w-0 flex-1 items-center">{header}</span>
        {!open && inside > 0 && (
          <span className="ml-2 text-xs font-medium text-red-700 dark:text-red-400">
            {inside} problem{inside === 1 ? "" : "s"} inside
          </span>
        )}
      </div>
      {open && (
        <div className="border-t border-slate-200 px-3 pb-2 pt-1 dark:border-slate-700">
          {issues}
          {help}
          {control}
        </div>
      )}
    </div>
  );
}

/** The name, kind, default and Reset of a field. Plain function, no hooks: one component less per field. */
function fieldHeader({
  id,
  name,
  label,
  prop,
  node,
  pathKey,
  isSet,
  removable,
  actions,
  block,
}: {
  id: string;
  name: string;
  label: string;
  prop?: PropertyField;
  node: FieldNode;
  pathKey: string;
  isSet: boolean;
  removable?: boolean;
  actions?: ReactNode;
  block: boolean;
}) {
  const NameTag = block ? "span" : "label";
  return (
    <div className={`flex w-full flex-wrap items-center gap-x-2 gap-y-1 ${block ? "" : "mb-1"}`}>
      <NameTag {...(block ? {} : { htmlFor: id })} className="font-mono text-sm font-medium text-slate-800 dark:text-slate-100">
        {name}
      </NameTag>
      {/* Kind and default in one element: a form of 300 options renders 300 of these. */}
      <span className="text-xs text-slate-500">
        {kindLabel(node)}
        {!isSet && <InheritedOrDefault pathKey={pathKey} prop={prop} />}
      </span>
      {prop?.required && <span className="rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-800 dark:bg-amber-900/50 dark:text-amber-200">required</span>}
      {prop && isSet && <PriorityMark pathKey={pathKey} />}
      {(actions || (!removable && isSet)) && (
        <span className="ml-auto flex flex-wrap items-center justify-end gap-1">
          {actions}
          {prop && isSet && <PriorityToggle pathKey={pathKey} label={label} />}
          {!removable && isSet && <ResetButton pathKey={pathKey} label={label} prop={prop} />}
        </span>
      )}
    </div>
  );
}

/** What an unset field gets: from another layer (machine and tag forms), else its default. */
function InheritedOrDefault({ pathKey, prop }: { pathKey: string; prop?: PropertyField }) {
  const inherited = useInherited(pathKey);
  if (inherited) return <> · {inherited.from === "default" ? `default: ${inherited.text}` : `inherits ${inherited.text} from ${inherited.from}`}</>;
  return prop?.hasDefault ? <> · default: {defaultText(prop.default)}</> : null;
}

/** The priority the layer gives this value, when it is not a plain one (mkDefault, mkForce). */
function PriorityMark({ pathKey }: { pathKey: string }) {
  const priority = usePriority(pathKey);
  if (priority === undefined) return null;
  const text = priorityLabel(priority);
  return (
    <span
      className="rounded bg-indigo-100 px-1.5 text-xs font-medium text-indigo-800 dark:bg-indigo-900/50 dark:text-indigo-200"
      title={priority === MK_DEFAULT_PRIORITY ? "A default: a member's own value wins over it." : `Priority ${priority}: the lowest number wins.`}
    >
      {priority === MK_DEFAULT_PRIORITY ? "default for members (mkDefault)" : text || `priority ${priority}`}
    </span>
  );
}

/** "Let machines override this": the value becomes a default (mkDefault) that a member's own value beats. */
function PriorityToggle({ pathKey, label }: { pathKey: string; label: string }) {
  const ctx = useFormCtx();
  const path = usePath(pathKey);
  const priority = usePriority(pathKey);
  const [refused, setRefused] = useState<string>();
  if (!ctx.setPriority) return null;
  const on = priority === MK_DEFAULT_PRIORITY;
  return (
    <>
      <button
        type="button"
        className={on ? `${SMALL_BUTTON} border-indigo-400 bg-indigo-50 text-indigo-800 dark:border-indigo-500 dark:bg-indigo-950/60 dark:text-indigo-200` : SMALL_BUTTON}
        aria-pressed={on}
        title={
          on ? "Make it a plain value again: a member's own different value is then a conflict" : "Write it as a default (mkDefault): a member's own value wins, every other member keeps this one"
        }
        onClick={(e) => {
          e.preventDefault();
          setRefused(ctx.setPriority!(path, on ? undefined : MK_DEFAULT_PRIORITY));
        }}
      >
        {/* The accessible name holds the visible words and then the option ("Let machines override startAt"). */}
        {on && <span aria-hidden="true">✓ </span>}Let machines override<span className="sr-only"> {label}</span>
      </button>
      {refused && <span className={`${ERROR_TEXT} basis-full text-right`}>{refused}</span>}
    </>
  );
}

function ResetButton({ pathKey, label, prop }: { pathKey: string; label: string; prop?: PropertyField }) {
  const ctx = useFormCtx();
  const path = usePath(pathKey);
  const [refused, setRefused] = useState<string>();
  return (
    <>
      <button
        type="button"
        className={SMALL_BUTTON}
        aria-label={`Reset ${label} to default`}
        {...readOnlyProps(ctx, "control")}
        title={ctx.readOnly ? undefined : prop?.hasDefault ? `Remove the value; the default (${defaultText(prop.default)}) applies` : "Remove the value from this layer"}
        onClick={(e) => {
          e.preventDefault();
          setRefused(ctx.commit(path, undefined, `Reset ${label}`));
        }}
      >
        Reset
      </button>
      {refused && <span className={`${ERROR_TEXT} basis-full text-right`}>{refused}</span>}
    </>
  );
}

/** The field components the form hands its container widgets (form-context.ts). */
export const FIELD_REGISTRY: FieldRegistry = { Field, Control };
