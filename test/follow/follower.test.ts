import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Follower } from '../../src/follow/follower.js';
import { type IngestStore, openStore } from '../../src/store/index.js';
import { httpLine, httpLines, range, storedLineNumbers } from './helpers.js';

const root = mkdtempSync(join(tmpdir(), 'vigil-follow-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let dir: string;
let store: IngestStore;
let followers: Follower[];
beforeEach(async () => {
  dir = mkdtempSync(join(root, 'case-'));
  store = await openStore(':memory:');
  followers = [];
});
afterEach(async () => {
  for (const f of followers) await f.close();
  await store.close();
});

function follower(...inputs: string[]): Follower {
  const f = new Follower(inputs, { store, host: 'vigil-test' });
  followers.push(f);
  return f;
}

describe('Follower rounds', () => {
  it('picks up appended lines, each once', async () => {
    const eve = join(dir, 'eve.json');
    writeFileSync(eve, httpLines(0, 5));
    const f = follower(eve);
    expect((await f.round())?.total.linesRead).toBe(5);
    expect(await f.round()).toBeNull();
    appendFileSync(eve, httpLines(5, 9));
    expect((await f.round())?.total.linesRead).toBe(4);
    expect(await storedLineNumbers(store)).toEqual(range(0, 9));
  });

  it('reads a half-written last line only once it is complete', async () => {
    const eve = join(dir, 'eve.json');
    const next = httpLine(1);
    writeFileSync(eve, httpLine(0) + next.slice(0, 40));
    const f = follower(eve);
    await f.round();
    expect(await storedLineNumbers(store)).toEqual([0]);
    appendFileSync(eve, next.slice(40, 90));
    await f.round();
    expect(await storedLineNumbers(store)).toEqual([0]);
    appendFileSync(eve, next.slice(90) + httpLine(2));
    await f.round();
    expect(await storedLineNumbers(store)).toEqual([0, 1, 2]);
  });

  it('reads a complete last line before its newline once, not again when the newline comes', async () => {
    const eve = join(dir, 'eve.json');
    writeFileSync(eve, httpLine(0) + httpLine(1).trimEnd());
    const f = follower(eve);
    await f.round();
    appendFileSync(eve, `\n${httpLine(2)}`);
    await f.round();
    expect(await storedLineNumbers(store)).toEqual([0, 1, 2]);
  });

  it('after a rename rotation reads the old file to its end, then the new one from its start', async () => {
    const eve = join(dir, 'eve.json');
    writeFileSync(eve, httpLines(0, 10));
    const f = follower(eve);
    await f.round();
    appendFileSync(eve, httpLines(10, 15));
    renameSync(eve, `${eve}.1`);
    writeFileSync(eve, httpLines(15, 20));
    await f.round();
    appendFileSync(eve, httpLines(20, 22));
    await f.round();
    await f.round();
    expect(await storedLineNumbers(store)).toEqual(range(0, 22));
  });

  it('reads the rest of a rotated file again found under a followed glob only once', async () => {
    const eve = join(dir, 'eve.json');
    writeFileSync(eve, httpLines(0, 10));
    const f = follower(join(dir, 'eve.json*'));
    await f.round();
    appendFileSync(eve, httpLines(10, 12));
    renameSync(eve, `${eve}.1`);
    writeFileSync(eve, httpLines(12, 14));
    await f.round();
    await f.round();
    expect(await storedLineNumbers(store)).toEqual(range(0, 14));
  });

  it('reads what was written to a file before it was deleted', async () => {
    const eve = join(dir, 'eve.json');
    writeFileSync(eve, httpLines(0, 3));
    const f = follower(eve);
    await f.round();
    appendFileSync(eve, httpLines(3, 6));
    rmSync(eve);
    await f.round();
    expect(await f.round()).toBeNull();
    expect(await storedLineNumbers(store)).toEqual(range(0, 6));
  });

  it('starts again from 0 after a truncation', async () => {
    const eve = join(dir, 'eve.json');
    writeFileSync(eve, httpLines(0, 8));
    const f = follower(eve);
    await f.round();
    truncateSync(eve, 0);
    await f.round();
    appendFileSync(eve, httpLines(8, 11));
    await f.round();
    expect(await storedLineNumbers(store)).toEqual(range(0, 11));
  });

  it.each([
    ['a folder', (d: string) => d],
    ['a glob', (d: string) => join(d, '**', '*.json')],
    ['a glob ending in **', (d: string) => join(d, '**')],
  ])('picks up a file that appears later in %s', async (_name, input) => {
    const logs = join(dir, 'logs');
    const f = follower(input(logs));
    expect(await f.round()).toBeNull();
    mkdirSync(join(logs, 'sensor-1'), { recursive: true });
    writeFileSync(join(logs, 'sensor-1', 'eve.json'), httpLines(0, 4));
    await f.round();
    writeFileSync(join(logs, 'eve.json'), httpLines(4, 6));
    await f.round();
    expect(await storedLineNumbers(store)).toEqual(range(0, 6));
  });

  it('follows a file named before it exists', async () => {
    const eve = join(dir, 'later.json');
    const f = follower(eve);
    expect(await f.round()).toBeNull();
    writeFileSync(eve, httpLines(0, 2));
    expect((await f.round())?.files.map((r) => r.file)).toEqual([eve]);
    expect(await storedLineNumbers(store)).toEqual([0, 1]);
  });
});
