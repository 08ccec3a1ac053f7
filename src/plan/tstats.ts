import type { Diagnostic, Span } from '../core/diagnostics.js';
import { error } from '../core/diagnostics.js';
import type { DatasetDef, FieldDef } from '../model/types.js';
import type { CompareOp, SearchExpr } from '../spl/ast.js';
import type { TstatsFunction, TstatsNode } from '../spl/commands/tstats.js';

/** A filter on stored columns; `field: null` is a field the data model does not have (always null). */
export type Cond =
  | { readonly kind: 'true' }
  | { readonly kind: 'and' | 'or'; readonly items: readonly Cond[] }
  | { readonly kind: 'not'; readonly cond: Cond }
  | {
      readonly kind: 'match';
      readonly field: FieldDef | null;
      readonly op: CompareOp;
      readonly value: string;
    };

export interface GroupKey {
  readonly field: FieldDef | null;
  readonly output: string;
  /** Bucket width in seconds for `_time span=`. */
  readonly spanSeconds?: number;
}

export interface AggPlan {
  readonly fn: TstatsFunction;
  readonly field?: FieldDef | null;
  readonly output: string;
}

/** The part of a search pushed down to the store: a tstats aggregation over one dataset table. */
export interface TstatsPlan {
  readonly kind: 'tstats';
  readonly dataset: DatasetDef;
  readonly where: Cond;
  readonly groupBy: readonly GroupKey[];
  readonly aggregates: readonly AggPlan[];
  /** `earliest <= _time < latest` (spec §4); null = unbounded. */
  readonly earliest: number | null;
  readonly latest: number | null;
  readonly fillnull?: string;
}

export type DatasetResolver = (model: string, dataset?: string) => DatasetDef | undefined;

export interface PlanOptions {
  readonly resolveDataset: DatasetResolver;
  readonly earliest: number | null;
  readonly latest: number | null;
}

/** BaseEvent fields are written without the dataset prefix (spec §2). */
const BASE_EVENT_FIELDS = new Set(['_time', 'host', 'source', 'sourcetype']);

const SPAN_UNITS: Record<string, number> = {
  s: 1,
  sec: 1,
  m: 60,
  min: 60,
  h: 3600,
  hr: 3600,
  d: 86400,
  day: 86400,
};

class Planner {
  constructor(
    readonly dataset: DatasetDef,
    readonly diags: Diagnostic[],
  ) {}

  /** `Web.url` → the dataset's `url`; BaseEvent fields unprefixed. Unknown names warn and read as null. */
  field(name: string, span: Span): FieldDef | null {
    const root = this.dataset.dataset.split('.')[0] as string;
    const local = BASE_EVENT_FIELDS.has(name)
      ? name
      : name.startsWith(`${root}.`)
        ? name.slice(root.length + 1)
        : null;
    const def = local === null ? undefined : this.dataset.fields.find((f) => f.name === local);
    if (def) return def;
    this.diags.push({
      code: 'PLAN2001',
      severity: 'warning',
      message: `data model ${this.dataset.model} (${this.dataset.dataset}) has no field "${name}": it is always null`,
      span,
      hints: BASE_EVENT_FIELDS.has(name)
        ? []
        : [`data model fields are written with their dataset prefix, as in ${root}.<field>`],
    });
    return null;
  }

  cond(e: SearchExpr): Cond {
    switch (e.kind) {
      case 'and':
      case 'or':
        return { kind: e.kind, items: e.items.map((i) => this.cond(i)) };
      case 'not':
        return { kind: 'not', cond: this.cond(e.expr) };
      case 'in':
        return {
          kind: 'or',
          items: e.values.map((v) => ({
            kind: 'match',
            field: this.field(e.field, e.fieldSpan),
            op: '=',
            value: v.value,
          })),
        };
      case 'compare':
        return { kind: 'match', field: this.field(e.field, e.fieldSpan), op: e.op, value: e.value.value };
      case 'term':
        if (e.value.value === '*') return { kind: 'true' };
        this.diags.push(
          error(
            'PLAN2002',
            `bare term "${e.value.value}" in a tstats where clause is not supported`,
            e.span,
            'compare a field',
          ),
        );
        return { kind: 'true' };
    }
  }
}

function spanSeconds(text: string, span: Span, diags: Diagnostic[]): number | undefined {
  const m = /^(\d+)([a-z]+)$/.exec(text);
  const unit = m ? SPAN_UNITS[m[2] as string] : undefined;
  if (!m || unit === undefined) {
    diags.push(
      error(
        'PLAN2003',
        `span "${text}" is not supported`,
        span,
        'use seconds, minutes, hours or days: 30s, 5m, 1h, 1d',
      ),
    );
    return undefined;
  }
  return Number(m[1]) * unit;
}

export function planTstats(node: TstatsNode, opts: PlanOptions, diags: Diagnostic[]): TstatsPlan | undefined {
  if (!node.datamodel) {
    diags.push(error('PLAN2004', 'tstats needs from datamodel=<name> in vigil', node.span));
    return undefined;
  }
  const dm = node.datamodel;
  const dataset = opts.resolveDataset(dm.model, dm.dataset);
  if (!dataset) {
    const name = dm.dataset ? `${dm.model}.${dm.dataset}` : dm.model;
    diags.push(
      error(
        'PLAN2005',
        `unknown data model "${name}"`,
        dm.span,
        'vigil stores the CIM data models; check the name',
      ),
    );
    return undefined;
  }
  const p = new Planner(dataset, diags);
  const groupBy = node.by.map((b): GroupKey => {
    const field = p.field(b.field, b.span);
    if (field?.multivalue)
      diags.push(error('PLAN2006', `grouping by multivalue field "${b.field}" is not supported yet`, b.span));
    const secs =
      b.field === '_time' && node.timeSpan
        ? spanSeconds(node.timeSpan.text, node.timeSpan.span, diags)
        : undefined;
    return secs === undefined ? { field, output: b.field } : { field, output: b.field, spanSeconds: secs };
  });
  const aggregates = node.aggregates.map((a): AggPlan => {
    const base = { fn: a.fn, output: a.as };
    return a.field === undefined ? base : { ...base, field: p.field(a.field, a.span) };
  });
  const plan: TstatsPlan = {
    kind: 'tstats',
    dataset,
    where: node.where ? p.cond(node.where) : { kind: 'true' },
    groupBy,
    aggregates,
    earliest: opts.earliest,
    latest: opts.latest,
  };
  return node.fillnullValue === undefined ? plan : { ...plan, fillnull: node.fillnullValue };
}
