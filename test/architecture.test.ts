import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^import[\s\S]*?from\s+'([^']+)'/gm)].map((m) => m[1] as string);
}

// Only the store adapters, the SQL dialect files and ingest's bulk loader may know a database engine.
const ENGINE_AWARE = ['store/', 'sql/dialects/', 'ingest/'];

describe('layering', () => {
  it('names database engines only in store, dialect and ingest code', () => {
    const offenders = files(SRC)
      .map((f) => relative(SRC, f))
      .filter((f) => !ENGINE_AWARE.some((p) => f.startsWith(p)))
      .filter((f) => imports(join(SRC, f)).some((i) => /duckdb|clickhouse/i.test(i)));
    expect(offenders).toEqual([]);
  });

  it('keeps the parser free of store and SQL code', () => {
    const offenders = files(join(SRC, 'spl')).filter((f) =>
      imports(f).some((i) => /\/(store|sql|ingest)\//.test(i)),
    );
    expect(offenders).toEqual([]);
  });
});
