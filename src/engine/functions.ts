import { CONDITIONAL } from './functions/conditional.js';
import type { FunctionTable } from './functions/define.js';
import { MATH } from './functions/math.js';
import { MULTIVALUE } from './functions/multivalue.js';
import { NETWORK } from './functions/network.js';
import { TEXT } from './functions/text.js';
import { TIME } from './functions/time.js';

export type { EvalFunction, EvalScope, LazyFunction, ValueFunction } from './functions/define.js';
export { likeMatch } from './functions/text.js';

/** The eval function table: one entry per function (name → arity and implementation), by family. */
export const EVAL_FUNCTIONS: FunctionTable = {
  ...CONDITIONAL,
  ...TEXT,
  ...MATH,
  ...MULTIVALUE,
  ...TIME,
  ...NETWORK,
};

/** The function of a (case-insensitive) name, if vigil has it. */
export function evalFunction(name: string) {
  const key = name.toLowerCase();
  return Object.hasOwn(EVAL_FUNCTIONS, key) ? EVAL_FUNCTIONS[key] : undefined;
}
