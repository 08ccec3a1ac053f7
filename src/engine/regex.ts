import { DiagnosticError, error } from '../core/diagnostics.js';
import { Translator } from './pcre-translate.js';

/** A PCRE pattern compiled to a JavaScript regex (see `pcre-translate.ts`), or why it cannot be. */
export type PcreResult =
  | { readonly ok: true; readonly regex: RegExp; readonly groupNames: readonly string[] }
  | { readonly ok: false; readonly message: string };

const cache = new Map<string, PcreResult>();

/** Translates and compiles a PCRE pattern (cached); `extraFlags` adds JavaScript flags such as `g`. */
export function compilePcre(pattern: string, extraFlags = ''): PcreResult {
  const key = `${extraFlags}/${pattern}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = translate(pattern, extraFlags);
  if (cache.size > 1000) cache.clear();
  cache.set(key, result);
  return result;
}

function translate(pattern: string, extraFlags: string): PcreResult {
  try {
    const t = new Translator(pattern);
    const { source, flags } = t.run();
    return { ok: true, regex: new RegExp(source, flags + extraFlags), groupNames: t.names };
  } catch (e) {
    const message = e instanceof Error ? e.message.replace(/^Invalid regular expression: /, '') : String(e);
    return { ok: false, message: `regular expression "${pattern}": ${message}` };
  }
}

/** Like `compilePcre`, for evaluation: a pattern vigil cannot honour throws (the search stops, naming it). */
export function pcre(pattern: string, extraFlags = ''): RegExp {
  const r = compilePcre(pattern, extraFlags);
  if (!r.ok) throw new DiagnosticError([error('ENG3201', r.message)]);
  return r.regex;
}

/**
 * Replaces the matches of a global regex in `text` with `template`, where `\0`..`\9` insert the match and
 * its groups and `\\` is a backslash; `nth` > 0 replaces only that match (sed's numeric flag).
 */
export function substitute(text: string, re: RegExp, template: string, nth = 0): string {
  let count = 0;
  return text.replace(re, (...m: unknown[]) => {
    count++;
    if (nth !== 0 && count !== nth) return m[0] as string;
    // the replacer gets (match, ...groups, offset, text[, named groups])
    const groups = m.slice(0, typeof m.at(-1) === 'object' ? -3 : -2) as (string | undefined)[];
    return template.replace(/\\(\d|\\)/g, (_x, d: string) => (d === '\\' ? '\\' : (groups[Number(d)] ?? '')));
  });
}
