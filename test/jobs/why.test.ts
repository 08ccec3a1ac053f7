import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Content } from '../../src/content/load.js';
import type { Row } from '../../src/core/value.js';
import { ingest } from '../../src/ingest/ingest.js';
import { loadAllContent } from '../../src/jobs/content.js';
import { explainDetection, type WhyOptions } from '../../src/jobs/why.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { runCli } from '../helpers/cli.js';
import { appendStored, modelStore } from '../helpers/store.js';

const WS_FTP = 'WS FTP Remote Code Execution';
// examples/ws-ftp.eve.json is generated (hand-written EVE, see examples/README.md): three WS_FTP exploitation
// requests (16:31:07, 16:31:09 and 16:33:40 UTC on 2023-10-01, two of them one group) and near misses
const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'ws-ftp.eve.json');
const CORPUS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'security_content');
const at = (iso: string) => Date.parse(iso) / 1000;

const dir = mkdtempSync(join(tmpdir(), 'vigil-why-'));
const storeFile = join(dir, 'example.duckdb');
let example: Store;
let content: Content;

beforeAll(async () => {
  const store = await openStore(storeFile);
  await ingest([EXAMPLE], { store });
  await store.close();
  example = await openStore(storeFile);
  content = await loadAllContent({ macroFiles: [] });
});
afterAll(async () => {
  await example.close();
  rmSync(dir, { recursive: true, force: true });
});

const explain = (store: Store, opts: Partial<WhyOptions> = {}) =>
  explainDetection(store, { content, detection: WS_FTP, ...opts });

/** Generated Web rows as stored (no CIM `unknown` fill), one WS_FTP exploitation request by default. */
async function storedRows(...changes: Row[]): Promise<Store> {
  const store = await modelStore();
  const base: Row = {
    _time: at('2023-10-01T16:31:07Z'),
    url: '/AHT/AhtApiService.asmx/AuthUser',
    url_length: 32,
    status: '200',
    http_method: 'POST',
    http_user_agent: 'Mozilla/5.0',
    src: '203.0.113.50',
    dest: '10.0.1.20',
    sourcetype: 'suricata',
  };
  await appendStored(
    store,
    'Web',
    undefined,
    changes.map((c) => Object.fromEntries(Object.entries({ ...base, ...c }).filter(([, v]) => v !== null))),
  );
  return store;
}

describe('vigil why over the generated WS_FTP example (real ingest)', () => {
  it('says the detection fires over all time, counting each where term alone and in sequence', async () => {
    const r = await explain(example, { earliest: null, latest: null });
    expect(r.verdict).toEqual({ cause: 'fires', text: 'fires: 2 result row(s)' });
    expect(r.dataset).toBe('Web');
    expect(r.inWindow).toBe(8);
    expect(r.conditions).toEqual([
      { text: 'Web.url IN ("/AHT/AhtApiService.asmx/AuthUser")', alone: 4, inSequence: 4 },
      { text: 'Web.status=200', alone: 6, inSequence: 3 },
      { text: 'Web.http_method=POST', alone: 6, inSequence: 3 },
    ]);
    expect(r.afterWhere).toBe(3);
    expect(r.nullDropped).toBe(0);
    expect(r.results).toEqual({ tstats: 2, withoutFilter: 2, asDefined: 2 });
    expect(r.near).toEqual({ before: null, after: null });
  });

  it('finds no data in a window after the traffic', async () => {
    const r = await explain(example, {
      earliest: at('2024-01-01T00:00:00Z'),
      latest: at('2024-01-01T01:00:00Z'),
    });
    expect(r.verdict.cause).toBe('no-data');
    expect(r.verdict.text).toBe('no data: Web holds no row in the window');
    expect([r.inWindow, r.near.before?.rows, r.near.after?.rows]).toEqual([0, 0, 0]);
  });

  it("names rows that pass the where clause just before the detection's own window", async () => {
    // scheduled at 17:45: the TTP window -70m@m to -10m@m is [16:35, 17:35)
    const r = await explain(example, { now: at('2023-10-01T17:45:00Z') });
    expect(r.window).toEqual({ earliest: at('2023-10-01T16:35:00Z'), latest: at('2023-10-01T17:35:00Z') });
    expect(r.verdict.cause).toBe('outside-window');
    expect(r.near.before?.rows).toBe(3);
    expect(r.near.before?.first).toBeCloseTo(at('2023-10-01T16:31:07.412Z'), 2);
    expect(r.near.before?.last).toBeCloseTo(at('2023-10-01T16:33:40.020Z'), 2);
    expect(r.verdict.text).toContain('3 before it (the last at 2023-10-01T16:33:40.020Z)');
  });

  it('shows what a local filter macro override removed', async () => {
    const conf = join(dir, 'macros.conf');
    writeFileSync(
      conf,
      '[ws_ftp_remote_code_execution_filter]\ndefinition = search NOT src IN (203.0.113.50, 192.0.2.77)\n',
    );
    const local = await loadAllContent({ macroFiles: [conf] });
    const r = await explainDetection(example, {
      content: local,
      detection: WS_FTP,
      earliest: null,
      latest: null,
    });
    expect(r.results).toEqual({ tstats: 2, withoutFilter: 2, asDefined: 0 });
    expect(r.filter).toEqual({
      name: 'ws_ftp_remote_code_execution_filter',
      definition: 'search NOT src IN (203.0.113.50, 192.0.2.77)',
      used: true,
    });
    expect(r.verdict.cause).toBe('filter');
    expect(r.verdict.text).toContain('removes all 2 result row(s)');
  });

  it('tells the commands after tstats from the filter macro when they remove every row', async () => {
    const conf = join(dir, 'ctime.conf');
    writeFileSync(
      conf,
      '[security_content_ctime(1)]\nargs = field\ndefinition = where $field$ > 9999999999\n',
    );
    const local = await loadAllContent({ macroFiles: [conf] });
    const r = await explainDetection(example, {
      content: local,
      detection: WS_FTP,
      earliest: null,
      latest: null,
    });
    expect(r.results).toEqual({ tstats: 2, withoutFilter: 0, asDefined: 0 });
    expect(r.verdict).toEqual({
      cause: 'pipeline',
      text: 'the commands after tstats remove all 2 result row(s)',
    });
  });
});

