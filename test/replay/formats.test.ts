import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/ingest.js';
import { replayInto } from '../../src/replay/output.js';
import { planReplay } from '../../src/replay/replay.js';
import { type DuckDbStore, openDuckDbStore } from '../../src/store/duckdb.js';
import { FORMAT_SAMPLES, fileLines, shifted, timesOf, withoutTimes } from './helpers.js';

const TARGET = Date.UTC(2026, 10, 27, 12, 0, 0) / 1000;
const US = 1_000_000;

/** Generated variants with times in whole seconds and in fractions, side by side. */
const MIXED_PRECISION = ['test/fixtures/ingest/suricata/generated-variants.eve.json'];

const cases = FORMAT_SAMPLES.filter(([, file]) => existsSync(file));
if (cases.length < FORMAT_SAMPLES.length) console.warn('skipping replay cases whose shared sample is absent');

/** Event times (µs) of a file's lines, in line order (undefined for lines that are not events). */
function eventTimes(sourcetype: string, lines: readonly string[]): (number | undefined)[] {
  return timesOf(sourcetype, lines).map((t) => ('event' in t ? t.event : undefined));
}

describe.each(cases)('%s replay of %s', (sourcetype, file) => {
  it('puts the last event on the target and keeps every gap', async () => {
    const plan = await planReplay(file, { sourcetype, target: TARGET });
    const lines = await shifted(plan);
    const before = eventTimes(sourcetype, await fileLines(file));
    const after = eventTimes(
      sourcetype,
      lines.map((l) => l.text),
    );
    const delta = plan.shift;
    const last = Math.max(...after.filter((t) => t !== undefined));
    // exactly on it, unless the file mixes whole seconds with fractions (then within a second)
    if (MIXED_PRECISION.includes(file)) expect(Math.abs(last - TARGET * US)).toBeLessThan(US);
    else expect(last).toBe(TARGET * US);
    expect(after).toEqual(before.map((t) => (t === undefined ? undefined : t + delta)));
    expect(lines.map((l) => l.at)).toEqual(after);
  });

  it('divides the gaps by --speed, the last event staying on the target', async () => {
    const plan = await planReplay(file, { sourcetype, target: TARGET, speed: 4 });
    const before = eventTimes(sourcetype, await fileLines(file));
    const after = (await shifted(plan)).map((l) => l.at);
    const end = plan.lastEvent + plan.shift;
    const expected = before.map((t) => (t === undefined ? undefined : end - (plan.lastEvent - t) / 4));
    after.forEach((t, i) => {
      const want = expected[i];
      if (want === undefined) expect(t).toBeUndefined();
      // the text keeps its own precision (seconds for IIS, access logs, PAN)
      else expect(Math.abs((t as number) - want)).toBeLessThan(US);
    });
  });

  it('changes nothing but the time texts, header lines included', async () => {
    const original = await fileLines(file);
    const out = (await shifted(await planReplay(file, { sourcetype, target: TARGET }))).map((l) => l.text);
    expect(out).toHaveLength(original.length);
    const [a, b] = [timesOf(sourcetype, original), timesOf(sourcetype, out)];
    expect(out.map((l, i) => withoutTimes(l, b[i] as never))).toEqual(
      original.map((l, i) => withoutTimes(l, a[i] as never)),
    );
    expect(out.filter((l, i) => l !== original[i]).length).toBeGreaterThan(0);
  });

  it('writes every time back unchanged when the target is the last event', async () => {
    const first = await planReplay(file, { sourcetype, target: TARGET });
    const same = await planReplay(file, { sourcetype, target: first.lastEvent / US });
    const original = await fileLines(file);
    const out = (await shifted(same)).map((l) => l.text);
    // header times after the last event (a Zeek #open written later than the traffic) are held at it
    const times = timesOf(sourcetype, original);
    const kept = (lines: string[]) => lines.filter((_, i) => !('header' in (times[i] ?? {})));
    expect(kept(out)).toEqual(kept(original));
  });
});

describe.each(cases)('%s replay of %s into a store', (sourcetype, file) => {
  let original: DuckDbStore;
  let replayed: DuckDbStore;
  beforeEach(async () => {
    [original, replayed] = [await openDuckDbStore(':memory:'), await openDuckDbStore(':memory:')];
  });
  afterEach(async () => {
    await original.close();
    await replayed.close();
  });

  it('stores the same rows, `_time` moved by the shift', async () => {
    const plan = await planReplay(file, { sourcetype, target: TARGET });
    await ingest([file], { store: original, format: plan.format.name });
    const summary = await replayInto(plan, replayed);
    expect(summary.total.failed).toBe(0);
    const delta = plan.shift / US;
    const rows = async (store: DuckDbStore) =>
      (
        await store.query(
          'SELECT * EXCLUDE (source, host), epoch_us(_time) AS us FROM web ORDER BY us, url, src',
        )
      ).map(({ _time, ...rest }) => rest);
    const [a, b] = [await rows(original), await rows(replayed)];
    expect(a.length).toBeGreaterThan(0);
    expect(b.map((r) => ({ ...r, us: Number(r.us) - delta * US }))).toEqual(
      a.map((r) => ({ ...r, us: Number(r.us) })),
    );
  });
});
