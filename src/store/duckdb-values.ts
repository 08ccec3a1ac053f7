import {
  DuckDBArrayValue,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBListValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  type DuckDBValue,
} from '@duckdb/node-api';
import type { Scalar, Value } from '../core/value.js';

const SECONDS_PER_DAY = 86_400;

/**
 * A DuckDB value as a plain JS `Value`: timestamps → epoch seconds (fraction keeps µs), integers → numbers,
 * lists → arrays (nulls dropped, as a Splunk multivalue has none), booleans → "true"/"false", NULL → null.
 * Anything else (structs, intervals, blobs…) becomes its SQL text form.
 */
export function toValue(v: DuckDBValue): Value {
  if (v === null) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof DuckDBListValue || v instanceof DuckDBArrayValue) return toMultivalue(v.items);
  const epoch = toEpochSeconds(v);
  if (epoch !== undefined) return epoch;
  if (v instanceof DuckDBDecimalValue) return v.toDouble();
  return String(v);
}

function toMultivalue(items: readonly DuckDBValue[]): Scalar[] {
  const out: Scalar[] = [];
  for (const item of items) {
    const value = toValue(item);
    if (value === null) continue;
    if (Array.isArray(value)) out.push(...value);
    else out.push(value as Scalar);
  }
  return out;
}

function toEpochSeconds(v: object): number | undefined {
  if (v instanceof DuckDBTimestampValue || v instanceof DuckDBTimestampTZValue) return Number(v.micros) / 1e6;
  if (v instanceof DuckDBTimestampSecondsValue) return Number(v.seconds);
  if (v instanceof DuckDBTimestampMillisecondsValue) return Number(v.millis) / 1e3;
  if (v instanceof DuckDBTimestampNanosecondsValue) return Number(v.nanos) / 1e9;
  if (v instanceof DuckDBDateValue) return v.days * SECONDS_PER_DAY;
  return undefined;
}
