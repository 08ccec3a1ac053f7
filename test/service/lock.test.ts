import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureModelTables } from '../../src/jobs/tables.js';
import { runServed } from '../../src/service/commands.js';
import { lockedStore, Mutex } from '../../src/service/lock.js';
import { type IngestStore, openStore } from '../../src/store/index.js';
import { appendStored } from '../helpers/store.js';

describe('Mutex', () => {
  it('runs sections one at a time in the order they asked, and a failing one lets the next in', async () => {
    const lock = new Mutex();
    const seen: string[] = [];
    const section = (name: string, ms: number, fail = false) =>
      lock.run(async () => {
        seen.push(`${name}+`);
        await sleep(ms);
        seen.push(`${name}-`);
        if (fail) throw new Error(name);
      });
    const results = await Promise.allSettled([section('a', 30), section('b', 1, true), section('c', 10)]);
    expect(seen).toEqual(['a+', 'a-', 'b+', 'b-', 'c+', 'c-']);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });
});

// generated rows: only _time is set
const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ _time: 1_700_000_000 + i }));

describe('a command run inside the service', () => {
  let store: IngestStore;
  let lock: Mutex;
  beforeEach(async () => {
    lock = new Mutex();
    store = await openStore(':memory:');
    await ensureModelTables(store);
  });
  afterEach(() => store.close());

  const count = () =>
    runServed(store, lock, {
      command: 'search',
      values: { format: 'json' },
      positionals: ['| tstats count from datamodel=Web'],
      cwd: process.cwd(),
    });

  it('waits for the transaction in progress instead of reading its uncommitted rows', async () => {
    let finish = () => {};
    const gate = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const batch = lock.run(() =>
      store.transaction(async () => {
        await appendStored(store, 'Web', undefined, rows(3));
        await gate;
        throw new Error('rolled back');
      }),
    );
    let answered = false;
    const served = count().then((r) => {
      answered = true;
      return r;
    });
    await sleep(300);
    expect(answered).toBe(false);
    finish();
    await expect(batch).rejects.toThrow('rolled back');
    expect(await served).toEqual({ code: 0, out: ['{"count":0}'], err: [] });
    await lock.run(() => store.transaction(() => appendStored(store, 'Web', undefined, rows(2))));
    expect((await count()).out).toEqual(['{"count":2}']);
  });

  it('reports a usage error as vigil does, exit code 2', async () => {
    const r = await runServed(store, lock, { command: 'search', values: {}, positionals: [], cwd: '.' });
    expect(r.code).toBe(2);
    expect(r.err[0]).toMatch(/^vigil search: give the search as one quoted argument\n\nusage: vigil search/);
  });

  it('the outbox view takes the lock per statement', async () => {
    const view = lockedStore(store, lock);
    const release = await lock.acquire();
    let done = false;
    const query = view.query('SELECT 1 AS one').then((r) => {
      done = true;
      return r;
    });
    await sleep(50);
    expect(done).toBe(false);
    release();
    expect(await query).toEqual([{ one: 1 }]);
  });
});
