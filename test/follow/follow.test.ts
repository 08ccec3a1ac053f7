import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiagnosticError } from '../../src/core/diagnostics.js';
import { follow } from '../../src/follow/follow.js';
import { compileGlob } from '../../src/follow/glob.js';
import type { IngestSummary } from '../../src/ingest/summary.js';
import { openStore } from '../../src/store/index.js';
import { httpLines, range, storedLineNumbers } from './helpers.js';

const root = mkdtempSync(join(tmpdir(), 'vigil-follow-loop-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('follow', () => {
  it('calls onBatch after each committed batch and stops on the signal', async () => {
    const eve = join(root, 'eve.json');
    writeFileSync(eve, httpLines(0, 3));
    const store = await openStore(':memory:');
    const stop = new AbortController();
    const batches: IngestSummary[] = [];
    const onBatch = (batch: IngestSummary) => {
      batches.push(batch);
      if (batches.length === 1) appendFileSync(eve, httpLines(3, 5));
      else stop.abort();
    };
    const totals = await follow([eve], {
      store,
      host: 'vigil-test',
      pollMs: 5,
      signal: stop.signal,
      onBatch,
    });
    expect(batches.map((b) => b.total.linesRead)).toEqual([3, 2]);
    expect(totals).toMatchObject({ linesRead: 5, rowsStored: 5, rejected: 0 });
    expect(await storedLineNumbers(store)).toEqual(range(0, 5));
    await store.close();
  });

  it.each([
    [[] as string[], undefined, 'FOL7001'],
    [['-'], undefined, 'FOL7002'],
    [['eve.json'], -1, 'FOL7003'],
  ])('refuses inputs %j with poll interval %s: %s', async (inputs, pollMs, code) => {
    const store = await openStore(':memory:');
    const options = pollMs === undefined ? { store } : { store, pollMs };
    const failure = await follow(inputs, options).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DiagnosticError);
    expect((failure as DiagnosticError).diagnostics.map((d) => d.code)).toEqual([code]);
    await store.close();
  });
});

describe('compileGlob', () => {
  it.each([
    ['/var/log/eve*.json', '/var/log', 'eve.json', true],
    ['/var/log/eve*.json', '/var/log', 'eve.1.json', true],
    ['/var/log/eve*.json', '/var/log', 'sub/eve.json', false],
    ['/var/log/**/eve.json', '/var/log', 'eve.json', true],
    ['/var/log/**/eve.json', '/var/log', 'a/b/eve.json', true],
    ['/var/log/**', '/var/log', 'a/b/x.gz', true],
    ['/var/log/s?/eve.json', '/var/log', 's1/eve.json', true],
    ['/var/log/s?/eve.json', '/var/log', 's12/eve.json', false],
    ['/var/log/eve.[0-9]', '/var/log', 'eve.3', true],
    ['/var/log/eve.[!0-9]', '/var/log', 'eve.3', false],
    ['logs/*.json', 'logs', 'a+b.json', true],
    ['*.json', '.', 'eve.json', true],
    ['/var/log/eve.json.*', '/var/log', 'eve_json.1', false],
  ])('%s from %s matches %s: %s', (pattern, base, path, expected) => {
    const glob = compileGlob(pattern);
    expect(glob.base).toBe(base);
    expect(glob.matches(path)).toBe(expected);
  });
});
