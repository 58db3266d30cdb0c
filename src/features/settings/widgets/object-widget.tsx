// A group of options (a submodule): one field per declared option, then the keys the schema
// does not declare. Freeform groups edit those like a map; otherwise each unknown key is shown
// as it is stored, with its error and a Remove button — never dropped silently.
import { isObject, own, type Json } from "../../../lib/json";
import { spellingAt } from "../../../lib/json-spelled";
import { childLabel, keyOf, readOnlyProps, useFormCtx, useIssueText, usePath } from "../form-context";
import type { ControlProps } from "./control-props";
import { toJsonText } from "./json-widget";
import { MapEntries } from "./map-widget";
import { DANGER_BUTTON, ERROR_TEXT } from "./styles";

export function ObjectWidget({ pathKey, node, label, committed, depth }: ControlProps) {
  const { Field } = useFormCtx().registry;
  const path = usePath(pathKey);
  if (node.kind !== "object") return null;
  const value = isObject(committed) ? committed : {};
  const declared = new Set(node.properties.map((p) => p.name));
  const others = Object.keys(value).filter((k) => !declared.has(k));
  return (
    <div className={depth === 0 ? "" : "space-y-0"}>
      {node.properties.length === 0 && !node.extra && others.length === 0 && <p className="py-2 text-sm text-slate-500">This role has no settings.</p>}
      {node.properties.map((p) => (
        <Field key={p.name} pathKey={keyOf([...path, p.name])} node={p.node()} name={p.name} label={childLabel(label, p.name)} prop={p} depth={depth + 1} />
      ))}
      {node.extra ? (
        <div className="mt-2">
          <p className="text-xs font-medium text-slate-500">Other entries</p>
          <MapEntries pathKey={pathKey} label={label} valueNode={node.extra()} value={value} keys={others} reserved={[...declared]} depth={depth} />
        </div>
      ) : (
        others.map((k) => <UnknownKey key={k} pathKey={keyOf([...path, k])} name={k} label={childLabel(label, k)} value={own(value, k)} spelling={spellingAt(value, k)} />)
      )}
    </div>
  );
}

function UnknownKey({ pathKey, name, label, value, spelling }: { pathKey: string; name: string; label: string; value: Json | undefined; spelling?: string }) {
  const ctx = useFormCtx();
  const path = usePath(pathKey);
  const issues = useIssueText(pathKey, true);
  return (
    <div className="my-2 rounded-md border border-red-200 bg-red-50/50 p-2 dark:border-red-900 dark:bg-red-950/30">
      <div className="flex items-center gap-2">
        <span className="font-mono text-sm font-medium">{name}</span>
        <span className="text-xs text-red-700 dark:text-red-400">unknown setting</span>
        <button
          type="button"
          className={`${DANGER_BUTTON} ml-auto`}
          aria-label={`Remove unknown setting ${label}`}
          {...readOnlyProps(ctx, "control")}
          onClick={() => ctx.commit(path, undefined, `Remove unknown setting ${label}`)}
        >
          Remove
        </button>
      </div>
      <pre className="mt-1 max-h-40 overflow-auto font-mono text-xs text-slate-700 dark:text-slate-300">{toJsonText(value, spelling)}</pre>
      {issues && <p className={ERROR_TEXT}>{issues}</p>}
    </div>
  );
}
