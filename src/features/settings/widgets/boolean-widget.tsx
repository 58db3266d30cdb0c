// A boolean option. With a default, a checkbox: not set shows the default (and says so), a
// click writes the other value, Reset removes it. Without a default, "not set", `true` and
// `false` are three different things to Clan (a missing required option fails evaluation), so
// they are three radio buttons, like the nullable widget's: one click or one arrow key stores
// any of them, `false` included (a checkbox needed check + uncheck for that).
import { useState } from "react";
import type { Json } from "../../../lib/json";
import { elementId, readOnlyProps, useFormCtx, usePath } from "../form-context";
import type { ControlProps } from "./control-props";
import { CHOICE_REFUSED, ERROR_TEXT } from "./styles";

export function BooleanWidget(props: ControlProps) {
  const { prop, node } = props;
  // The option's own widget (not the value inside a nullable or a union, nor a list item or a
  // map entry, which always hold a value) and no default to show: three states.
  const threeStates = prop !== undefined && !prop.hasDefault && node.kind === "boolean" && prop.node().kind === "boolean";
  return threeStates ? <BooleanChoice {...props} /> : <BooleanCheckbox {...props} />;
}

function BooleanCheckbox({ pathKey, label, committed, prop, describedBy, invalid }: ControlProps) {
  const ctx = useFormCtx();
  const path = usePath(pathKey);
  const [refused, setRefused] = useState<string>();
  const fallback = prop?.hasDefault && typeof prop.default === "boolean" ? prop.default : false;
  const checked = typeof committed === "boolean" ? committed : fallback;
  return (
    <>
      <label className="inline-flex items-center gap-2 text-sm">
        <input
          id={elementId(ctx, pathKey)}
          type="checkbox"
          aria-label={label}
          className={`h-4 w-4 rounded border-slate-300 accent-indigo-600 ${CHOICE_REFUSED}`}
          checked={checked}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          {...readOnlyProps(ctx, "control", describedBy)}
          onChange={(e) => setRefused(ctx.commit(path, e.target.checked))}
        />
        <span className="text-slate-600 dark:text-slate-300">
          {checked ? "true" : "false"}
          {committed === undefined && <span className="text-slate-400"> ({prop?.hasDefault ? "default" : "not set"})</span>}
        </span>
      </label>
      {refused && <p className={ERROR_TEXT}>{refused}</p>}
    </>
  );
}

const CHOICES: [string, boolean | undefined][] = [
  ["Not set", undefined],
  ["true", true],
  ["false", false],
];

function BooleanChoice({ pathKey, label, committed, describedBy, invalid }: ControlProps) {
  const ctx = useFormCtx();
  const path = usePath(pathKey);
  const [refused, setRefused] = useState<string>();
  const id = elementId(ctx, pathKey);
  const current: Json | undefined = typeof committed === "boolean" ? committed : undefined;
  const choose = (value: boolean | undefined) => {
    if (value === current) return;
    setRefused(ctx.commit(path, value, `Set ${label} to ${value === undefined ? "not set" : String(value)}`));
  };
  return (
    <>
      {/* The group carries the option's id, so the field's name label points at it. */}
      <div id={id} role="radiogroup" aria-label={label} aria-describedby={describedBy} aria-invalid={invalid} {...readOnlyProps(ctx, "control", describedBy)} className="flex flex-wrap gap-3 text-sm">
        {CHOICES.map(([text, value]) => (
          <label key={text} className="inline-flex items-center gap-1.5">
            <input
              type="radio"
              name={`${id}-value`}
              className={`accent-indigo-600 ${CHOICE_REFUSED}`}
              {...readOnlyProps(ctx, "control", describedBy)}
              checked={current === value}
              onChange={() => choose(value)}
            />
            <span className={value === undefined ? "text-slate-600 dark:text-slate-300" : "font-mono"}>{text}</span>
          </label>
        ))}
      </div>
      {refused && <p className={ERROR_TEXT}>{refused}</p>}
    </>
  );
}
