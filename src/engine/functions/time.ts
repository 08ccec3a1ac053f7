import { parseTimeModifier, resolveTime } from '../../time/modifiers.js';
import { strftime, strptime } from '../../time/strftime.js';
import { toNumber, toText } from '../values.js';
import { arg, type FunctionTable, fn } from './define.js';

/** Splunk's Search Reference, "Date and Time functions". */
export const TIME: FunctionTable = {
  now: fn(0, 0, (_args, env) => env.now),
  time: fn(0, 0, () => Date.now() / 1000),
  relative_time: fn(2, 2, (args) => {
    const base = toNumber(arg(args, 0));
    const s = toText(arg(args, 1));
    const parsed = s === null ? null : parseTimeModifier(s);
    // an invalid modifier gives null, as Splunk's relative_time does
    return base === null || !parsed?.ok ? null : resolveTime(parsed.value, base);
  }),
  strftime: fn(2, 2, (args) => {
    const n = toNumber(arg(args, 0));
    const format = toText(arg(args, 1));
    return n === null || format === null ? null : strftime(n, format);
  }),
  strptime: fn(2, 2, (args) => {
    const s = toText(arg(args, 0));
    const format = toText(arg(args, 1));
    return s === null || format === null ? null : strptime(s, format);
  }),
};
