import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.js';
import { macroLookup } from '../../src/content/macros.js';
import { bundledContentDir } from '../../src/content/paths.js';
import { packageRoot } from '../../src/core/paths.js';

const NEW_FORM = join(import.meta.dirname, 'fixtures', 'new-form');
const CORPUS = join(packageRoot(), '..', 'shared', 'corpus', 'security_content');

describe('bundled content', () => {
  it('loads the three WS FTP detections and the two risk rules, their macros and stories, enabled, without problems', async () => {
    const c = await loadContent([bundledContentDir()]);
    expect(c.problems).toEqual([]);
    expect(c.detections.map((d) => [d.name, d.type, d.enabled])).toEqual([
      ['MITRE Tactic Threshold Exceeded For Object Over Previous 7 Days', 'Correlation', true],
      ['Risk Threshold Exceeded For Object Over 24 Hour Period', 'Correlation', true],
      ['WS FTP Ad Hoc Transfer Exploit POST', 'TTP', true],
      ['WS FTP Ad Hoc Transfer Reconnaissance', 'Anomaly', true],
      ['WS FTP Remote Code Execution', 'TTP', true],
    ]);
    const macros = macroLookup(c.macros);
    expect(macros('ws_ftp_remote_code_execution_filter', 0)?.definition).toBe('search *');
    expect(macros('vigil_risk_score_threshold', 0)?.definition).toBe('100');
    expect(c.stories.map((s) => [s.name, s.detections.length])).toEqual([
      ['Risk-Based Alerting', 2],
      ['WS FTP Server Critical Vulnerabilities', 3],
    ]);
  });

  it('a later folder overrides by detection id', async () => {
    const c = await loadContent([bundledContentDir(), NEW_FORM]);
    expect(c.problems).toEqual([]);
    const ws = c.detections.find((d) => d.id === 'b84e8f39-4e7b-4d4f-9e7c-fcd29a227845');
    expect(ws).toMatchObject({ version: 5, form: 'new', enabled: false });
    expect(c.detections).toHaveLength(6);
    const story = c.stories.find((x) => x.name === 'WS FTP Server Critical Vulnerabilities');
    expect(story?.detections).toEqual([
      'WS FTP Ad Hoc Transfer Exploit POST',
      'WS FTP Ad Hoc Transfer Reconnaissance',
      'WS FTP Remote Code Execution',
      'Web Hunting Sample',
    ]);
  });
});

const WS_FTP_TEXT = readFileSync(
  join(bundledContentDir(), 'detections', 'web', 'ws_ftp_remote_code_execution.yml'),
  'utf8',
);
const CONFIDENCE_LINE = WS_FTP_TEXT.split('\n').findIndex((l) => l.includes('confidence: 80')) + 1;

describe('problems', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-content-'));
    for (const sub of ['detections', 'macros', 'local']) await mkdir(join(dir, sub));
    await writeFile(join(dir, 'detections', 'broken.yml'), 'name: Broken\nid: x\nname: again\n');
    const badConfidence = WS_FTP_TEXT.replace('confidence: 80', 'confidence: high');
    await writeFile(join(dir, 'detections', 'bad_confidence.yml'), badConfidence);
    await writeFile(
      join(dir, 'macros', 'm.yml'),
      'name: m\ndefinition: search x=1\ndescription: test macro\n',
    );
    const conf =
      '[m]\ndefinition = search x=2\n[ws_ftp_remote_code_execution_filter]\ndefinition = search NOT src=10.0.0.5\n';
    await writeFile(join(dir, 'local', 'macros.conf'), conf);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports a YAML syntax error and a schema error with file and line, and loads the rest', async () => {
    const c = await loadContent([bundledContentDir(), dir]);
    expect(c.problems).toEqual([
      {
        file: join(dir, 'detections', 'broken.yml'),
        line: 3,
        path: '',
        message: 'YAML syntax: Map keys must be unique',
        severity: 'error',
      },
      {
        file: join(dir, 'detections', 'bad_confidence.yml'),
        line: CONFIDENCE_LINE,
        path: 'tags.confidence',
        message: 'Invalid input: expected number, received string',
        severity: 'error',
      },
    ]);
    expect(CONFIDENCE_LINE).toBeGreaterThan(1);
    expect(c.detections.find((d) => d.name === 'WS FTP Remote Code Execution')?.version).toBe(4);
    expect(c.detections).toHaveLength(5);
  });

  it('applies the folder’s local/macros.conf over its own and earlier macros', async () => {
    const c = await loadContent([bundledContentDir(), dir]);
    expect(c.macros.get('m')).toMatchObject({
      definition: 'search x=2',
      source: join(dir, 'local', 'macros.conf'),
    });
    expect(c.macros.get('ws_ftp_remote_code_execution_filter')?.definition).toBe('search NOT src=10.0.0.5');
  });

  it('reports a content folder that does not exist', async () => {
    const c = await loadContent([join(dir, 'nope')]);
    expect(c.problems).toEqual([
      { file: join(dir, 'nope'), path: '', message: 'content folder not found', severity: 'error' },
    ]);
  });
});

describe.skipIf(!existsSync(CORPUS))('the security_content corpus (../shared; skipped when absent)', () => {
  it('loads all 1,711 detections, 189 macros and 261 stories within seconds', async () => {
    const started = Date.now();
    const c = await loadContent([CORPUS]);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect([c.detections.length, c.macros.size, c.stories.length]).toEqual([1711, 189, 261]);
    const yamlFiles = (severity: string) =>
      c.problems
        .filter((p) => p.severity === severity && !p.file.includes('/lookups/'))
        .map((p) => [p.file.slice(CORPUS.length + 1), p.line]);
    expect(yamlFiles('error')).toEqual([]);
    // five files continue a quoted value at column 0: YAML 1.2 rejects them, PyYAML (contentctl) reads them
    expect(yamlFiles('warning')).toEqual(
      expect.arrayContaining([
        ['detections/deprecated/okta_threatinsight_login_failure_with_high_unknown_users.yml', 12],
        ['detections/deprecated/okta_threatinsight_suspected_passwordspray_attack.yml', 13],
        ['macros/base64decode.yml', 3],
        ['stories/metasploit.yml', 8],
        ['stories/spring4shell_cve_2022_22965.yml', 8],
      ]),
    );
    const b64 = c.macros.get('base64decode(1)')?.definition ?? '';
    expect(b64.startsWith('eval b64x_split=split($b64in$,"") | lookup char_conversion_matrix')).toBe(true);
    const ws = c.detections.find((d) => d.name === 'WS FTP Remote Code Execution');
    expect(ws).toMatchObject({ riskScore: 72, severity: 'high', enabled: false });
  }, 60_000);
});
