// The final settings of a member as rows of option, value and origin — how the CLI's text, the
// effective settings panel and "What runs on <m>" list them. A set whose entries have origins of
// their own (nested options, a submodule, an attribute set merged from several layers) is listed
// entry by entry; anything else is one row.
import { isObject, type Json } from "../../lib/json";
import { numberSpelling } from "../../lib/json-layout";
import { originKey, type Origin } from "./evaluate-options";
import type { Source } from "./sources";

export interface SettingRow {
  path: string[];
  value: Json;
  /** The text a number is written with (`2.0`), when it has one. */
  spelling?: string;
  origin?: Origin<Source>;
  /** The option's declared default, not set by any layer. */
  isDefault: boolean;
}

export function settingRows(value: Json | undefined, origins: ReadonlyMap<string, Origin<Source>>): SettingRow[] {
  const out: SettingRow[] = [];
  walk(value, [], origins, out);
  return out;
}

function walk(value: Json | undefined, path: string[], origins: ReadonlyMap<string, Origin<Source>>, out: SettingRow[]) {
  if (!isObject(value)) return;
  for (const key of Object.keys(value).sort()) {
    const at = [...path, key];
    const v = value[key] as Json;
    const origin = origins.get(originKey(at));
    if (isObject(v) && Object.keys(v).some((k) => origins.has(originKey([...at, k])))) {
      walk(v, at, origins, out);
      continue;
    }
    out.push({ path: at, value: v, spelling: numberSpelling(value, key), origin, isDefault: !!origin && origin.sources.every((s) => s.kind === "default") });
  }
}
