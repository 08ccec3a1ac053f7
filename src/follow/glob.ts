import { sep } from 'node:path';

/**
 * A glob split into the folder it starts from (no glob characters) and a matcher for the paths below
 * it. Supported: `*` and `?` (not across `/`), `**` (any number of folders), `[abc]`, `[a-z]`, `[!a]`.
 * Written by hand because Node 20's `fs.glob` is experimental and these five forms are all a log
 * path needs.
 */
export interface Glob {
  readonly base: string;
  /** True for a path relative to `base`, with `/` between names. */
  readonly matches: (relative: string) => boolean;
  /** False when only the base folder's own entries can match (one name, no `**`). */
  readonly deep: boolean;
}

const GLOB_CHARS = /[*?[]/;

export function isGlob(input: string): boolean {
  return GLOB_CHARS.test(input);
}

export function compileGlob(pattern: string): Glob {
  const parts = pattern.split(/[\\/]/);
  const found = parts.findIndex((p) => GLOB_CHARS.test(p));
  const firstGlob = found < 0 ? parts.length - 1 : found;
  const baseParts = parts.slice(0, firstGlob);
  const rest = parts.slice(firstGlob);
  const base = baseParts.length === 0 ? '.' : baseParts.join(sep) || sep;
  const regex = new RegExp(patternSource(rest));
  return {
    base,
    matches: (relative) => regex.test(relative),
    deep: rest.length > 1 || rest.includes('**'),
  };
}

function patternSource(parts: readonly string[]): string {
  let out = '';
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    if (part === '**') out += last ? '.*' : '(?:[^/]+/)*';
    else out += segmentSource(part) + (last ? '' : '/');
  });
  return `^${out}$`;
}

function segmentSource(segment: string): string {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const c = segment.charAt(i);
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = segment.indexOf(']', i + 2);
      if (end < 0) out += '\\[';
      else {
        out += classSource(segment.slice(i + 1, end));
        i = end;
      }
    } else out += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return out;
}

function classSource(body: string): string {
  const negated = body.startsWith('!') || body.startsWith('^');
  const chars = (negated ? body.slice(1) : body).replace(/[\\\]^]/g, '\\$&');
  return negated ? `[^/${chars}]` : `[${chars}]`;
}
