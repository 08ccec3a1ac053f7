import type { Diagnostic, Span } from '../core/diagnostics.js';
import { error } from '../core/diagnostics.js';
import { resolveField } from '../model/fields.js';
import type { DatasetDef, FieldDef } from '../model/types.js';
import type { CompareOp, SearchExpr } from '../spl/ast.js';
import type { TimeBucket, TstatsNode } from '../spl/commands/tstats.js';
import type { TstatsAggregate, TstatsFunction } from '../spl/commands/tstats-aggregates.js';
import { Cursor } from '../spl/cursor.js';
import { tokenize } from '../spl/lexer.js';
import { parseSearchExpr } from '../spl/search-expr.js';
import { selectDataset } from './tstats-dataset.js';

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
  readonly bucket?: TimeBucket;
}

export interface AggPlan {
  readonly fn: TstatsFunction;
  readonly field?: FieldDef | null;
  /** `perc`: the percentile, 0–100. */
  readonly percentile?: number;
  readonly output: string;
}

/** The part of a search pushed down to the store: a tstats aggregation over one dataset table. */
export interface TstatsPlan {
  readonly kind: 'tstats';
  readonly dataset: DatasetDef;
  /** The user's where clause ANDed with the constraints of the selected child dataset. */
  readonly where: Cond;
  readonly groupBy: readonly GroupKey[];
  readonly aggregates: readonly AggPlan[];
  /** `earliest <= _time < latest` (spec §4); null = unbounded. */
  readonly earliest: number | null;
  readonly latest: number | null;
  readonly fillnull?: string;
}

export type { TimeBucket };

export type DatasetResolver = (model: string, dataset?: string) => DatasetDef | undefined;

export interface PlanOptions {
  readonly resolveDataset: DatasetResolver;
  readonly earliest: number | null;
  readonly latest: number | null;
}

/** Search terms that select events by something other than a data model field. */
const NOT_FIELDS = new Set([
  'earliest',
  'latest',
  '_index_earliest',
  '_index_latest',
  'index',
  'splunk_server',
]);

/** Aggregates that count each value of a multivalue field; the others would need one number per row. */
const MULTIVALUE_AGGREGATES = new Set<TstatsFunction>(['count', 'dc', 'distinct_count', 'estdc', 'values']);

type FieldResolver = (name: string, span: Span) => FieldDef | null;

class Planner {
  constructor(
    readonly dataset: DatasetDef,
    readonly diags: Diagnostic[],
  ) {}

  /** `Processes.process_name`, `All_Changes.user`, bare BaseEvent fields (model/fields.ts). Unknown: null. */
  field(name: string, span: Span): FieldDef | null {
    const def = resolveField(this.dataset, name);
    if (def) return def;
    this.diags.push({
      code: 'PLAN2001',
      severity: 'warning',
      message: `data model ${this.dataset.model} (${this.dataset.lineage}) has no field "${name}": it is always null`,
      span,
      hints: [
        `data model fields are written with their dataset prefix, as in ${this.dataset.lineage}.<field>`,
      ],
    });
    return null;
  }

  cond(e: SearchExpr, field: FieldResolver = (n, s) => this.field(n, s)): Cond {
    switch (e.kind) {
      case 'and':
      case 'or':
        return { kind: e.kind, items: e.items.map((i) => this.cond(i, field)) };
      case 'not':
        return { kind: 'not', cond: this.cond(e.expr, field) };
      case 'in':
        return {
          kind: 'or',
          items: e.values.map((v) => ({
            kind: 'match',
            field: field(e.field, e.fieldSpan),
            op: '=',
            value: v.value,
          })),
        };
      case 'compare':
        return this.compare(e, field);
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
      case 'subsearch':
        // the runner replaces subsearches with their results before planning (engine/subsearch.ts)
        this.diags.push(error('PLAN2009', 'a subsearch must run before the search is planned', e.span));
        return { kind: 'true' };
    }
  }

