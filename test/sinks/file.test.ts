import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliverDue, enqueue, fileLine, fileSink, type OutboxEntry } from '../../src/sinks/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/types.js';
import { generatedAlerts } from './helpers.js';

const T0 = 1_700_000_000;

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-file-sink-'));
  store = await openStore(':memory:');
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Generated entries whose lines are all the same length (keys differ only in digits). */
function entries(n: number): OutboxEntry[] {
  return Array.from({ length: n }, (_, i) => ({
    key: `key-${String(i).padStart(4, '0')}`,
    kind: 'notable',
    payload: { _time: T0 + i, event_id: `key-${String(i).padStart(4, '0')}` },
    created: T0,
    attempts: 0,
  }));
}

/** Lines of `path`, `path.1`, … oldest first. */
function linesOf(path: string, keep: number): string[] {
  const files = [...Array.from({ length: keep }, (_, i) => `${path}.${keep - i}`), path].filter(existsSync);
  return files.flatMap((f) => readFileSync(f, 'utf8').split('\n').filter(Boolean));
}

const LINE_BYTES = Buffer.byteLength(fileLine(entries(1)[0] as OutboxEntry));

const keysOf = (lines: string[]) =>
  lines.map((l) => (JSON.parse(l) as { idempotency_key: string }).idempotency_key);

describe('file sink', () => {
  it('rotates by size, keeps every line whole and in order', async () => {
    const path = join(dir, 'alerts.jsonl');
    const sink = fileSink({ path, maxBytes: LINE_BYTES * 4, keep: 20 });
    const results = await sink.send(entries(30));
    expect(results.every((r) => r.status === 'delivered')).toBe(true);
    expect(keysOf(linesOf(path, 20))).toEqual(entries(30).map((e) => e.key));
    expect(readFileSync(`${path}.1`, 'utf8').length).toBe(LINE_BYTES * 4);
    expect(readFileSync(path, 'utf8').split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('keeps only N rotated files, holding the newest lines without a gap', async () => {
    expect(new Set(entries(30).map((e) => Buffer.byteLength(fileLine(e)))).size).toBe(1);
    const path = join(dir, 'alerts.jsonl');
    const sink = fileSink({ path, maxBytes: LINE_BYTES * 4, keep: 2 });
    await sink.send(entries(15));
    await sink.send(entries(30).slice(15));
    expect([path, `${path}.1`, `${path}.2`].every(existsSync)).toBe(true);
    expect(existsSync(`${path}.3`)).toBe(false);
    expect(keysOf(linesOf(path, 5))).toEqual(
      entries(30)
        .slice(20)
        .map((e) => e.key),
    );
  });

  it('writes alerts from the outbox as JSON lines with their idempotency key', async () => {
    const path = join(dir, 'out', 'alerts.jsonl');
    const sink = fileSink({ path });
    const { notables, risks } = generatedAlerts(1);
    await enqueue(store, [...notables, ...risks], [sink], T0);
    expect(await deliverDue(store, [sink], T0)).toEqual([
      { sink: 'file', delivered: 2, retried: 0, failed: 0 },
    ]);
    const lines = readFileSync(path, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.idempotency_key, l.kind])).toEqual([
      [notables[0]?.key, 'notable'],
      [risks[0]?.key, 'risk'],
    ]);
    expect(lines[0].alert.event_id).toBe(notables[0]?.key);
  });
});
