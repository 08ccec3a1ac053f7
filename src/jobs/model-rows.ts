import type { Diagnostic } from '../core/diagnostics.js';
import { formatNumber, type Row, type Scalar, type Value } from '../core/value.js';
import { checkExpr, evaluate } from '../engine/eval.js';
import { pcre } from '../engine/regex.js';
import { type EvalValue, toNumber, toText, valuesOf } from '../engine/values.js';
import type { DatasetDef, FieldDef, ModelCalculation } from '../model/types.js';
import type { ExecEnv } from '../spl/command.js';
import { parseExpr } from '../spl/eval-expr.js';
import type { Store } from '../store/types.js';

/** One calculation ready to run on a row, or the reason vigil cannot run it. */
type Step = ((row: Record<string, Value>, env: ExecEnv) => void) | { readonly unsupported: string };

const compiled = new WeakMap<DatasetDef, readonly Step[]>();

/**
 * Appends rows to a dataset's table after applying the data model's calculations in declared order
 * (spec §5.1), each reading what the ones before left. Input rows may carry raw fields the calculations read
 * (`vendor`, `product`); only the table's columns are stored, coerced to their types. Throws when the
 * dataset is a view, or when a calculation uses something vigil's eval lacks (naming it) and rows are given.
 */
export async function writeModelRows(store: Store, dataset: DatasetDef, rows: readonly Row[]): Promise<void> {
  if (dataset.view)
    throw new Error(`${dataset.model}.${dataset.lineage} is a view; rows cannot be written to it`);
  if (rows.length === 0) return;
  const steps = stepsOf(dataset);
  const missing = steps.find((s) => typeof s !== 'function');
  if (missing) throw new Error(`${dataset.model}: ${missing.unsupported}`);
  const env: ExecEnv = { now: Date.now() / 1000 };
  const values = rows.map((input) => {
    const row: Record<string, Value> = { ...input };
    for (const step of steps) (step as Exclude<Step, { unsupported: string }>)(row, env);
    return dataset.columns.map((c) => coerce(c, row[c.name] ?? null));
  });
  await store.ensureTable(dataset.table, dataset.columns);
  await store.append(dataset.table, dataset.columns, values);
}

/** Applies a dataset's calculations to one row, in place; exported for tests and other writers. */
export function applyCalculations(dataset: DatasetDef, input: Row): Row {
  const row: Record<string, Value> = { ...input };
  for (const step of stepsOf(dataset)) {
    if (typeof step !== 'function') throw new Error(`${dataset.model}: ${step.unsupported}`);
    step(row, { now: Date.now() / 1000 });
  }
  return row;
}

function stepsOf(dataset: DatasetDef): readonly Step[] {
  let steps = compiled.get(dataset);
  if (!steps) {
    steps = dataset.calculations.map(compile);
    compiled.set(dataset, steps);
  }
  return steps;
}

const compilers: { [K in ModelCalculation['kind']]: (c: Extract<ModelCalculation, { kind: K }>) => Step } = {
  eval: (c) => {
    const diags: Diagnostic[] = [];
    const expr = parseExpr(c.expression, 0, c.expression.length, diags);
    checkExpr(expr, diags);
    const problem = diags.find((d) => d.severity === 'error');
    if (problem) return { unsupported: `calculation of ${c.field} (${c.expression}): ${problem.message}` };
    return (row, env) => {
      row[c.field] = toValue(evaluate(expr, row, env));
    };
  },
  rex: (c) => {
    let regex: RegExp;
    try {
      regex = pcre(c.pattern);
    } catch (e) {
      return { unsupported: `rex for ${c.fields.join(', ')}: ${(e as Error).message}` };
    }
    // a rex that does not match leaves the fields as they were (spec §5.1: unset unless the TA supplies it)
    return (row) => {
      const text = toText(valuesOf(row[c.input] ?? null)[0] ?? null);
      const groups = text === null ? undefined : regex.exec(text)?.groups;
      if (!groups) return;
      for (const f of c.fields) if (groups[f] !== undefined) row[f] = groups[f];
    };
  },
  // CIM lookups (DNS reply_code from reply_code_id, Risk savedsearch_description) need lookup files vigil
  // does not ship: the output stays as the input row gave it
  lookup: () => () => {},
};

function compile(c: ModelCalculation): Step {
  return (compilers[c.kind] as (c: ModelCalculation) => Step)(c);
}

function toValue(v: EvalValue): Value {
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return v;
}

/** A value as its column stores it; a multivalue for a single-value column is refused, not truncated. */
function coerce(col: FieldDef, v: Value): Value {
  if (v === null) return null;
  if (col.multivalue) return Array.isArray(v) ? v : [v as Scalar];
  if (Array.isArray(v))
    throw new Error(`field ${col.name} is single-value in the data model but got several values`);
  if (col.type === 'number' || col.type === 'time') return toNumber(v as Scalar);
  if (col.type === 'boolean') return toText(v as Scalar);
  return typeof v === 'number' ? formatNumber(v) : (v as string);
}
