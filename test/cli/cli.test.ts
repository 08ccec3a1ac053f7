import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'ws-ftp.eve.json');
const dir = mkdtempSync(join(tmpdir(), 'vigil-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
const freshStore = () => join(dir, `s${n++}.duckdb`);

const vigil = (...argv: string[]) => runCli(dir, ...argv);

const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const WS = 'WS FTP Remote Code Execution';
const POST = 'WS FTP Ad Hoc Transfer Exploit POST';
const RECON = 'WS FTP Ad Hoc Transfer Reconnaissance';

describe('vigil run on the bundled example', () => {
  const store = freshStore();

  it('raises one notable per result row and one risk event per row', async () => {
    const r = await vigil('run', EXAMPLE, '--store', store, '--format', 'json');
    expect(r.code).toBe(0);
    const events = jsonLines(r.out);
    const notables = (title: string) => events.filter((e) => e.index === 'notable' && e.rule_title === title);
    const risks = (rule: string) =>
      events.filter((e) => e.index === 'risk' && e.search_name === `ESCU - ${rule} - Rule`);
    expect(notables(WS).map((e) => [e.dest, e.src, e.count, e.firstTime])).toEqual([
      ['10.0.1.20', '203.0.113.50', 2, '2023-10-01T16:31:07'],
      ['10.0.1.21', '192.0.2.77', 1, '2023-10-01T16:33:40'],
    ]);
    expect(notables(WS)[1]).toMatchObject({
      http_user_agent: 'unknown',
      severity: 'high',
      urgency: 'medium',
    });
    expect(risks(WS).map((e) => [e.risk_object, e.risk_score, e.threat_object])).toEqual([
      ['10.0.1.20', 72, '203.0.113.50'],
      ['10.0.1.21', 72, '192.0.2.77'],
    ]);
    // vigil's own detections: every POST under /AHT/, graded by the answer, and the scanner's GETs (risk only)
    expect(notables(POST).map((e) => [e.src, e.url, e.severity])).toEqual([
      ['192.0.2.77', '/aht/ahtapiservice.asmx/authuser', 'critical'],
      ['192.0.2.80', '/AHT/', 'critical'],
      ['192.0.2.81', '/AHT/AhtApiService.asmx/AuthUser?debug=1', 'critical'],
      ['192.0.2.82', '/AHT/AhtApiService.asmx/AuthUser', 'high'],
      ['203.0.113.50', '/AHT/AhtApiService.asmx/AuthUser', 'critical'],
    ]);
    expect(notables(RECON)).toEqual([]);
    expect(risks(RECON).map((e) => [e.risk_object, e.risk_score, e.threat_object, e.url])).toEqual([
      ['ftp.example.com', 10, '198.51.100.23', '/AHT/AHT_UI/public/index.html'],
      ['ftp.example.com', 10, '198.51.100.23', '/AHT/AHT_UI/public/js/app.min.js'],
    ]);
    expect(r.err).toContain('rows stored: web 8');
  });

  it('reads nothing twice when run again', async () => {
    const r = await vigil('run', EXAMPLE, '--store', store);
    expect(r.code).toBe(0);
    expect(r.out).toContain('0 ingested, 1 already read');
    const s = await vigil('search', '| tstats count from datamodel=Web', '--store', store, '--format', 'csv');
    expect(s.out).toBe('count\n8\n');
  });

  it('stores the notable and risk events of both runs', async () => {
    const db = await openStore(store);
    try {
      const [n] = await db.query(
        "SELECT count(*) AS n, count(DISTINCT orig_sid) AS sids FROM notable WHERE rule_title = 'WS FTP Remote Code Execution'",
      );
      const risks = await db.query(
        `SELECT risk_object, risk_score, mitre_tactic_id FROM risk WHERE search_name = 'ESCU - ${WS} - Rule' ORDER BY risk_object`,
      );
      expect(n).toEqual({ n: 4, sids: 2 });
      // each run's 24 hour risk rule: 72 (WS FTP) + 63 (a POST under /AHT/) > 100 on each system
      const rir = await db.query(
        "SELECT rule_title, count(*) AS runs FROM notable WHERE rule_title LIKE '24 hour%' GROUP BY 1 ORDER BY 1",
      );
      expect(rir).toEqual([
        { rule_title: '24 hour risk threshold exceeded for system=10.0.1.20', runs: 2 },
        { rule_title: '24 hour risk threshold exceeded for system=10.0.1.21', runs: 2 },
      ]);
      expect(risks[0]).toEqual({ risk_object: '10.0.1.20', risk_score: 72, mitre_tactic_id: ['TA0001'] });
      expect(risks).toHaveLength(4);
    } finally {
      await db.close();
    }
  });
});

describe('vigil detect windows (spec §4)', () => {
  const store = freshStore();

  it.each([
    ['2023-10-01T17:40:00Z', 2],
    ['2023-10-01T17:42:00Z', 1],
    ['2023-10-01T18:40:00Z', 0],
  ])('with --now %s the -70m@m..-10m@m window raises %i notable(s)', async (now, count) => {
    expect((await vigil('ingest', EXAMPLE, '--store', store)).code).toBe(0);
    const r = await vigil('detect', '--store', store, '--now', now, '--detection', WS, '--format', 'json');
    expect(r.code).toBe(0);
    expect(jsonLines(r.out).filter((e) => e.index === 'notable')).toHaveLength(count);
  });
});

describe('local filter macro override', () => {
  it('drops a false positive without editing the search', async () => {
    const conf = join(dir, 'macros.conf');
    writeFileSync(conf, '[ws_ftp_remote_code_execution_filter]\ndefinition = search dest!=10.0.1.21\n');
    const r = await vigil('run', EXAMPLE, '--store', freshStore(), '--macros', conf, '--format', 'json');
    expect(r.code).toBe(0);
    const notables = jsonLines(r.out).filter((e) => e.index === 'notable' && e.rule_title === WS);
    expect(notables.map((e) => e.dest)).toEqual(['10.0.1.20']);
  });
});

describe('vigil search', () => {
  it('prints diagnostics with a caret and exits 1 on bad SPL', async () => {
    const r = await vigil(
      'search',
      '| tstats count from datamodel=Web | stast count',
      '--store',
      freshStore(),
    );
    expect(r.code).toBe(1);
    expect(r.err).toContain('error SPL1002: unknown command "stast"');
    expect(r.err).toContain(
      '  | tstats count from datamodel=Web | stast count\n                                      ^^^^^',
    );
  });

  it('runs over an empty store', async () => {
    const r = await vigil('search', '| tstats count from datamodel=Web by Web.src', '--store', freshStore());
    expect(r).toMatchObject({ code: 0, out: '(no results)\n' });
  });

  it('rejects a bad time modifier with a caret', async () => {
    const r = await vigil(
      'search',
      '| tstats count from datamodel=Web',
      '--earliest',
      '-7x',
      '--store',
      freshStore(),
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--earliest: .*unknown time unit "x"/);
  });
});

describe('vigil ingest errors', () => {
  it('names a missing file in one line and exits 1', async () => {
    const r = await vigil('ingest', join(dir, 'nope.json'), EXAMPLE, '--store', freshStore());
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('nope.json');
    expect(r.out).toContain('rows stored: web 8');
  });

  it.each([
    [['frobnicate'], 2, 'unknown command "frobnicate"'],
    [['ingest'], 2, 'give at least one file'],
    [['search', 'x', '--format', 'xml'], 2, '--format must be one of'],
    [['detect', '--bogus'], 2, "Unknown option '--bogus'"],
  ])('%j exits %i', async (argv, code, message) => {
    const r = await vigil(...argv);
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
  });
});
