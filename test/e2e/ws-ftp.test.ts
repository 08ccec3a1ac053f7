import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVE_DEFAULTS } from '../../src/gen/eve.js';
import { writeEveFile } from '../../src/gen/write.js';
import { ingest } from '../../src/ingest/ingest.js';
import { loadAllContent } from '../../src/jobs/content.js';
import { type DetectResult, detect } from '../../src/jobs/detect.js';
import { openStore } from '../../src/store/index.js';
import { strftime } from '../../src/time/strftime.js';

// Generated EVE (src/gen) with planted WS_FTP exploitation and near misses; the truth file says which must match.
const dir = mkdtempSync(join(tmpdir(), 'vigil-e2e-'));
const file = join(dir, 'planted.eve.json');
let truth: ReturnType<typeof writeEveFile>;
let result: DetectResult;

beforeAll(async () => {
  truth = writeEveFile({ ...EVE_DEFAULTS, events: 5000, seed: 'e2e' }, file);
  const store = await openStore(':memory:');
  try {
    const summary = await ingest([file], { store });
    expect(summary.total.rejected).toBe(0);
    const content = await loadAllContent({ macroFiles: [] });
    result = await detect(store, {
      content,
      detection: 'WS FTP Remote Code Execution',
      window: { kind: 'all-time' },
      now: Date.UTC(2024, 0, 1) / 1000,
    });
  } finally {
    await store.close();
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ctime = (t: number) => strftime(t, '%Y-%m-%dT%H:%M:%S');

describe('WS FTP Remote Code Execution over generated EVE (CIM semantics, spec §8)', () => {
  it('fires exactly on the planted cases that must match', () => {
    const must = truth.planted.filter((p) => p.mustMatch);
    expect(must.length).toBeGreaterThanOrEqual(8);
    const got = result.notables.map((n) => n.fields.src).sort();
    expect(got).toEqual(must.map((p) => p.key.src).sort());
  });

  it.each([
    'exact',
    'url_lower_case',
    'method_lower_case',
    'no_user_agent',
    'no_hostname',
    'offset_minus_0500',
    'escaped_slashes_suricata5',
    'string_status_suricata2',
  ])('case %s gives the row CIM requires', (name) => {
    const p = truth.planted.find((x) => x.case === name);
    expect(p?.mustMatch).toBe(true);
    const n = result.notables.find((x) => x.fields.src === p?.key.src);
    expect(n?.fields).toMatchObject({
      dest: p?.key.dest,
      url: p?.key.url,
      http_method: p?.key.http_method,
      status: '200',
      http_user_agent: p?.key.http_user_agent,
      url_length: p?.key.url.length,
      sourcetype: 'suricata',
      count: 1,
      firstTime: ctime(p?.key._time ?? 0),
      lastTime: ctime(p?.key._time ?? 0),
    });
  });

  it.each([
    'url_with_query',
    'url_trailing_slash',
    'status_500',
    'status_302',
    'method_get',
    'metasploit_aht_path',
    'alert_with_http',
    'fileinfo_with_http',
    'status_string_2xx_suricata8',
  ])('near miss %s raises nothing', (name) => {
    const p = truth.planted.find((x) => x.case === name);
    expect(p?.mustMatch).toBe(false);
    expect(result.notables.filter((n) => n.fields.src === p?.key.src)).toEqual([]);
  });

  it('raises one risk event per notable, on dest, scored 72', () => {
    expect(result.risks.map((r) => [r.risk_object, r.threat_object, r.risk_score])).toEqual(
      result.notables.map((n) => [n.fields.dest, n.fields.src, 72]),
    );
  });
});
