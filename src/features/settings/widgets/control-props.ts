import type { Json } from "../../../lib/json";
import type { FieldNode, PropertyField } from "../../../schema/field-node";

/** What every widget receives from the field around it. */
export interface ControlProps {
  pathKey: string;
  node: FieldNode;
  /** Accessible name: the option's path, e.g. "destinations.a.repo". */
  label: string;
  committed: Json | undefined;
  /** How a committed number is written, when not plainly (`2.0`, `1e5`): see lib/number-text.ts. */
  spelling?: string;
  depth: number;
  /** The option this value belongs to (for its default), when it is an option. */
  prop?: PropertyField;
  /** Ids of help and error text, for aria-describedby. */
  describedBy?: string;
  invalid?: boolean;
}
