import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EVE_DEFAULTS, type EveOptions, type EveTruth, generateEve } from '../../src/gen/eve.js';
import { truthPath, writeEveFile } from '../../src/gen/write.js';

// Generated data: every file here comes from the seeded EVE generator, not from captured traffic.

type Json = Record<string, unknown>;

function generate(over: Partial<EveOptions> = {}): { text: string; truth: EveTruth } {
  const chunks: Buffer[] = [];
  const opts = { ...EVE_DEFAULTS, events: 5000, seed: 'test', ...over };
  const truth = generateEve(opts, (c) => {
    chunks.push(Buffer.from(c));
  });
  return { text: Buffer.concat(chunks).toString('latin1'), truth };
}

function linesOf(text: string): string[] {
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n');
}

/** `2023-10-01T11:31:07.412345-0500` → UTC epoch seconds, to the microsecond. */
function eveTime(ts: string): number {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)\.(\d{6})([+-])(\d\d)(\d\d)$/.exec(ts);
  if (!m) throw new Error(`bad EVE timestamp ${ts}`);
  const offset = (m[3] === '-' ? -1 : 1) * (Number(m[4]) * 3600 + Number(m[5]) * 60);
  return Date.parse(`${m[1]}Z`) / 1000 + Number(m[2]) / 1e6 - offset;
}

/** The CIM Web values of an EVE http record (spec §5.1, §5.3), derived here independently of the generator. */
function cimWeb(e: Json): Record<string, string> {
  const http = (e.http ?? {}) as Json;
  const fill = (v: unknown) =>
    v === undefined || v === null || v === '' || v === '-' ? 'unknown' : String(v);
  return {
    src: String(e.src_ip),
    dest: fill(http.hostname ?? e.dest_ip),
    url: fill(http.url),
    http_method: fill(http.http_method),
    status: fill(http.status),
    http_user_agent: fill(http.http_user_agent),
  };
}

/** The WS FTP detection: Web rows only, whole-value case-insensitive url and method, status "200" (spec §2). */
function detects(e: Json): boolean {
  if (e.event_type !== 'http') return false;
  const w = cimWeb(e);
  return (
    w.url?.toLowerCase() === '/aht/ahtapiservice.asmx/authuser' &&
    w.http_method?.toLowerCase() === 'post' &&
    w.status === '200'
  );
}

const big = generate({ events: 20_000, seed: 'big' });
const bigEvents = linesOf(big.text).map((l) => JSON.parse(l) as Json);

describe('EVE generator', () => {
  it('is deterministic: the same seed gives identical bytes, another seed different ones', () => {
    const a = generate({ seed: 's1' });
    expect(generate({ seed: 's1' }).text).toBe(a.text);
    expect(generate({ seed: 's2' }).text).not.toBe(a.text);
  });

  it('writes one valid, ASCII-only JSON object per line, in time order within the span', () => {
    const lines = linesOf(big.text);
    expect(lines).toHaveLength(20_000);
    expect(/^[\x20-\x7e\n]*$/.test(big.text)).toBe(true);
    const times = bigEvents.map((e) => eveTime(String(e.timestamp)));
    expect(times.every((t, i) => i === 0 || t >= (times[i - 1] as number))).toBe(true);
    expect(times[0]).toBeGreaterThanOrEqual(EVE_DEFAULTS.start);
    expect(times.at(-1)).toBeLessThan(EVE_DEFAULTS.start + 24 * 3600);
  });

  it('counts event types as the truth says, with http near the requested ratio', () => {
    const counts: Record<string, number> = {};
    for (const e of bigEvents) counts[String(e.event_type)] = (counts[String(e.event_type)] ?? 0) + 1;
    expect(counts).toEqual(big.truth.eventTypes);
    expect((counts.http ?? 0) / 20_000).toBeCloseTo(0.3, 1);
    expect(Math.abs((counts.http ?? 0) / 20_000 - 0.3)).toBeLessThan(0.015);
    for (const t of ['dns', 'flow', 'tls', 'alert', 'fileinfo']) expect(counts[t]).toBeGreaterThan(100);
    expect(counts.stats ?? 0).toBeLessThan(50);
  });

  it.each([0.1, 0.6])('honours http ratio %d', (ratio) => {
    const { truth } = generate({ events: 10_000, httpRatio: ratio });
    expect(Math.abs((truth.eventTypes.http ?? 0) / 10_000 - ratio)).toBeLessThan(0.02);
  });

  it('matches the detection exactly on the planted hits: background never matches', () => {
    const hits = bigEvents.flatMap((e, i) => (detects(e) ? [i + 1] : []));
    const expected = big.truth.planted.filter((p) => p.mustMatch).map((p) => p.line);
    expect(hits).toEqual(expected);
    const lookalikes = bigEvents.filter((e) =>
      /\/AHT\//i.test(String((e.http as Json | undefined)?.url ?? '')),
    );
    expect(lookalikes.length).toBeGreaterThan(20);
  });
});

