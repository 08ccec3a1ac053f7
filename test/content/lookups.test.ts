import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shannonEntropy } from '../../src/content/builtin-lookups.js';
import { type Content, loadContent } from '../../src/content/load.js';
import { parseMatchTypes } from '../../src/content/lookup-schema.js';
import { loadLookups, readCsv } from '../../src/content/lookups.js';
import { lookupResolver } from '../../src/core/lookup.js';
import { applyLookup } from '../../src/engine/lookup-match.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'lookups');
const CORPUS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'security_content');

describe('loadLookups on generated fixtures', async () => {
  const { tables, problems } = await loadLookups(FIXTURES);
  const table = (name: string) => tables.find((t) => t.name === name);
  const about = (file: string) => problems.filter((p) => p.file.endsWith(file));

  it('reads definitions with their transforms.conf settings', () => {
    const tools = table('tools');
    expect(tools?.caseSensitive).toBe(false);
    expect(tools?.matchTypes.get('process')).toBe('WILDCARD');
    expect([tools?.minMatches, tools?.maxMatches, tools?.defaultMatch]).toEqual([1, 100, 'false']);
    expect(tools?.rows).toEqual([
      { process: '*\\psexec*.exe', is_tool: 'true', note: 'remote, exec' },
      { process: 'mimikatz.exe', is_tool: 'true', note: 'says "hi"' },
    ]);
  });

  it('applies the defaults: case-sensitive, exact, min 0', () => {
    const ragged = table('ragged');
    expect([ragged?.caseSensitive, ragged?.matchTypes.size, ragged?.minMatches]).toEqual([true, 0, 0]);
  });

  it('keeps the good rows of a bad CSV and reports each bad record by line', () => {
    expect(table('ragged')?.rows).toEqual([
      { key: 'a', value: '1' },
      { key: 'e', value: '5' },
    ]);
    expect(about('ragged.csv').map((p) => [p.line, p.severity, p.message.split(';')[0]])).toEqual([
      [1, 'warning', 'the file starts with a byte order mark'],
      [3, 'warning', 'the record has 1 fields, the header 2'],
      [4, 'warning', 'the record has 3 fields, the header 2'],
      [5, 'warning', 'the record has a badly quoted field'],
      [7, 'warning', 'the record has a badly quoted field'],
    ]);
  });

  it('reads quoted fields across lines and empty cells as absent values', () => {
    expect(table('multiline')?.rows).toEqual([
      { key: 'x', value: 'line one\nline two' },
      { key: 'y', value: null },
    ]);
  });

  it('reports a missing file as an error, and keeps the name known as an unusable table', () => {
    expect(table('missing')).toMatchObject({
      rows: [],
      unavailable: expect.stringMatching(/cannot be read: ENOENT/),
    });
    expect(about('missing.yml')).toMatchObject([{ severity: 'error', path: 'filename', line: 3 }]);
  });

  it('loads a KV-store lookup as an empty table with its declared fields, with a warning', () => {
    expect(table('kv_baseline')).toMatchObject({ fields: ['_key', 'user', 'firstTimeSeen'], rows: [] });
    expect(about('kv.yml')).toMatchObject([{ severity: 'warning', path: 'collection', line: 3 }]);
  });

  it('skips MLTK model files and refuses an unknown match_type or a filter', () => {
    expect(table('some_model')).toBeUndefined();
    expect(about('model.yml')).toEqual([]);
    expect(table('bad_match')).toBeUndefined();
    expect(about('bad_match.yml')).toMatchObject([{ severity: 'error', path: 'match_type' }]);
    expect(table('filtered')).toBeUndefined();
    expect(about('filtered.yml')).toMatchObject([{ severity: 'error', path: 'filter' }]);
  });

  it('resolves a table by definition name or by file name, not by collection name as a file', () => {
    const resolve = lookupResolver(tables);
    expect(resolve('tools')?.name).toBe('tools');
    expect(resolve('tools.csv')?.name).toBe('tools');
    expect(resolve('kv.yml')).toBeUndefined();
    expect(resolve('nope')).toBeUndefined();
  });
});

