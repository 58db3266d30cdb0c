// The floor control of bench/rjsf-bench.ts: a form's DOM, as another side rendered it, turned
// into plain React elements (no state, no hooks, no logic). Mounting that copy costs what any
// React component that shows the same markup must pay at least: React creating the elements
// and the browser styling, laying out and painting them. A side cannot render its form in less
// main-thread time than the copy of its own output, so the copy of rjsf's output is the floor
// of any React form that shows what rjsf shows.
import { createElement, type ReactNode } from "react";

/** Attribute names whose React prop is spelled otherwise. */
const PROP: Record<string, string> = {
  class: "className",
  for: "htmlFor",
  tabindex: "tabIndex",
  readonly: "readOnly",
  novalidate: "noValidate",
  autocomplete: "autoComplete",
  autofocus: "autoFocus",
  maxlength: "maxLength",
  minlength: "minLength",
  colspan: "colSpan",
  rowspan: "rowSpan",
  enctype: "encType",
  "accept-charset": "acceptCharset",
  spellcheck: "spellCheck",
};

/** Form controls keep their state in the DOM: their copy starts uncontrolled, where it was. */
function controlProps(el: Element, props: Record<string, unknown>): void {
  if (el instanceof HTMLInputElement) {
    if (el.type === "checkbox" || el.type === "radio") props.defaultChecked = el.checked;
    else props.defaultValue = el.value;
    delete props.value;
    delete props.checked;
  } else if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) {
    props.defaultValue = el.value;
  }
}

function styleObject(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const decl of text.split(";")) {
    const i = decl.indexOf(":");
    if (i < 0) continue;
    const name = decl.slice(0, i).trim();
    if (!name) continue;
    out[name.startsWith("--") ? name : name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = decl.slice(i + 1).trim();
  }
  return out;
}

/** `node` (and everything below it) as React elements. */
export function staticCopy(node: Node, key?: number): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (!(node instanceof Element)) return null;
  const props: Record<string, unknown> = { key };
  for (const attr of Array.from(node.attributes)) {
    if (attr.name === "style") props.style = styleObject(attr.value);
    else props[PROP[attr.name] ?? attr.name] = attr.value;
  }
  controlProps(node, props);
  if (node instanceof HTMLSelectElement) for (const o of Array.from(node.options)) o.removeAttribute("selected");
  // textarea and select take their content through defaultValue; void elements take none.
  const children = node instanceof HTMLTextAreaElement ? [] : Array.from(node.childNodes, (c, i) => staticCopy(c, i));
  return createElement(node.tagName.toLowerCase(), props, ...(children.length ? [children] : []));
}
