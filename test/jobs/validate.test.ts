import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { bundledContentDir } from '../../src/content/paths.js';
import { loadAllContent } from '../../src/jobs/content.js';
import { validateContent } from '../../src/jobs/validate.js';

const CORPUS = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'security_content');
const WS_FTP = readFileSync(
  join(bundledContentDir(), 'detections', 'web', 'ws_ftp_remote_code_execution.yml'),
  'utf8',
);
const SEARCH_LINE = WS_FTP.split('\n').findIndex((l) => l.startsWith('search:')) + 1;

/** The bundled detection under another name, id and search (generated test content). */
function detection(n: number, search: string): string {
  return WS_FTP.replace(/^name: .*$/m, `name: Validate Case ${n}`)
    .replace(/^id: .*$/m, `id: 00000000-0000-4000-8000-00000000000${n}`)
    .replace(/^search: [\s\S]*?\n(?=[a-z_]+:)/m, () => {
      const full = `${search} | \`validate_case_${n}_filter\``;
      return `search: '${full.replace(/'/g, "''")}'\n`;
    });
}

const CASES = [
  ['unknown macro', '| tstats count from datamodel=Web by Web.src | `no_such_macro`'],
  ['unterminated string', '| tstats count from datamodel=Web where Web.url="abc'],
  ['missing lookup', '| tstats count from datamodel=Web by Web.src | lookup no_such_table src OUTPUT x'],
  ['other app macro (not a defect)', '| tstats count from datamodel=Web by Web.dest | `get_asset(dest)`'],
  ['raw-event search (not parsed)', 'index=web sourcetype=x | stats count'],
  [
    'vigil cannot run it (coverage, not validate)',
    '| tstats count from datamodel=Web by Web.src | apply model',
  ],
] as const;

describe('validateContent', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-validate-'));
    await mkdir(join(dir, 'detections'));
    await mkdir(join(dir, 'macros'));
    for (const [i, [, search]] of CASES.entries()) {
      await writeFile(join(dir, 'detections', `case_${i + 1}.yml`), detection(i + 1, search));
    }
    await writeFile(
      join(dir, 'macros', 'm.yml'),
      'name: m\ndefinition: search x=1 | `missing_inner`\ndescription: test\n',
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reports each real defect with file, line, field path and message, and nothing else', async () => {
    const content = await loadAllContent({ contentDirs: [dir], macroFiles: [] });
    const problems = await validateContent(content);
    const rel = (f: string) => f.slice(dir.length + 1);
    expect(problems.map((p) => [rel(p.file), p.line, p.path, p.severity, p.message.split(' ')[0]])).toEqual([
      ['detections/case_1.yml', SEARCH_LINE, 'search', 'error', 'SPL1101'],
      ['detections/case_2.yml', SEARCH_LINE, 'search', 'error', 'SPL1001'],
      ['detections/case_3.yml', SEARCH_LINE, 'search', 'error', 'lookup'],
      ['macros/m.yml', 2, 'definition', 'error', 'SPL1101'],
    ]);
    expect(problems[2]?.message).toBe('lookup no_such_table: no lookup of that name in the content');
  });

  it('vigil validate prints file:line  path  severity: message and exits 1 on errors', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      out: (t: string) => out.push(t),
      err: (t: string) => err.push(t),
      stdin: process.stdin,
      env: {},
      cwd: dir,
    };
    expect(await main(['validate', '--content', dir], io)).toBe(1);
    expect(out[0]).toBe(
      `${join(dir, 'detections', 'case_1.yml')}:${SEARCH_LINE}  search  error: SPL1101 unknown macro \`no_such_macro\`; define it in a macros/*.yml of a --content folder, or in local/macros.conf`,
    );
    expect(err.at(-1)).toMatch(/^11 detections, \d+ macros, \d+ lookups, 2 stories: 4 errors, 0 warnings$/);
    expect(await main(['validate', '--content', bundledContentDir()], io)).toBe(0);
  });
});

describe.skipIf(!existsSync(CORPUS))('validate on the corpus (../shared; skipped when absent)', () => {
  it('reports only the content defects listed here', async () => {
    const content = await loadAllContent({ contentDirs: [CORPUS], macroFiles: [] });
    const problems = await validateContent(content);
    const errors = problems
      .filter((p) => p.severity === 'error')
      .map((p) => `${p.file.slice(CORPUS.length + 1)}: ${p.message.split(';')[0]}`);
    expect(errors).toEqual([
      'lookups/dynamic_dns_providers_default.yml: lookup file dynamic_dns_providers_default.csv cannot be read: ENOENT',
      'detections/deprecated/detect_dns_requests_to_phishing_sites_leveraging_evilginx2.yml: SPL1003 unexpected "summariesonly" in tstats near "summariesonly"',
    ]);
  }, 60_000);
});