describe('match_type', () => {
  it.each([
    ['WILDCARD(process)', [['process', 'WILDCARD']]],
    [
      'WILDCARD(a),WILDCARD(b), CIDR(c)',
      [
        ['a', 'WILDCARD'],
        ['b', 'WILDCARD'],
        ['c', 'CIDR'],
      ],
    ],
    ['', []],
  ])('%s', (text, expected) => {
    expect([...(parseMatchTypes(text) ?? [])]).toEqual(expected);
  });

  it('rejects what is not TYPE(field)', () => {
    expect(parseMatchTypes('WILDCARD process')).toBeNull();
  });
});

describe('readCsv', () => {
  it('reports a file with no header', () => {
    expect(readCsv('', 'empty.csv').problems).toMatchObject([{ severity: 'error' }]);
  });

  it('reads header names without the spaces around them', () => {
    const csv = readCsv('ransomware_notes, status\nREADME.txt,True\n', 'notes.csv');
    expect(csv.fields).toEqual(['ransomware_notes', 'status']);
    expect(csv.rows).toEqual([{ ransomware_notes: 'README.txt', status: 'True' }]);
  });
});

describe.skipIf(!existsSync(CORPUS))(
  'the security_content corpus lookups (../shared; skipped when absent)',
  () => {
    let content: Content;
    const lookupProblems = () => content.problems.filter((p) => p.file.includes('/lookups/'));
    beforeAll(async () => {
      content = await loadContent([CORPUS]);
    }, 60_000);

    it('loads every CSV and KV-store definition: 79 YAML files less 5 models and 1 missing file', () => {
      // plus vigil's two built-ins (ut_shannon_lookup, asset_lookup_by_str)
      const loaded = content.lookups.filter((t) => t.file !== '(built into vigil)' && !t.unavailable);
      expect(loaded).toHaveLength(73);
      expect(content.lookups.filter((t) => t.collection !== undefined)).toHaveLength(24);
      expect(content.lookups.find((t) => t.name === 'remote_access_software')?.rows.length).toBeGreaterThan(
        100,
      );
    });

    it('lists only the expected problems: one missing file, and a warning per KV-store lookup', () => {
      const errors = lookupProblems().filter((p) => p.severity === 'error');
      expect(errors.map((p) => p.message)).toEqual([
        'lookup file dynamic_dns_providers_default.csv cannot be read: ENOENT',
      ]);
      expect(lookupProblems().filter((p) => p.severity === 'warning')).toHaveLength(24);
    });
  },
);

describe('built-in lookups', () => {
  it.each([
    ['', 0],
    ['aaaa', 0],
    ['ab', 1],
    ['abcd', 2],
    ['P@ssw0rd!', 2.9477],
  ])('ut_shannon of "%s" is %d bits a character', (word, bits) => {
    expect(shannonEntropy(word)).toBeCloseTo(bits, 4);
  });

  it('computes ut_shannon_lookup per row, and has an empty ES asset table', async () => {
    const content = await loadContent([FIXTURES]);
    const table = lookupResolver(content.lookups)('ut_shannon_lookup');
    if (!table) throw new Error('ut_shannon_lookup is missing');
    const req = { inputs: [{ table: 'word', event: 'user' }], outputs: [], mode: 'OUTPUT' as const };
    expect(applyLookup(table, req, [{ user: 'abcd' }, { user: 'aaaa' }, { src: 'x' }])).toEqual([
      { user: 'abcd', ut_shannon: 2 },
      { user: 'aaaa', ut_shannon: 0 },
      { src: 'x' },
    ]);
    expect(lookupResolver(content.lookups)('asset_lookup_by_str')?.rows).toEqual([]);
  });
});
