import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { compileEntry } from '../helpers/compile.js';
import { httpLine, range, storedLineNumbers } from './helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
// compiled beside the project's node_modules so that the child resolves its packages and data folder
let childScript = '';
let removeBuild = () => {};
const LINES = 600;
const KILLS = 8;

const work = mkdtempSync(join(tmpdir(), 'vigil-crash-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  removeBuild();
});

/** Compiles child.ts and what it imports (only that: faster than the whole project). */
beforeAll(async () => {
  const built = await compileEntry('vigil-follow-crash', join(ROOT, 'test', 'follow', 'child.ts'));
  childScript = built.file;
  removeBuild = built.remove;
}, 120_000);

/** A seeded generator (mulberry32), so a failing run can be repeated with the same kill moments. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Child {
  readonly process: ChildProcess;
  readonly exited: Promise<number | null>;
  batches: number;
}

function startChild(store: string, idleExitMs: number, input: string): Child {
  const proc = spawn(process.execPath, [childScript, store, String(idleExitMs), input], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const child: Child = { process: proc, exited: new Promise((r) => proc.on('exit', r)), batches: 0 };
  proc.stdout?.on('data', (d: Buffer) => {
    child.batches += String(d)
      .split('\n')
      .filter((l) => l.startsWith('batch')).length;
  });
  return child;
}

async function firstBatch(child: Child): Promise<void> {
  for (let waited = 0; child.batches === 0 && waited < 10_000; waited += 10) await sleep(10);
}

/** Appends the generated lines, some in two writes (a half-written line meanwhile), rotating once. */
async function writeLines(logs: string, next: () => number): Promise<void> {
  const eve = join(logs, 'eve.json');
  for (let i = 0; i < LINES; i++) {
    if (i === LINES / 2) renameSync(eve, `${eve}.1`);
    const line = httpLine(i);
    if (next() < 0.2) {
      const cut = 1 + Math.floor(next() * (line.length - 2));
      appendFileSync(eve, line.slice(0, cut));
      await sleep(3);
      appendFileSync(eve, line.slice(cut));
    } else appendFileSync(eve, line);
    if (i % 3 === 0) await sleep(30 + next() * 40);
  }
}

describe('follow across kill -9', () => {
  it('stores every line exactly once after repeated SIGKILLs and a final run', async () => {
    const next = random(20240201);
    const logs = join(work, 'logs');
    mkdirSync(logs);
    const store = join(work, 'store.duckdb');
    const writing = writeLines(logs, next);
    const killedWhileWorking: number[] = [];
    for (let k = 0; k < KILLS; k++) {
      const child = startChild(store, 0, logs);
      // every other kill lands anywhere from start-up on (opening the store, replaying its log)
      if (k % 2 === 0) await sleep(next() * 1500);
      else await firstBatch(child).then(() => sleep(next() * 200));
      child.process.kill('SIGKILL');
      expect(await child.exited).toBeNull();
      if (child.batches > 0) killedWhileWorking.push(k);
    }
    await writing;
    const last = startChild(store, 1500, logs);
    expect(await last.exited).toBe(0);
    const opened = await openStore(store);
    try {
      expect(await storedLineNumbers(opened)).toEqual(range(0, LINES));
    } finally {
      await opened.close();
    }
    // half the kills land while lines are being read, not before a child got going
    expect(killedWhileWorking.length).toBeGreaterThanOrEqual(KILLS / 2);
  }, 60_000);
});
