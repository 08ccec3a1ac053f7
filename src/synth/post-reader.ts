import type { LookupResolver } from '../core/lookup.js';
import { matchSearch } from '../engine/match.js';
import type { FieldDef } from '../model/types.js';
import type { TstatsPlan } from '../plan/tstats.js';
import type { CompareOp, SearchExpr } from '../spl/ast.js';
import { fieldPatternRegex } from '../spl/fieldlist.js';
import type { Nnf } from './cond.js';

/** What a result field of the commands after tstats holds, traced back through renames. */
export type Source =
  | { readonly kind: 'field'; readonly field: FieldDef }
  | { readonly kind: 'count' }
  | { readonly kind: 'sum'; readonly field: FieldDef }
  /** `dc(field)`: as many distinct values as the rows have. */
  | { readonly kind: 'dc'; readonly field: FieldDef }
  /** A capture group of `rex` over a data-model field. */
  | { readonly kind: 'rex'; readonly field: FieldDef }
  | { readonly kind: 'lookup'; readonly table: string; readonly column: string; readonly keys: LookupKeys };

type LookupKeys = readonly { readonly column: string; readonly source: Source | undefined }[];

/** Conditions of the commands after tstats, turned into demands on the data-model rows. */
export interface PostDemands {
  /** Literals on data-model fields the matching row must also satisfy (ids from `POST_IDS`). */
  readonly goals: Nnf[];
  /** Rows to write so that `count >= N` style thresholds hold. */
  repeat: number;
  /** Fields whose values must differ across that many rows, for `dc(field) > N` style thresholds. */
  readonly distinct: Map<string, number>;
  /** Text each field's value should contain, for eval scores built from like()/match() (see `hintsOf`). */
  readonly hints: Map<string, string[]>;
  /** Post-tstats conditions vigil could not turn into demands. */
  readonly unread: string[];
  /** `search NOT (...)` conditions vigil could not read, assumed to hold on rows lacking their fields. */
  readonly assumed: string[];
  /** `regex` filters on data-model fields, checked on the matching rows. */
  readonly regexes: {
    readonly field: FieldDef;
    readonly regex: string;
    readonly negate: boolean;
    readonly text: string;
  }[];
  /** Commands whose rows the synthesizer cannot produce (a join with another search, a regex filter). */
  readonly obstacles: string[];
}

/** Literal ids of post-tstats demands start here, apart from the where clause's. */
export const POST_IDS = 100_000;

export class Reader {
  readonly names = new Map<string, Source>();
  readonly demands: PostDemands = {
    goals: [],
    repeat: 1,
    distinct: new Map(),
    hints: new Map(),
    unread: [],
    assumed: [],
    regexes: [],
    obstacles: [],
  };
  nextId = POST_IDS;

  constructor(
    plan: TstatsPlan,
    readonly lookups: LookupResolver | undefined,
    readonly text: string,
  ) {
    for (const g of plan.groupBy) if (g.field) this.names.set(g.output, { kind: 'field', field: g.field });
    for (const a of plan.aggregates) {
      if (a.fn === 'count' && !a.field) this.names.set(a.output, { kind: 'count' });
      else if (a.fn === 'sum' && a.field) this.names.set(a.output, { kind: 'sum', field: a.field });
      else if (DC.has(a.fn) && a.field) this.names.set(a.output, { kind: 'dc', field: a.field });
      else if ((a.fn === 'values' || a.fn === 'latest' || a.fn === 'max') && a.field)
        this.names.set(a.output, { kind: 'field', field: a.field });
    }
  }

  rename(from: string, to: string): void {
    const re = fieldPatternRegex(from);
    for (const [name, source] of [...this.names]) {
      const m = re.exec(name);
      if (!m) continue;
      let k = 1;
      this.names.delete(name);
      this.names.set(
        to.replace(/\*/g, () => m[k++] ?? ''),
        source,
      );
    }
  }

  literal(name: string, op: CompareOp, value: string, negated: boolean): Nnf | undefined {
    const source = this.names.get(name);
    if (!source) return undefined;
    if (source.kind === 'field' || source.kind === 'sum')
      return { kind: 'literal', id: this.nextId++, field: source.field, op, value, negated };
    if (source.kind === 'count') return this.count(op, Number(value), negated);
    if (source.kind === 'dc') return this.dc(source.field, op, Number(value), negated);
    if (source.kind === 'rex') return this.rexHint(source.field, op, value, negated);
    return this.lookupRow(source, op, value, negated);
  }

  private count(op: CompareOp, n: number, negated: boolean): Nnf | undefined {
    const needed = threshold(op, n, negated);
    if (needed === undefined) return undefined;
    this.demands.repeat = Math.max(this.demands.repeat, needed);
    return { kind: 'true' };
  }

  private dc(field: FieldDef, op: CompareOp, n: number, negated: boolean): Nnf | undefined {
    const needed = threshold(op, n, negated);
    if (needed === undefined) return undefined;
    this.demands.distinct.set(field.name, Math.max(this.demands.distinct.get(field.name) ?? 1, needed));
    return { kind: 'true' };
  }

  /** `rex` captures from the end of the field's value in the corpus (`\.[^.]+$`): the value is appended. */
  private rexHint(field: FieldDef, op: CompareOp, value: string, negated: boolean): Nnf | undefined {
    if (op !== '=' || negated) return undefined;
    this.hint(field, value.replace(/\*/g, ''));
    return { kind: 'true' };
  }

  hint(field: FieldDef, text: string): void {
    this.demands.hints.set(field.name, [...(this.demands.hints.get(field.name) ?? []), text]);
  }

  /** A condition on a lookup's output: pick a table row meeting it and demand that row's key values. */
  private lookupRow(
    source: Extract<Source, { kind: 'lookup' }>,
    op: CompareOp,
    value: string,
    negated: boolean,
  ) {
    const table = this.lookups?.(source.table);
    const test = { kind: 'compare', field: source.column, op, value: { value, quoted: true, span: NO_SPAN } };
    const row = table?.rows.find(
      (r) => matchSearch({ ...test, fieldSpan: NO_SPAN, span: NO_SPAN } as SearchExpr, r) !== negated,
    );
    if (!row) return undefined;
    const goals: Nnf[] = [];
    for (const key of source.keys) {
      const cell = row[key.column];
      if (typeof cell !== 'string' || cell === '' || key.source?.kind !== 'field') return undefined;
      goals.push({
        kind: 'literal',
        id: this.nextId++,
        field: key.source.field,
        op: '=',
        value: cell,
        negated: false,
      });
    }
    return { kind: 'and' as const, items: goals };
  }
}

const NO_SPAN = { start: 0, end: 0 };

export const DC = new Set(['dc', 'distinct_count', 'estdc']);

/** How many rows (or distinct values) make `<count> op n` true; undefined for an upper bound. */
function threshold(op: CompareOp, n: number, negated: boolean): number | undefined {
  if (negated || !Number.isFinite(n) || n > 10_000) return undefined;
  if (op === '>') return Math.floor(n) + 1;
  if (op === '>=' || op === '=') return Math.max(1, Math.ceil(n));
  return undefined;
}
