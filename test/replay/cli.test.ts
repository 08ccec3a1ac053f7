import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';

const root = mkdtempSync(join(tmpdir(), 'vigil-replay-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const STREAM = resolve('test/fixtures/ingest/stream-http/generated-events.json');

/** Generated: three Suricata http events a minute apart, a line with no time between them. */
const EVE = [
  '{"timestamp":"2023-10-01T16:31:07.000000+0000","event_type":"http","src_ip":"10.0.0.1","dest_ip":"10.0.0.2","http":{"hostname":"a","url":"/1","status":200}}',
  '{"timestamp":"2023-10-01T16:32:07.000000+0000","event_type":"http","src_ip":"10.0.0.1","dest_ip":"10.0.0.2","http":{"hostname":"a","url":"/2","status":200}}',
  '{"event_type":"http","src_ip":"10.0.0.1","dest_ip":"10.0.0.2","http":{"hostname":"a","url":"/none"}}',
  '{"timestamp":"2023-10-01T16:33:07.000000+0000","event_type":"http","src_ip":"10.0.0.1","dest_ip":"10.0.0.2","http":{"hostname":"a","url":"/3","status":200}}',
];
const eve = join(root, 'eve.json');
writeFileSync(eve, `${EVE.join('\n')}\n`);

async function storedTimes(storePath: string): Promise<[string, string][]> {
  const store = await openStore(storePath);
  try {
    const rows = await store.query(
      "SELECT url, strftime(_time, '%Y-%m-%dT%H:%M:%S') AS t FROM web ORDER BY _time",
    );
    return rows.map((r) => [String(r.url), String(r.t)]);
  } finally {
    await store.close();
  }
}

describe('vigil replay --into', () => {
  it('ingests the shifted file; the line without a time is reported and kept as it was', async () => {
    const store = join(root, 'into.duckdb');
    const r = await runCli(
      root,
      'replay',
      eve,
      '--sourcetype',
      'suricata',
      '--shift-to',
      '2026-11-27T12:00:00Z',
      '--into',
      store,
    );
    expect(r.out).toContain('replay');
    expect(r.out).toContain('3 event(s) in 4 line(s)');
    expect(r.out).toMatch(/rows stored: web 3\b/);
    expect(r.err).toContain(`${eve}:3: no EVE "timestamp" time in the line`);
    // the timeless line reaches ingest unchanged, which rejects it as before
    expect(r.code).toBe(1);
    expect(await storedTimes(store)).toEqual([
      ['/1', '2026-11-27T11:58:00'],
      ['/2', '2026-11-27T11:59:00'],
      ['/3', '2026-11-27T12:00:00'],
    ]);
  });

  it('takes a Splunk time modifier and --speed', async () => {
    const store = join(root, 'speed.duckdb');
    const args = ['--shift-to', '@d', '--speed', '60', '--into', store];
    const r = await runCli(root, 'replay', eve, '--sourcetype', 'suricata', ...args);
    expect(r.out).toContain('gaps divided by 60');
    const times = (await storedTimes(store)).map(([, t]) => t.slice(11));
    expect(times).toEqual(['23:59:58', '23:59:59', '00:00:00']);
  });

  it('reads a Stream file by its sourcetype, 0 on a clean file', async () => {
    const store = join(root, 'stream.duckdb');
    const r = await runCli(root, 'replay', STREAM, '--sourcetype', 'stream:http', '--into', store);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const [last] = (await storedTimes(store)).slice(-1);
    // --shift-to defaults to now
    expect(Math.abs(Date.parse(`${last?.[1]}Z`) - Date.now())).toBeLessThan(60_000);
  });
});

describe('vigil replay --to', () => {
  it('appends the shifted lines to the file, all at once without --speed', async () => {
    const live = join(root, 'live.json');
    writeFileSync(live, 'existing line\n');
    const r = await runCli(
      root,
      'replay',
      eve,
      '--sourcetype',
      'suricata',
      '--shift-to',
      '2026-11-27T12:00:00Z',
      '--to',
      live,
    );
    expect(r.out).toContain(`appended 4 line(s) to ${live}`);
    const lines = readFileSync(live, 'utf8').split('\n');
    expect(lines[0]).toBe('existing line');
    expect(lines[4]).toContain('"timestamp":"2026-11-27T12:00:00.000000+0000"');
    expect(lines[3]).toBe(EVE[2]);
  });
});

describe('vigil replay: bad input', () => {
  it.each([
    [
      ['--sourcetype', 'nosuch:type', '--to', 'x'],
      1,
      'unknown sourcetype "nosuch:type" (known: suricata, bro_http',
    ],
    [['--to', 'x'], 2, '--sourcetype is required'],
    [['--sourcetype', 'suricata'], 2, 'give one of --into STORE or --to FILE'],
    [['--sourcetype', 'suricata', '--to', 'x', '--speed', '0'], 2, '--speed must be a number above 0'],
  ])('%j → exit %i: %s', async (args, code, message) => {
    const r = await runCli(root, 'replay', eve, ...args);
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
  });

  it('names an unreadable file', async () => {
    const missing = join(root, 'missing.json');
    const r = await runCli(
      root,
      'replay',
      missing,
      '--sourcetype',
      'suricata',
      '--to',
      join(root, 'out.json'),
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain(`cannot read ${missing}: ENOENT`);
  });

  it('refuses a file without a single event time', async () => {
    const empty = join(root, 'timeless.json');
    writeFileSync(empty, `${EVE[2]}\n`);
    const r = await runCli(root, 'replay', empty, '--sourcetype', 'suricata', '--to', join(root, 'out.json'));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${empty}: no suricata event time found in 1 line(s)`);
  });
});
