/** CIM field types as the data model JSON declares them; `time` is the BaseEvent `_time`. */
export type FieldType = 'string' | 'number' | 'boolean' | 'time';

export interface FieldDef {
  readonly name: string;
  readonly type: FieldType;
  readonly multivalue?: boolean;
  /** A `number` field that only ever holds whole numbers (ports, byte counts): stored as an integer. */
  readonly integer?: boolean;
}

/**
 * One queryable dataset of a CIM data model, stored as one table.
 * `fields` includes the inherited BaseEvent fields `_time`, `host`, `source`, `sourcetype`.
 */
export interface DatasetDef {
  /** Model name as in `from datamodel=<model>`, e.g. `Web`. */
  readonly model: string;
  /** Dataset path as written after the model, e.g. `Web` (root) or `Web.Proxy`. */
  readonly dataset: string;
  /** Name of the table that holds its rows. */
  readonly table: string;
  readonly fields: readonly FieldDef[];
  /** The data model's calculated fields, applied in this order when rows are stored (see `calculated.ts`). */
  readonly calculated?: readonly CalculatedField[];
}

/**
 * A CIM calculated field as data. Each rule reads the values left by the rules before it
 * (spec §5.1: "evaluated in listed order").
 */
export type CalculatedField =
  /** `if(isnull(f) OR f IN blanks, "unknown", f)` */
  | { readonly kind: 'unknownIfBlank'; readonly field: string; readonly blanks: readonly string[] }
  /** `case(isnum(f), f, isnum(left) AND isnum(right), left <op> right, 1=1, null())` */
  | {
      readonly kind: 'numberOr';
      readonly field: string;
      readonly op: '+' | '-';
      readonly left: string;
      readonly right: string;
    }
  /** `len(of)`, counted in characters (code points). */
  | { readonly kind: 'length'; readonly field: string; readonly of: string }
  /** A rex extraction: capture group `group` of `pattern` applied to `of`; null when it does not match. */
  | {
      readonly kind: 'rex';
      readonly field: string;
      readonly of: string;
      readonly pattern: string;
      readonly group: number;
      /** Values starting with one of these cannot match `pattern` (lets the regex be skipped for them). */
      readonly cannotStartWith?: readonly string[];
    }
  /** The first non-null of `of`, else `fallback`. */
  | {
      readonly kind: 'coalesce';
      readonly field: string;
      readonly of: readonly string[];
      readonly fallback: string;
    };

export type CalculatedKind = CalculatedField['kind'];
