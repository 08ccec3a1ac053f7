import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { FIXTURES, fixtureContent } from './fixture.js';

const content = fixtureContent();
const out = mkdtempSync(join(tmpdir(), 'vigil-test-out-'));
afterAll(() => {
  rmSync(content, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

interface Element {
  readonly name: string;
  readonly attrs: Record<string, string>;
  readonly children: Element[];
}

/** A small XML reader for the JUnit file: elements and attributes, throwing on unbalanced or stray tags. */
function parseXml(xml: string): Element {
  const root: Element = { name: '#document', attrs: {}, children: [] };
  const stack = [root];
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/g)) {
    const [, close, name, attrText, selfClose, text] = m;
    if (text !== undefined) continue;
    const top = stack.at(-1) as Element;
    if (close) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
      continue;
    }
    const attrs = Object.fromEntries(
      [...(attrText ?? '').matchAll(/([\w.-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]),
    );
    const el: Element = { name: name as string, attrs, children: [] };
    top.children.push(el);
    if (!selfClose) stack.push(el);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack.at(-1)?.name}>`);
  if (body.replace(/<[^>]*>|[^<]+/g, '') !== '') throw new Error('stray markup');
  return root;
}

describe('vigil test', () => {
  it("passes vigil's own detections on the bundled attack data (exit 0)", async () => {
    const r = await runCli(process.cwd(), 'test');
    expect(r.code).toBe(0);
    expect(r.out).toContain('PASS 12  FAIL 0  SKIP 4  ERROR 0');
    expect(r.out).toMatch(/PASS\s+unit\s+WS FTP Remote Code Execution\s+True Positive Test\s+8 rows/);
    expect(r.out).toMatch(/SKIP\s+unit\s+Risk Threshold Exceeded .*Correlation: contentctl does not test/);
  });

  it('fails with the why explanation, exit 1, and writes JUnit XML with the right counts', async () => {
    const junit = join(out, 'junit.xml');
    const r = await runCli(process.cwd(), 'test', '--content', content, '--junit', junit);
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'FAIL unit Test Lacks The Attack (True Positive Test): the search returned no rows',
    );
    expect(r.out).toContain('where clause, term by term');
    const doc = parseXml(readFileSync(junit, 'utf8'));
    const suite = doc.children[0]?.children[0] as Element;
    expect(suite.attrs).toMatchObject({
      tests: String(FIXTURES.length * 2),
      failures: '2',
      errors: '2',
      skipped: '8',
    });
    const cases = suite.children;
    expect(cases).toHaveLength(FIXTURES.length * 2);
    const kinds = (tag: string) => cases.filter((c) => c.children.some((x) => x.name === tag)).length;
    expect([kinds('failure'), kinds('error'), kinds('skipped')]).toEqual([2, 2, 8]);
    const failure = readFileSync(junit, 'utf8');
    expect(failure).toContain('rows passing the where clause');
  });

  it('runs only the detections named, and refuses an unknown one', async () => {
    const r = await runCli(process.cwd(), 'test', 'WS FTP Remote Code Execution');
    expect(r.code).toBe(0);
    expect(r.out).toContain('PASS 4  FAIL 0  SKIP 0  ERROR 0');
    const bad = await runCli(process.cwd(), 'test', 'No Such Detection');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('no detection named or with id "No Such Detection"');
  });

  it('resolves Splunk attack_data URLs under --attack-data DIR', async () => {
    const r = await runCli(process.cwd(), 'test', '--attack-data', out, 'WS FTP Remote Code Execution');
    expect(r.out).toMatch(
      /SKIP\s+unit\s+WS FTP Remote Code Execution.*missing data: .*ws_ftp\/wsftpweb\.log not found/,
    );
  });
});
