import type { Row } from '../core/value.js';
import { matchSearch } from '../engine/match.js';
import { fieldSearchName } from '../model/fields.js';
import type { FieldDef } from '../model/types.js';
import type { Cond } from '../plan/tstats.js';
import type { CompareOp } from '../spl/ast.js';

/**
 * One atomic condition of a where clause after NOT is pushed down to it: `negated` literals hold when the
 * comparison does not (so `NOT f=v` also holds when f is null, while `f!=v` needs f; spec §2).
 */
export interface Literal {
  readonly kind: 'literal';
  /** Position of the atom in the where clause, counted left to right: names the condition. */
  readonly id: number;
  readonly field: FieldDef | null;
  readonly op: CompareOp;
  readonly value: string;
  readonly negated: boolean;
}

/** A where clause in negation normal form: and/or over literals. */
export type Nnf =
  | { readonly kind: 'true' }
  | { readonly kind: 'false' }
  | { readonly kind: 'and' | 'or'; readonly items: readonly Nnf[] }
  | Literal;

const NO_SPAN = { start: 0, end: 0 };

/** Converts a planned where clause to NNF, numbering its atoms in source order. */
export function toNnf(cond: Cond): Nnf {
  let next = 0;
  const walk = (c: Cond, negated: boolean): Nnf => {
    switch (c.kind) {
      case 'true':
        return { kind: negated ? 'false' : 'true' };
      case 'not':
        return walk(c.cond, !negated);
      case 'and':
      case 'or': {
        const kind = (c.kind === 'and') !== negated ? 'and' : 'or';
        return { kind, items: c.items.map((i) => walk(i, negated)) };
      }
      case 'match':
        return { kind: 'literal', id: next++, field: c.field, op: c.op, value: c.value, negated };
    }
  };
  return walk(cond, false);
}

/** The opposite literal. */
export function negate(l: Literal): Literal {
  return { ...l, negated: !l.negated };
}

/** The opposite of an NNF formula, still in NNF. */
export function negateNnf(f: Nnf): Nnf {
  switch (f.kind) {
    case 'true':
      return { kind: 'false' };
    case 'false':
      return { kind: 'true' };
    case 'and':
      return { kind: 'or', items: f.items.map(negateNnf) };
    case 'or':
      return { kind: 'and', items: f.items.map(negateNnf) };
    case 'literal':
      return negate(f);
  }
}

/** Whether a data-model row (keyed by column name) satisfies a literal, with `search` semantics (spec §2). */
export function holds(l: Literal, row: Row): boolean {
  // a field the data model lacks is null on every row
  if (l.field === null) return l.negated;
  const value = { value: l.value, quoted: true, span: NO_SPAN };
  const expr = { kind: 'compare', field: l.field.name, fieldSpan: NO_SPAN, op: l.op, value, span: NO_SPAN };
  return matchSearch(expr as Parameters<typeof matchSearch>[0], row) !== l.negated;
}

export function evaluate(f: Nnf, row: Row): boolean {
  switch (f.kind) {
    case 'true':
      return true;
    case 'false':
      return false;
    case 'and':
      return f.items.every((i) => evaluate(i, row));
    case 'or':
      return f.items.some((i) => evaluate(i, row));
    case 'literal':
      return holds(f, row);
  }
}

/** Every literal of a formula, in source order. */
export function literalsOf(f: Nnf): Literal[] {
  if (f.kind === 'literal') return [f];
  if (f.kind === 'and' || f.kind === 'or') return f.items.flatMap(literalsOf);
  return [];
}

/** SPL text of a literal as the where clause reads it: `Web.url="*x*"`, `NOT Processes.user="SYSTEM"`. */
export function describe(l: Literal): string {
  const name = l.field ? fieldSearchName(l.field) : '(unknown field)';
  const text = `${name}${l.op}${JSON.stringify(l.value)}`;
  return l.negated ? `NOT ${text}` : text;
}
