import type { Row, Value } from '../core/value.js';
import type { FieldDef } from '../model/types.js';
import type { Cond, GroupKey, TstatsPlan } from '../plan/tstats.js';
import type { CompareOp } from '../spl/ast.js';
import { type AggInput, aggregateSql } from './aggregates.js';
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

  /** The value a group key reads: its column, or its unnested element (`u<i>.mv`) for a multivalue field. */
  groupSource(g: GroupKey, i: number): { expr: string; isNumber: boolean } | null {
    if (!g.field) return null;
    if (g.field.multivalue) return { expr: `u${i}.mv`, isNumber: this.isNumber(g.field) };
    const ts = this.d.ident(g.field.name);
    if (g.bucket?.unit === 'month') return { expr: this.d.monthBucket(ts, g.bucket.size), isNumber: true };
    const base = this.col(g.field);
    const size = g.bucket?.size;
    return { expr: size ? `(floor(${base} / ${size}) * ${size})` : base, isNumber: this.isNumber(g.field) };
  }

  groupExpr(g: GroupKey, i: number, fillnull: string | undefined): string {
    const src = this.groupSource(g, i);
    if (!src) return fillnull === undefined ? 'NULL' : this.d.string(fillnull);
    // _time is never null, and keeps its number type
    if (fillnull === undefined || g.field?.type === 'time') return src.expr;
    return `COALESCE(${this.d.text(src.expr, src.isNumber)}, ${this.d.string(fillnull)})`;
  }

  aggInput(f: FieldDef, time: string, percentile: number | undefined): AggInput {
    const col = this.col(f);
    return {
      d: this.d,
      field: f,
      col,
      num: this.isNumber(f) ? col : this.d.tryNumber(col),
      text: this.d.text(col, this.isNumber(f)),
      time: this.d.epoch(time),
      timeKey: time,
      fraction: (percentile ?? 50) / 100,
    };
  }
}

/** `*` → `%`; literal `%`, `_` and `\` escaped with `\`. */
function likePattern(value: string): string {
  return value.replace(/[\\%_]/g, '\\$&').replace(/\*/g, '%');
}

/** Compiles the pushed-down tstats part to one SQL statement (spec §2). */
export function compileTstats(plan: TstatsPlan, d: Dialect): CompiledTstats {
  const e = new Emitter(d);
  const timeField = plan.dataset.fields.find((f) => f.name === '_time');
  const time = d.ident(timeField?.name ?? '_time');
  const select: string[] = [];
  const columns: OutputColumn[] = [];
  plan.groupBy.forEach((g, i) => {
    select.push(`${e.groupExpr(g, i, plan.fillnull)} AS g${i}`);
    columns.push({ output: g.output, aliases: [`g${i}`] });
  });
  plan.aggregates.forEach((a, i) => {
    const input = a.field ? e.aggInput(a.field, time, a.percentile) : null;
    const exprs = aggregateSql(a, input);
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
    plan.groupBy.forEach((g, i) => {
      where.push(`${e.groupExpr(g, i, undefined)} IS NOT NULL`);
    });
  }
  // a multivalue BY field makes one group per value, as stats does (spec §2)
  const joins = plan.groupBy.flatMap((g, i) =>
    g.field?.multivalue ? [d.unnestJoin(d.ident(g.field.name), `u${i}`, plan.fillnull !== undefined)] : [],
  );
  const groups = plan.groupBy.map((_, i) => `g${i}`);
  const sql = [
    `SELECT ${select.join(', ')}`,
    `FROM ${d.ident(plan.dataset.table)}`,
    ...joins,
    `WHERE ${where.join(' AND ')}`,
    groups.length ? `GROUP BY ${groups.join(', ')}` : '',
    groups.length ? `ORDER BY ${groups.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return { sql, columns };
}

/** No value: SQL NULL, or an empty list (`values` of a group whose field is always null). */
const isEmpty = (v: Value | undefined): boolean => v == null || (Array.isArray(v) && v.length === 0);

/** Turns SQL rows back into result rows named as the search wrote them; a field without a value is left out. */
export function readTstatsRows(compiled: CompiledTstats, rows: readonly Row[]): Row[] {
  return rows.map((r) => {
    const out: Row = {};
    for (const c of compiled.columns) {
      const v = c.aliases.map((a) => r[a]).find((x) => !isEmpty(x));
      if (v !== undefined) out[c.output] = v as Value;
    }
    return out;
  });
}
