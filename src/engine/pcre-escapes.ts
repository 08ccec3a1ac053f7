/** PCRE escapes and classes as JavaScript `u`-mode regex source: the tables the translator reads. */

export const END = '(?![\\s\\S])';
export const START = '(?<![\\s\\S])';
export const SPACE = '\\t\\n\\v\\f\\r ';
export const NOT_SPACE = '\\0-\\x08\\x0e-\\x1f!-\\u{10FFFF}';
export const HSPACE = '\\t \\xa0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000';
export const VSPACE = '\\n\\v\\f\\r\\x85\\u2028\\u2029';
export const POSIX: Record<string, string> = {
  alnum: 'a-zA-Z0-9',
  alpha: 'a-zA-Z',
  ascii: '\\0-\\x7f',
  blank: ' \\t',
  cntrl: '\\0-\\x1f\\x7f',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: SPACE,
  upper: 'A-Z',
  word: 'a-zA-Z0-9_',
  xdigit: '0-9a-fA-F',
};
export const SYNTAX = new Set('^$\\.*+?()[]{}|/');
export const GROUP_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const QUANTIFIER = /^\{\d+(?:,\d*)?\}/;

/** A character as JavaScript `u`-mode regex source, escaped where it would mean something. */
export function literal(ch: string, inClass = false): string {
  if (inClass) return '\\]^-['.includes(ch) ? `\\${ch}` : ch;
  return SYNTAX.has(ch) ? `\\${ch}` : ch;
}

export const hexChar = (hex: string) => String.fromCodePoint(Number.parseInt(hex || '0', 16));

/** Control characters, the same inside and outside a class. */
const CONTROL: Readonly<Record<string, string>> = {
  n: '\\n',
  r: '\\r',
  t: '\\t',
  f: '\\f',
  e: '\\x1b',
  a: '\\x07',
};

const OUTSIDE: Readonly<Record<string, string>> = {
  ...CONTROL,
  A: START,
  z: END,
  Z: `(?=\\n?${END})`,
  b: '\\b',
  B: '\\B',
  d: '\\d',
  D: '\\D',
  w: '\\w',
  W: '\\W',
  s: `[${SPACE}]`,
  S: `[^${SPACE}]`,
  h: `[${HSPACE}]`,
  H: `[^${HSPACE}]`,
  v: `[${VSPACE}]`,
  V: `[^${VSPACE}]`,
  R: `(?:\\r\\n|[${VSPACE}])`,
  N: '[^\\n]',
};

const INSIDE: Readonly<Record<string, string>> = {
  ...CONTROL,
  d: '\\d',
  D: '\\D',
  w: '\\w',
  W: '\\W',
  s: SPACE,
  S: NOT_SPACE,
  h: HSPACE,
  v: VSPACE,
  b: '\\x08',
};

/** Escapes with a fixed translation outside a class; undefined for those needing more reading. */
export function outsideEscape(c: string): string | undefined {
  return Object.hasOwn(OUTSIDE, c) ? OUTSIDE[c] : undefined;
}

export function classEscape(c: string): string | undefined {
  return Object.hasOwn(INSIDE, c) ? INSIDE[c] : undefined;
}