describe('vigil why over generated stored rows', () => {
  const allTime = { earliest: null, latest: null };

  it('names the condition that removes every row (status 404 only)', async () => {
    const store = await storedRows({ status: '404' }, { status: '404', src: '192.0.2.9' });
    const r = await explain(store, allTime);
    await store.close();
    expect(r.conditions.map((c) => [c.alone, c.inSequence])).toEqual([
      [2, 2],
      [0, 0],
      [2, 0],
    ]);
    expect(r.verdict).toEqual({
      cause: 'condition',
      text: 'condition Web.status=200 matches no row of Web in the window',
    });
  });

  it('names a condition that matches rows, but none of those the terms before it left', async () => {
    const store = await storedRows({ status: '404' }, { url: '/index.html', url_length: 11 });
    const r = await explain(store, allTime);
    await store.close();
    expect(r.verdict.text).toBe(
      'condition Web.status=200 removes the 1 row(s) the conditions before it left',
    );
  });

  it('names the null BY field tstats drops the row for (no http_user_agent: the classic trap)', async () => {
    const store = await storedRows({ http_user_agent: null });
    const r = await explain(store, allTime);
    await store.close();
    expect(r.afterWhere).toBe(1);
    expect(r.by.find((b) => b.field === 'Web.http_user_agent')?.nulls).toBe(1);
    expect(r.by.filter((b) => b.nulls > 0).map((b) => b.field)).toEqual(['Web.http_user_agent']);
    expect(r.nullDropped).toBe(1);
    expect(r.results.tstats).toBe(0);
    expect(r.verdict.cause).toBe('null-by');
    expect(r.verdict.text).toMatch(/^null BY field Web\.http_user_agent: every one of the 1 row/);
  });

  it('fires on the same row once the user agent is there', async () => {
    const store = await storedRows({});
    const r = await explain(store, allTime);
    await store.close();
    expect(r.verdict).toEqual({ cause: 'fires', text: 'fires: 1 result row(s)' });
  });

  it('reports rows just after the window, with their times', async () => {
    const store = await storedRows({ _time: at('2023-10-01T17:00:30Z') });
    const r = await explain(store, {
      earliest: at('2023-10-01T16:00:00Z'),
      latest: at('2023-10-01T17:00:00Z'),
    });
    await store.close();
    expect(r.near.after).toEqual({
      earliest: at('2023-10-01T17:00:00Z'),
      latest: at('2023-10-01T18:00:00Z'),
      rows: 1,
      first: at('2023-10-01T17:00:30Z'),
      last: at('2023-10-01T17:00:30Z'),
    });
    expect(r.verdict.cause).toBe('outside-window');
  });
});

describe('vigil why on the command line', () => {
  it('prints the verdict first, then the counts aligned', async () => {
    const { code, out } = await runCli(
      dir,
      'why',
      WS_FTP,
      '--store',
      storeFile,
      '--now',
      '2023-10-01T17:45:00Z',
    );
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toMatch(/^WS FTP Remote Code Execution: outside the window: /);
    expect(out).toMatch(/\n {2}Web\.status=200 +1 +0\n/);
  });

  it('prints the report as JSON', async () => {
    const { code, out } = await runCli(
      dir,
      'why',
      WS_FTP,
      '--store',
      storeFile,
      '--all-time',
      '--format',
      'json',
    );
    expect(code).toBe(0);
    expect(JSON.parse(out).verdict.cause).toBe('fires');
  });
});

describe.skipIf(!existsSync(CORPUS))(
  'vigil why on corpus detections (../shared; skipped when absent)',
  () => {
    let corpus: Content;
    beforeAll(async () => {
      corpus = await loadAllContent({ contentDirs: [CORPUS], macroFiles: [] });
    });
    const explainCorpus = (detection: string) =>
      explainDetection(example, { content: corpus, detection, earliest: null, latest: null });

    it('WordPress Bricks Builder RCE: its url condition removes every WS_FTP request', async () => {
      const r = await explainCorpus('WordPress Bricks Builder plugin RCE');
      // security_content_summariesonly sets fillnull_value=null: rows without uri_path are kept, not dropped
      expect(r.fillnull).toBe('null');
      expect(r.nullDropped).toBe(0);
      expect(r.conditions[0]).toEqual({
        text: 'Web.url IN ("*/wp-json/bricks/v1/render_element")',
        alone: 0,
        inSequence: 0,
      });
      expect(r.verdict.cause).toBe('condition');
    });

    it('runs a subsearch in the where clause first and counts the filter it formats to', async () => {
      const r = await explainCorpus('Suspicious Linux Discovery Commands');
      expect(r.dataset).toBe('Endpoint.Processes');
      expect(r.conditions).toHaveLength(1);
      expect(r.conditions[0]?.text).toMatch(/^\[\s*\|\s*inputlookup linux_tool_discovery_process\.csv/);
      expect(r.verdict).toEqual({
        cause: 'no-data',
        text: 'no data: Endpoint.Processes holds no row in the window',
      });
    });
  },
);
