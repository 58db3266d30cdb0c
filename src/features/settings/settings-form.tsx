// A settings form for one layer blob: react-hook-form holds the drafts (one controller per
// text field), a small store holds the committed value and issues (fields subscribe to their
// own slice), and `commit` turns each finished field edit into one command of the caller.
import { memo, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import type { Json, JsonObject, Path } from "../../model/json";
import type { FieldNode } from "../../schema/field-node";
import type { SettingsIssue } from "../../schema/validate";
import { createFormStore, FormContext, keyOf, snapshotOf, useCommitted, useFormCtx, useIssueText, type FormContextValue } from "./form-context";
import { JsonWidget } from "./widgets/json-widget";
import { ObjectWidget } from "./widgets/object-widget";
import { ERROR_TEXT } from "./widgets/styles";

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
}

export function SettingsForm({ root, value, issues, commit, title, idPrefix = "settings", onFieldRender }: SettingsFormProps) {
  // Drafts are checked by each widget as it is typed (useDraft), so the form itself never
  // validates: a keystroke costs no form-wide work.
  const form = useForm<Record<string, unknown>>({ shouldUnregister: true });
  const keyed = useMemo(() => issues.map((i) => ({ ...i, key: keyOf(i.path) })), [issues]);
  const [store] = useState(() => createFormStore(value, keyed));
  useLayoutEffect(() => {
    if (store.getState().value !== value || store.getState().issues !== keyed) store.setState(snapshotOf(value, keyed));
  }, [store, value, keyed]);
  // Callbacks through refs: the context stays the same object, so a new callback from the
  // parent never re-renders every field.
  const commitRef = useRef(commit);
  commitRef.current = commit;
  const probeRef = useRef(onFieldRender);
  probeRef.current = onFieldRender;
  const ctx = useMemo<FormContextValue>(
    () => ({
      store,
      form: { register: form.register, getValues: form.getValues, setValue: form.setValue },
      root,
      commit: (p, v, l, s) => commitRef.current(p, v, l, s),
      idPrefix,
      onFieldRender: (k) => probeRef.current?.(k),
    }),
    [store, form.register, form.getValues, form.setValue, root, idPrefix],
  );
  return (
    <FormContext.Provider value={ctx}>
      <form aria-label={title} onSubmit={(e) => e.preventDefault()} noValidate>
        <RootFields />
      </form>
    </FormContext.Provider>
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
