import type { Row } from '../core/value.js';
import type { FieldDef } from '../model/types.js';
import type { Literal, Nnf } from './cond.js';
import { chooseValue, stored } from './values.js';

/** A row satisfying the goals, and the literals it was built to satisfy (the path taken through each OR). */
export interface Solution {
  readonly row: Row;
  readonly chosen: readonly Literal[];
}

/** Bounds the search over OR branches; where clauses in the corpus need a few dozen steps. */
const MAX_STEPS = 20_000;

const mentions = (f: Nnf, id: number): boolean =>
  f.kind === 'literal'
    ? f.id === id
    : (f.kind === 'and' || f.kind === 'or') && f.items.some((i) => mentions(i, id));

class Search {
  steps = 0;

  constructor(
    readonly base: Row,
    /** Literal to route through: OR branches that contain it are tried first. */
    readonly prefer: number | undefined,
  ) {}

  run(pending: readonly Nnf[], chosen: readonly Literal[]): Solution | undefined {
    if (++this.steps > MAX_STEPS) return undefined;
    const [goal, ...rest] = pending;
    if (!goal) return this.build(chosen);
    switch (goal.kind) {
      case 'true':
        return this.run(rest, chosen);
      case 'false':
        return undefined;
      case 'and':
        return this.run([...goal.items, ...rest], chosen);
      case 'or':
        for (const item of this.order(goal.items)) {
          const found = this.run([item, ...rest], chosen);
          if (found) return found;
        }
        return undefined;
      case 'literal':
        return this.literal(goal, rest, chosen);
    }
  }

  private order(items: readonly Nnf[]): readonly Nnf[] {
    const id = this.prefer;
    if (id === undefined) return items;
    return [...items.filter((i) => mentions(i, id)), ...items.filter((i) => !mentions(i, id))];
  }

  private literal(l: Literal, rest: readonly Nnf[], chosen: readonly Literal[]): Solution | undefined {
    // a field the data model lacks is always null: only a negated comparison holds on it
    if (l.field === null) return l.negated ? this.run(rest, chosen) : undefined;
    const next = [...chosen, l];
    if (this.valueFor(l.field, next) === undefined) return undefined;
    return this.run(rest, next);
  }

  private valueFor(field: FieldDef, chosen: readonly Literal[]) {
    const own = chosen.filter((c) => c.field?.name === field.name);
    return chooseValue(field, own, this.base[field.name]);
  }

  private build(chosen: readonly Literal[]): Solution | undefined {
    const row: Row = { ...this.base };
    const fields = new Map(chosen.map((l) => [l.field?.name, l.field]));
    for (const field of fields.values()) {
      if (!field) continue;
      const v = this.valueFor(field, chosen);
      if (v === undefined) return undefined;
      row[field.name] = stored(field, v);
    }
    return { row, chosen };
  }
}

/**
 * A row satisfying every goal, changing `base` only in the fields the goals constrain (keeping a field's
 * base value when it already satisfies them). OR branches are tried in order, those mentioning the
 * literal `prefer` first. Undefined when no row was found.
 */
export function solve(goals: readonly Nnf[], base: Row, prefer?: number): Solution | undefined {
  return new Search(base, prefer).run(goals, []);
}