describe('planted cases', () => {
  const byCase = new Map(big.truth.planted.map((p) => [p.case, p]));
  const eventOf = (name: string) => bigEvents[(byCase.get(name)?.line ?? 0) - 1] as Json;
  const rawOf = (name: string) => linesOf(big.text)[(byCase.get(name)?.line ?? 0) - 1] as string;

  it('lists every required case with its verdict', () => {
    expect(big.truth.generated).toBe(true);
    expect(Object.fromEntries(big.truth.planted.map((p) => [p.case, p.mustMatch]))).toEqual({
      exact: true,
      url_lower_case: true,
      method_lower_case: true,
      no_user_agent: true,
      no_hostname: true,
      offset_minus_0500: true,
      escaped_slashes_suricata5: true,
      string_status_suricata2: true,
      url_with_query: false,
      url_trailing_slash: false,
      status_500: false,
      status_302: false,
      method_get: false,
      metasploit_aht_path: false,
      alert_with_http: false,
      fileinfo_with_http: false,
      status_string_2xx_suricata8: false,
    });
  });

  it('gives for each case the key the line really produces', () => {
    for (const p of big.truth.planted) {
      const e = bigEvents[p.line - 1] as Json;
      expect(e.event_type, p.case).toBe(p.eventType);
      const { _time, ...key } = p.key;
      expect(cimWeb(e), p.case).toEqual(key);
      expect(_time, p.case).toBeCloseTo(eveTime(String(e.timestamp)), 6);
    }
  });

  it('spreads the cases through the file', () => {
    const lines = big.truth.planted.map((p) => p.line);
    const gap = 20_000 / lines.length;
    expect(lines[0]).toBeLessThan(gap);
    expect(lines.at(-1)).toBeGreaterThan(20_000 - gap);
    expect(lines.every((l, i) => i === 0 || l - (lines[i - 1] as number) >= gap - 1)).toBe(true);
  });

  it('writes each variant the way the sensor version would', () => {
    expect(eventOf('no_user_agent').http).not.toHaveProperty('http_user_agent');
    expect(cimWeb(eventOf('no_hostname')).dest).toBe('10.0.1.20');
    expect(String(eventOf('offset_minus_0500').timestamp)).toMatch(/-0500$/);
    expect(rawOf('escaped_slashes_suricata5')).toContain('"url":"\\/AHT\\/AhtApiService.asmx\\/AuthUser"');
    expect((eventOf('string_status_suricata2').http as Json).status).toBe('200');
    expect(eventOf('string_status_suricata2')).not.toHaveProperty('flow_id');
    const s8 = eventOf('status_string_2xx_suricata8').http as Json;
    expect([s8.status, s8.status_string]).toEqual([undefined, '2XX']);
    expect((eventOf('alert_with_http').alert as Json).signature_id).toBe(2_048_383);
    expect(eventOf('fileinfo_with_http')).toHaveProperty('fileinfo');
    expect(cimWeb(eventOf('alert_with_http'))).toMatchObject({
      url: '/AHT/AhtApiService.asmx/AuthUser',
      status: '200',
    });
  });
});

describe('options and files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-gen-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes FILE and FILE.truth.json', () => {
    const out = join(dir, 'small.eve.json');
    const truth = writeEveFile({ ...EVE_DEFAULTS, events: 1000, seed: 7 }, out);
    expect(existsSync(truthPath(out))).toBe(true);
    expect(statSync(out).size).toBe(truth.bytes);
    const saved = JSON.parse(readFileSync(truthPath(out), 'utf8')) as EveTruth;
    expect(saved).toEqual(truth);
    expect(saved.planted).toHaveLength(17);
  });

  it('checks options before creating the file', () => {
    const out = join(dir, 'refused.eve.json');
    expect(() => writeEveFile({ ...EVE_DEFAULTS, events: 3, seed: 1 }, out)).toThrow(RangeError);
    expect(existsSync(out)).toBe(false);
  });

  it('places lines in the requested window', () => {
    const start = Date.UTC(2024, 0, 15, 6) / 1000;
    const { text } = generate({ events: 500, start, spanHours: 2 });
    const times = linesOf(text).map((l) => eveTime(String((JSON.parse(l) as Json).timestamp)));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(start);
    expect(Math.max(...times)).toBeLessThan(start + 7200);
  });

  it.each([
    [{ events: 16 }, /at least 17/],
    [{ events: 100.5 }, /integer/],
    [{ httpRatio: 1.5 }, /httpRatio/],
    [{ spanHours: 0 }, /spanHours/],
  ])('refuses %j', (over, message) => {
    expect(() => generate(over)).toThrow(message);
  });
});
