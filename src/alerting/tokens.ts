import { formatNumber, isMultivalue, type Value } from '../core/value.js';

const TOKEN = /\$([A-Za-z_][A-Za-z0-9_.:]*)\$/g;

/**
 * Fills `$field$` tokens from `lookup` (spec §6.1, §6.2, §8.11). vigil's rule, the same everywhere: a field
 * that is missing or null becomes the empty string, and a multivalue field its values joined by ", ".
 * Token names must start with a letter or `_`, so `$` used by SPL regexes (`foo$`, `$1`) is left alone.
 */
export function fillTokens(template: string, lookup: (field: string) => Value | undefined): string {
  return template.replace(TOKEN, (_whole, field: string) => tokenText(lookup(field)));
}

function tokenText(v: Value | undefined): string {
  if (v === undefined || v === null) return '';
  if (isMultivalue(v)) return v.map(scalarText).join(', ');
  return scalarText(v);
}

function scalarText(v: string | number): string {
  return typeof v === 'number' ? formatNumber(v) : v;
}