  compare(e: Extract<SearchExpr, { kind: 'compare' }>, field: FieldResolver): Cond {
    if (NOT_FIELDS.has(e.field)) {
      const hint = 'set the search window instead';
      this.diags.push(
        error('PLAN2015', `${e.field}= in a tstats where clause is not supported`, e.span, hint),
      );
      return { kind: 'true' };
    }
    if (e.field === 'nodename') {
      const message = 'nodename may only be ANDed with the rest of the where clause';
      this.diags.push(error('PLAN2011', message, e.span));
      return { kind: 'true' };
    }
    return { kind: 'match', field: field(e.field, e.fieldSpan), op: e.op, value: e.value.value };
  }

  /** A child dataset's constraint text (CIM JSON), whose fields are written bare, as on raw events. */
  constraint(text: string, at: Span): Cond {
    const local: Diagnostic[] = [];
    const expr = parseSearchExpr(
      new Cursor(text, tokenize(text, 0, text.length, local), local, { start: 0, end: text.length }),
    );
    if (local.length || !expr) {
      this.diags.push(
        error('PLAN2012', `cannot read the constraint "${text}" of ${this.dataset.lineage}`, at),
      );
      return { kind: 'true' };
    }
    // a field vigil does not store is null on every row, as it is on the events vigil has
    return this.cond(expr, (name) => this.dataset.columns.find((f) => f.name === name) ?? null);
  }
}

function groupKeys(node: TstatsNode, p: Planner): GroupKey[] {
  return node.by.map((b): GroupKey => {
    const field = p.field(b.field, b.span);
    const bucket = b.field === '_time' ? node.timeSpan?.bucket : undefined;
    return bucket ? { field, output: b.field, bucket } : { field, output: b.field };
  });
}

function aggregate(a: TstatsAggregate, p: Planner, diags: Diagnostic[]): AggPlan {
  const base = { fn: a.fn, output: a.as, ...(a.percentile !== undefined && { percentile: a.percentile }) };
  if (a.field === undefined) return base;
  const field = p.field(a.field, a.span);
  if (field?.multivalue && !MULTIVALUE_AGGREGATES.has(a.fn))
    diags.push(error('PLAN2014', `${a.fn} over the multivalue field "${a.field}" is not supported`, a.span));
  return { ...base, field };
}

function allOf(items: readonly Cond[]): Cond {
  if (items.length === 0) return { kind: 'true' };
  return items.length === 1 ? (items[0] as Cond) : { kind: 'and', items };
}

export function planTstats(node: TstatsNode, opts: PlanOptions, diags: Diagnostic[]): TstatsPlan | undefined {
  if (!node.datamodel) {
    diags.push(error('PLAN2004', 'tstats needs from datamodel=<name> in vigil', node.span));
    return undefined;
  }
  const dm = node.datamodel;
  const from = opts.resolveDataset(dm.model, dm.dataset);
  if (!from) {
    const name = dm.dataset ? `${dm.model}.${dm.dataset}` : dm.model;
    diags.push(
      error(
        'PLAN2005',
        `unknown data model "${name}"`,
        dm.span,
        'vigil stores the CIM data models; check the name, and name the dataset of a model with several roots, as in Endpoint.Processes',
      ),
    );
    return undefined;
  }
  const sel = selectDataset(from, node, opts.resolveDataset, diags);
  const p = new Planner(sel.dataset, diags);
  const filters = [
    ...sel.constraints.map((c) => p.constraint(c, dm.span)),
    ...(sel.where ? [p.cond(sel.where)] : []),
  ];
  const plan: TstatsPlan = {
    kind: 'tstats',
    dataset: sel.dataset,
    where: allOf(filters),
    groupBy: groupKeys(node, p),
    aggregates: node.aggregates.map((a) => aggregate(a, p, diags)),
    earliest: opts.earliest,
    latest: opts.latest,
  };
  return node.fillnullValue === undefined ? plan : { ...plan, fillnull: node.fillnullValue };
}
