import type { Row, Scalar, Value } from '../core/value.js';
import type { FieldDef } from '../model/types.js';
import { holds, type Literal } from './cond.js';

/** Plausible values for fields that the where clause leaves free (tstats drops rows with a null BY value). */
const DEFAULTS: Readonly<Record<string, Scalar>> = {
  src: '198.51.100.23',
  src_ip: '198.51.100.23',
  dest: 'www.example.com',
  dest_ip: '203.0.113.80',
  dvc: 'sensor-01',
  host: 'sensor-01',
  user: 'alice',
  parent_user: 'alice',
  http_method: 'GET',
  status: '200',
  http_user_agent: 'Mozilla/5.0 (X11; Linux x86_64)',
  http_content_type: 'text/html',
  http_referrer: 'https://www.example.com/',
  url: '/index.html',
  uri_path: '/index.html',
  site: 'www.example.com',
  process_name: 'notepad.exe',
  process: 'notepad.exe',
  process_path: 'C:\\Windows\\System32\\notepad.exe',
  parent_process_name: 'explorer.exe',
  parent_process: 'explorer.exe',
  parent_process_path: 'C:\\Windows\\explorer.exe',
  original_file_name: 'notepad.exe',
  file_name: 'report.txt',
  file_path: 'C:\\Users\\alice\\report.txt',
  registry_path: 'HKLM\\SOFTWARE\\Example\\Setting',
  registry_key_name: 'Setting',
  registry_value_name: 'Setting',
  registry_value_data: 'example',
  sourcetype: 'synthetic',
  source: 'synthetic',
};

/** A plausible value for a free field: known names get realistic values, numbers small whole numbers. */
export function defaultValue(field: FieldDef): Scalar {
  const known = DEFAULTS[field.name];
  if (known !== undefined) return field.type === 'number' ? 1 : known;
  if (field.type === 'number') return field.name.endsWith('port') ? 443 : 1;
  if (field.type === 'boolean') return 'true';
  return `${field.name}_1`;
}

/** The value a row stores for a field: multivalue fields hold a list. */
export function stored(field: FieldDef, v: Scalar): Value {
  return field.multivalue ? [v] : v;
}

const isPositive = (l: Literal) => (l.op === '=' && !l.negated) || (l.op === '!=' && l.negated);

/** One value matching every pattern: the anchored prefix and suffix around every inner piece. */
function merge(patterns: readonly string[]): string {
  const pieces = patterns.map((p) => p.split('*'));
  const prefix = longest(pieces.filter((p) => p.length > 1).map((p) => p[0] ?? ''));
  const suffix = longest(pieces.filter((p) => p.length > 1).map((p) => p.at(-1) ?? ''));
  let value = prefix;
  for (const p of pieces) {
    const inner = p.length > 1 ? p.slice(1, -1) : [];
    for (const piece of inner) if (!value.toLowerCase().includes(piece.toLowerCase())) value += piece;
  }
  return value + suffix;
}

const longest = (xs: readonly string[]) => xs.reduce((a, b) => (b.length > a.length ? b : a), '');

/** A pattern made concrete: each `*` becomes `fill` (an all-wildcard pattern becomes `fill` alone). */
const instantiate = (pattern: string, fill: string) => pattern.split('*').join(fill) || fill;

function numericCandidates(literals: readonly Literal[]): number[] {
  const bounds = literals.filter((l) => l.op !== '=' && l.op !== '!=').map((l) => Number(l.value));
  return bounds.filter(Number.isFinite).flatMap((b) => [b + 1, b, b - 1, Math.floor(b) + 1, b * 2 + 1]);
}

function candidates(field: FieldDef, literals: readonly Literal[], preferred: Value | undefined): Scalar[] {
  const patterns = literals.filter(isPositive).map((l) => l.value);
  const exact = patterns.filter((p) => !p.includes('*'));
  const base: Scalar[] = [];
  if (preferred !== undefined && preferred !== null)
    base.push(...(Array.isArray(preferred) ? preferred : [preferred as Scalar]));
  base.push(...exact);
  if (patterns.length) base.push(merge(patterns), ...patterns.map((p) => instantiate(p, 'x')));
  base.push(...numericCandidates(literals), defaultValue(field));
  const mutated = base.flatMap((v) => [`${v}_x`, `x_${v}`, `${v}0`]);
  return [...base, ...mutated, `${field.name}_other`, 0, 99999];
}

/**
 * A value of `field` satisfying every literal, preferring `preferred` (the value the row already has), or
 * undefined when none of the candidates does.
 */
export function chooseValue(
  field: FieldDef,
  literals: readonly Literal[],
  preferred?: Value,
): Scalar | undefined {
  for (const c of candidates(field, literals, preferred)) {
    if (c === '') continue;
    if (field.type === 'number' && !Number.isFinite(Number(c))) continue;
    const row: Row = { [field.name]: stored(field, c) };
    if (literals.every((l) => holds(l, row))) return field.type === 'number' ? Number(c) : c;
  }
  return undefined;
}
