/** CIM field types as the data model JSON declares them; `time` is `_time` and CIM `timestamp` fields. */
export type FieldType = 'string' | 'number' | 'boolean' | 'time';

/** The owner of the fields every dataset inherits (`_time`, `host`, `source`, `sourcetype`). */
export const BASE_EVENT = 'BaseEvent';

export interface FieldDef {
  /** Column name in the dataset's table (Risk names keep their dots: `annotations.mitre_attack.mitre_tactic`). */
  readonly name: string;
  readonly type: FieldType;
  readonly multivalue?: boolean;
  /** A `number` field that only ever holds whole numbers (ports, byte counts): stored as an integer. */
  readonly integer?: boolean;
  /**
   * Lineage of the dataset that defines the field (`All_Changes`, `All_Changes.Instance_Changes`), or
   * `BaseEvent`. Searches name it `<owner>.<name>`; BaseEvent fields are written bare (see `fields.ts`).
   */
  readonly owner: string;
}

/**
 * One queryable dataset of a CIM data model. A root dataset is one table; a child dataset reads its root's
 * table filtered by `constraints`.
 */
export interface DatasetDef {
  /** Model name as in `from datamodel=<model>`, e.g. `Web`. */
  readonly model: string;
  /** Same as `lineage` (kept for older callers). */
  readonly dataset: string;
  /** Dataset path without the model: `Web`, `Processes`, `All_Changes.Instance_Changes`. */
  readonly lineage: string;
  /**
   * Search-language constraint of each child level from the root down (`['tag=account', 'action="created"']`);
   * empty for a root: its rows are in its table because they belong to it.
   */
  readonly constraints: readonly string[];
  /** Name of the table that holds its rows (the root's table). */
  readonly table: string;
  /** Fields visible from this dataset: BaseEvent's, then each level's from the root down to this one. */
  readonly fields: readonly FieldDef[];
  /** Every column of `table`: the fields of the root and all its descendants. */
  readonly columns: readonly FieldDef[];
  /** Web only: its calculated fields as rules the ingest fast path compiles to SQL (see `calculated-sql.ts`). */
  readonly calculated?: readonly CalculatedField[];
  /**
   * The CIM calculations applied when rows are written to `table` (by `writeModelRows`): the root's and
   * every descendant's, in declared order from the root down (spec §5.1).
   */
  readonly calculations: readonly ModelCalculation[];
  /** `table` is a view over vigil's own events (Risk); rows are never written to it. */
  readonly view?: boolean;
}

/** A CIM data model calculation as declared in the model JSON. */
export type ModelCalculation =
  /** `eval <field> = <expression>` in Splunk's eval language. */
  | { readonly kind: 'eval'; readonly field: string; readonly expression: string }
  /** A rex on `input`; each output field is the named capture group of the same name. */
  | {
      readonly kind: 'rex';
      readonly input: string;
      readonly pattern: string;
      readonly fields: readonly string[];
    }
  /** A lookup (DNS reply_code, Risk savedsearch_description): vigil has no CIM lookups, so it is skipped. */
  | {
      readonly kind: 'lookup';
      readonly lookup: string;
      readonly inputs: readonly (readonly [input: string, lookupField: string])[];
      readonly fields: readonly string[];
    };

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
