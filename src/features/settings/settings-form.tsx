// A settings form for one layer blob: react-hook-form holds the drafts (one controller per
// text field), a small store holds the committed value and issues (fields subscribe to their
// own slice), and `commit` turns each finished field edit into one command of the caller.
import { memo, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import type { Json, JsonObject, Path } from "../../lib/json";
import type { FieldNode } from "../../schema/field-node";
import type { SettingsIssue } from "../../schema/validate";
import { FIELD_REGISTRY } from "./field";
import { createFormStore, FormContext, type Inherited, keyOf, snapshotOf, useCommitted, useFormCtx, useIssueText, type FormContextValue } from "./form-context";
import { JsonWidget } from "./widgets/json-widget";
import { ObjectWidget } from "./widgets/object-widget";
import { ERROR_TEXT } from "./widgets/styles";
import { LockIcon } from "../../ui/nix-lock-mark";

export interface SettingsFormProps {
  root: FieldNode;
  value: JsonObject;
  issues: SettingsIssue[];
  /** `spelling`: the text a number was typed as (free JSON `2.0`), see putSetting. */
  commit: (path: Path, value: Json | undefined, label?: string, spelling?: string) => string | undefined;
  /** Accessible name of the form, e.g. "Role-wide settings of borgbackup/client". */
  title: string;
  idPrefix?: string;
  onFieldRender?: (pathKey: string) => void;
  /** Why this blob cannot be changed here (Nix owns it): shown at the top of the form, every
   * field read-only and described by it, and no edit reaches `commit`. */
  readOnlyReason?: string;
  /** Path key -> priority of the value there (the blob's mkDefault/mkForce wrappers). */
  priorities?: ReadonlyMap<string, number>;
  /** Machine and tag forms: what each option gets from the other layers (role, tags, defaults). */
  inherited?: ReadonlyMap<string, Inherited>;
  /** Role-wide and tag forms: make a value a default members may override, or plain again. */
  setPriority?: (path: Path, priority: number | undefined) => string | undefined;
}

export function SettingsForm({ root, value, issues, commit, title, idPrefix = "settings", onFieldRender, readOnlyReason, priorities, setPriority, inherited }: SettingsFormProps) {
  // Drafts are checked by each widget as it is typed (useDraft), so the form itself never
  // validates: a keystroke costs no form-wide work.
  const form = useForm<Record<string, unknown>>({ shouldUnregister: true });
  const keyed = useMemo(() => issues.map((i) => ({ ...i, key: keyOf(i.path) })), [issues]);
  const [store] = useState(() => createFormStore(value, keyed, priorities, inherited));
  useLayoutEffect(() => {
    const s = store.getState();
    if (s.value !== value || s.issues !== keyed || (priorities && s.priorities !== priorities) || (inherited && s.inherited !== inherited)) {
      store.setState(snapshotOf(value, keyed, priorities, inherited));
    }
  }, [store, value, keyed, priorities, inherited]);
  // Callbacks through refs: the context stays the same object, so a new callback from the
  // parent never re-renders every field. The refs take the new callbacks once a render is
  // committed (a render React throws away must not leave its callbacks behind), before the
  // browser paints and so before any click or key can call them.
  const commitRef = useRef(commit);
  const probeRef = useRef(onFieldRender);
  const priorityRef = useRef(setPriority);
  useLayoutEffect(() => {
    commitRef.current = commit;
    probeRef.current = onFieldRender;
    priorityRef.current = setPriority;
  });
  const canPrioritise = setPriority !== undefined;
  const readOnly = readOnlyReason !== undefined;
  const noteId = `${idPrefix}-read-only`;
  const ctx = useMemo<FormContextValue>(
    () => ({
      store,
      registry: FIELD_REGISTRY,
      form: { register: form.register, getValues: form.getValues, setValue: form.setValue },
      root,
      // Read-only: the controls say so and stay put (controlled ones snap back), and no gesture
      // that still fires (a click on an aria-disabled button, an arrow key in a radio group)
      // becomes an edit. The store's lock guard would refuse it anyway; this keeps it silent.
      commit: readOnly ? () => undefined : (p, v, l, s) => commitRef.current(p, v, l, s),
      idPrefix,
      onFieldRender: (k) => probeRef.current?.(k),
      ...(readOnly ? { readOnly: { noteId } } : {}),
      ...(canPrioritise && !readOnly ? { setPriority: (p: Path, v: number | undefined) => priorityRef.current?.(p, v) } : {}),
    }),
    [store, form.register, form.getValues, form.setValue, root, idPrefix, readOnly, noteId, canPrioritise],
  );
  return (
    <FormContext.Provider value={ctx}>
      <form aria-label={title} onSubmit={(e) => e.preventDefault()} noValidate aria-describedby={readOnly ? noteId : undefined}>
        {readOnly && <ReadOnlyNote id={noteId} text={readOnlyReason} />}
        <RootFields />
      </form>
    </FormContext.Provider>
  );
}

/** The mark at the top of a form Nix owns: what it is and where to change it. Its text is
 * every field's description, so it reads as one sentence ("Defined in Nix (clan.nix): …"). */
function ReadOnlyNote({ id, text }: { id: string; text: string }) {
  const cut = text.indexOf(": ");
  return (
    <div className="mb-3 flex items-start gap-2 rounded-md border border-slate-300 bg-slate-100 px-3 py-2 text-sm text-slate-700 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200">
      <LockIcon className="mt-0.5 h-4 w-4 shrink-0" />
      <p id={id}>
        {cut < 0 ? (
          text
        ) : (
          <>
            <strong className="font-semibold text-slate-900 dark:text-white">{text.slice(0, cut + 1)}</strong>
            {text.slice(cut + 1)}
          </>
        )}
      </p>
    </div>
  );
}

const RootFields = memo(function RootFields() {
  const ctx = useFormCtx();
  const committed = useCommitted("[]");
  const issues = useIssueText("[]");
  ctx.onFieldRender?.("[]");
  return (
    <>
      {issues && <p className={ERROR_TEXT}>{issues}</p>}
      {ctx.root.kind === "object" ? (
        <ObjectWidget pathKey="[]" node={ctx.root} label="" committed={committed} depth={0} />
      ) : (
        <JsonWidget pathKey="[]" node={ctx.root} label="settings" committed={committed} depth={0} />
      )}
    </>
  );
});
