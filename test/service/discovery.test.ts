import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  discoveryPath,
  readDiscovery,
  removeDiscovery,
  writeDiscovery,
} from '../../src/service/discovery.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'vigil-discovery-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// a process that has exited: its pid is free
const deadPid = spawnSync(process.execPath, ['-e', '0']).pid;

describe('the discovery file beside the store', () => {
  it.each([
    ['no file', undefined],
    ['not JSON', 'not json'],
    ['fields missing', JSON.stringify({ pid: process.pid })],
    ['a process that is gone', JSON.stringify({ pid: deadPid, port: 1, token: 'x' })],
  ])('%s: no service', async (_name, text) => {
    const store = join(dir, `${_name}.duckdb`);
    if (text !== undefined) writeFileSync(discoveryPath(store), text);
    expect(await readDiscovery(store)).toBeUndefined();
  });

  it('is written for its user only, read back while its process lives, and removed', async () => {
    const store = join(dir, 'live.duckdb');
    writeFileSync(discoveryPath(store), 'left by a killed service', { mode: 0o644 });
    const d = { pid: process.pid, port: 4242, token: 'generated' };
    await writeDiscovery(store, d);
    expect(statSync(discoveryPath(store)).mode & 0o777).toBe(0o600);
    expect(await readDiscovery(store)).toEqual(d);
    await removeDiscovery(store);
    expect(await readDiscovery(store)).toBeUndefined();
  });

  it('a stale file does not stop the CLI from opening the store itself', async () => {
    const store = join(dir, 'stale.duckdb');
    writeFileSync(discoveryPath(store), JSON.stringify({ pid: deadPid, port: 1, token: 'x' }));
    const r = await runCli(dir, 'runs', '--store', store, '--format', 'json');
    expect(r).toEqual({ code: 0, out: '', err: '' });
  });
});
