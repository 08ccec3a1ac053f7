import type { Row, Value } from '../core/value.js';
import type { FieldDef } from '../model/types.js';
import type { AggPlan, Cond, GroupKey, TstatsPlan } from '../plan/tstats.js';
import type { CompareOp } from '../spl/ast.js';
import type { Dialect } from './dialect.js';

/** How one output field is read back from the SQL row: one column, or a number column with a text fallback. */
interface OutputColumn {
  readonly output: string;
  readonly aliases: readonly string[];
}

export interface CompiledTstats {
  readonly sql: string;
  readonly columns: readonly OutputColumn[];
}

const NUMERIC = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

class Emitter {
  constructor(readonly d: Dialect) {}

  col(f: FieldDef): string {
    return f.type === 'time' ? this.d.epoch(this.d.ident(f.name)) : this.d.ident(f.name);
  }

  isNumber(f: FieldDef): boolean {
    return f.type === 'number' || f.type === 'time';
  }

  cond(c: Cond): string {
    switch (c.kind) {
      case 'true':
        return 'TRUE';
      case 'and':
      case 'or':
        return c.items.length
          ? `(${c.items.map((i) => this.cond(i)).join(` ${c.kind.toUpperCase()} `)})`
          : 'TRUE';
      case 'not':
        return `(NOT ${this.cond(c.cond)})`;
      case 'match':
        return this.match(c.field, c.op, c.value);
    }
  }

  /** Search-language comparison (spec §2): case-insensitive, whole value, `*` wildcards, `!=` needs the field. */
  match(f: FieldDef | null, op: CompareOp, value: string): string {
    if (!f) return 'FALSE';
    const one = (x: string) => `COALESCE(${this.compare(f, x, op === '!=' ? '=' : op, value)}, FALSE)`;
    const test = f.multivalue ? this.d.anyElement(this.d.ident(f.name), one) : one(this.col(f));
    const col = this.d.ident(f.name);
    return op === '!=' ? `(${col} IS NOT NULL AND NOT ${test})` : test;
  }

  compare(f: FieldDef, x: string, op: CompareOp, value: string): string {
    const numeric = NUMERIC.test(value) && !value.includes('*');
    if (op !== '=') {
      if (!numeric) return `${this.d.text(x, this.isNumber(f))} ${op} ${this.d.string(value)}`;
      return `${this.isNumber(f) ? x : this.d.tryNumber(x)} ${op} ${Number(value)}`;
    }
    if (numeric && this.isNumber(f)) return `${x} = ${Number(value)}`;
    const text = this.d.text(x, this.isNumber(f));
    if (value.includes('*')) return this.d.ilike(text, this.d.string(likePattern(value)));
    return `${this.d.lower(text)} = ${this.d.string(value.toLowerCase())}`;
  }

  groupExpr(g: GroupKey, fillnull: string | undefined): string {
    if (!g.field) return fillnull === undefined ? 'NULL' : this.d.string(fillnull);
    const base = this.col(g.field);
    const bucketed = g.spanSeconds ? `(floor(${base} / ${g.spanSeconds}) * ${g.spanSeconds})` : base;
    // _time is never null, and keeps its number type
    if (fillnull === undefined || g.field.type === 'time') return bucketed;
    return `COALESCE(${this.d.text(bucketed, this.isNumber(g.field))}, ${this.d.string(fillnull)})`;
  }

  /** One aggregate → its SQL expressions (min/max of text fields also try the numeric order, as Splunk does). */
  agg(a: AggPlan, time: string): string[] {
    if (a.fn === 'count')
      return [a.field === undefined ? 'count(*)' : a.field ? `count(${this.col(a.field)})` : '0'];
    const f = a.field;
    if (!f) return ['NULL'];
    const col = this.col(f);
    const num = this.isNumber(f) ? col : this.d.tryNumber(col);
    switch (a.fn) {
      case 'dc':
      case 'distinct_count':
        return [`count(DISTINCT ${col})`];
      case 'values':
        return [this.d.valuesAgg(this.d.text(col, this.isNumber(f)))];
      case 'sum':
        return [`sum(${num})`];
      case 'avg':
      case 'mean':
        return [`avg(${num})`];
      case 'min':
      case 'max':
        return this.isNumber(f) ? [`${a.fn}(${col})`] : [`${a.fn}(${num})`, `${a.fn}(${col})`];
      case 'earliest':
        return [this.d.argMin(col, time)];
      case 'latest':
        return [this.d.argMax(col, time)];
    }
  }
}

/** `*` → `%`; literal `%`, `_` and `\` escaped with `\`. */
function likePattern(value: string): string {
  return value.replace(/[\\%_]/g, '\\$&').replace(/\*/g, '%');
}

/** Compiles the pushed-down tstats part to one SQL statement (spec §2). */
export function compileTstats(plan: TstatsPlan, d: Dialect): CompiledTstats {
  const e = new Emitter(d);
  const timeField = plan.dataset.fields.find((f) => f.type === 'time');
  const time = timeField ? d.ident(timeField.name) : d.ident('_time');
  const select: string[] = [];
  const columns: OutputColumn[] = [];
  plan.groupBy.forEach((g, i) => {
    select.push(`${e.groupExpr(g, plan.fillnull)} AS g${i}`);
    columns.push({ output: g.output, aliases: [`g${i}`] });
  });
  plan.aggregates.forEach((a, i) => {
    const exprs = e.agg(a, time);
    const aliases = exprs.map((_, k) => `a${i}_${k}`);
    exprs.forEach((x, k) => {
      select.push(`${x} AS ${aliases[k]}`);
    });
    columns.push({ output: a.output, aliases });
  });
  const where = [e.cond(plan.where)];
  if (plan.earliest !== null) where.push(`${time} >= ${d.time(plan.earliest)}`);
  if (plan.latest !== null) where.push(`${time} < ${d.time(plan.latest)}`);
  // tstats omits rows with a null BY value unless fillnull_value is given (spec §2, §8.1)
  if (plan.fillnull === undefined) {
    for (const g of plan.groupBy) where.push(`${e.groupExpr(g, undefined)} IS NOT NULL`);
  }
  const groups = plan.groupBy.map((_, i) => `g${i}`);
  const sql = [
    `SELECT ${select.join(', ')}`,
    `FROM ${d.ident(plan.dataset.table)}`,
    `WHERE ${where.join(' AND ')}`,
    groups.length ? `GROUP BY ${groups.join(', ')}` : '',
    groups.length ? `ORDER BY ${groups.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return { sql, columns };
}

/** Turns SQL rows back into result rows named as the search wrote them. */
export function readTstatsRows(compiled: CompiledTstats, rows: readonly Row[]): Row[] {
  return rows.map((r) => {
    const out: Row = {};
    for (const c of compiled.columns) {
      const v = c.aliases.map((a) => r[a] ?? null).find((x) => x !== null) ?? null;
      if (v !== null) out[c.output] = v as Value;
    }
    return out;
  });
}
