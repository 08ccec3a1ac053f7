/** A field value as Splunk results carry it: text, number, null, or a multivalue list. */
export type Scalar = string | number;
export type Value = Scalar | null | readonly Scalar[];
/** One result row / event: field name → value. Field names are case-sensitive. */
export type Row = Record<string, Value>;

export function isMultivalue(v: Value): v is readonly Scalar[] {
  return Array.isArray(v);
}

/** Text form of a value, as Splunk renders it (multivalue joined by newline). */
export function valueToText(v: Value): string | null {
  if (v === null) return null;
  if (isMultivalue(v)) return v.map(String).join('\n');
  return typeof v === 'number' ? formatNumber(v) : v;
}

/** Numbers print without a trailing `.0`, as Splunk does. */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? n.toFixed(0) : String(n);
}
