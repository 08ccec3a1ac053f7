import type { Row } from '../core/value.js';
import { describe, evaluate, type Literal, type Nnf, negate, negateNnf } from './cond.js';
import { type Solution, solve } from './solve.js';

/** A row that must not match because one condition of the where clause is false in it. */
export interface NearMiss {
  /** The condition made false, as SPL (`Web.status="200"`). */
  readonly condition: string;
  readonly row: Row;
  /** What the row was built to satisfy (to vary it without losing its point). */
  readonly goals: readonly Nnf[];
  /** How far the row is from the matching one (see `nearMiss`). */
  readonly scope: 'only-this-condition' | 'with-alternatives' | 'whole-where';
}

/** A condition for which no near miss exists, and why. */
export interface NoNearMiss {
  readonly condition: string;
  readonly reason: string;
}

/** For each OR on the way from the root to the literal, innermost first: the branches not holding it. */
function alternatives(where: Nnf, id: number): Nnf[][] {
  const walk = (f: Nnf): Nnf[][] | undefined => {
    if (f.kind === 'literal') return f.id === id ? [] : undefined;
    if (f.kind !== 'and' && f.kind !== 'or') return undefined;
    for (const item of f.items) {
      const below = walk(item);
      if (below === undefined) continue;
      return f.kind === 'or' ? [...below, f.items.filter((i) => i !== item)] : below;
    }
    return undefined;
  };
  return walk(where) ?? [];
}

/**
 * The near miss of one literal, built from `match`, a row the where clause accepts through that literal.
 * Rule: keep every other literal `match` was built on and make this one false (`only-this-condition`);
 * when an OR still holds through another branch, also make that OR's other branches false, innermost OR
 * first (`with-alternatives`); when that conflicts with the kept literals, any row where both the whole
 * where clause and the literal are false (`whole-where`). Each candidate is checked against the clause.
 */
export function nearMiss(where: Nnf, literal: Literal, match: Solution): NearMiss | NoNearMiss {
  const condition = describe(literal);
  const kept = match.chosen.filter((l) => l.id !== literal.id);
  const ors = alternatives(where, literal.id);
  const misses = (s: Solution | undefined) => s !== undefined && !evaluate(where, s.row);
  for (let depth = 0; depth <= ors.length; depth++) {
    const others = ors.slice(0, depth).flatMap((alts) => alts.map(negateNnf));
    const goals = [negate(literal), ...kept, ...others];
    const found = solve(goals, match.row);
    if (found && misses(found)) {
      const scope = depth === 0 ? 'only-this-condition' : 'with-alternatives';
      return { condition, row: found.row, goals, scope };
    }
  }
  const goals = [negate(literal), negateNnf(where)];
  const loose = solve(goals, match.row);
  if (loose && misses(loose)) return { condition, row: loose.row, goals, scope: 'whole-where' };
  const reason =
    literal.field === null
      ? 'the data model has no such field, so the condition can never change'
      : 'no value makes this condition false while the where clause rejects the row';
  return { condition, reason };
}
