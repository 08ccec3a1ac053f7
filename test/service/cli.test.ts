import { copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Discovery, discoveryPath, readDiscovery } from '../../src/service/discovery.js';
import { buildCli, type Service, startServe, vigil, waitFor } from './helpers.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'ws-ftp.eve.json');
const WS_FTP = 'WS FTP Remote Code Execution';

let program = '';
let removeBuild = () => {};
let dir = '';
let store = '';
let service: Service;

beforeAll(async () => {
  ({ program, remove: removeBuild } = await buildCli('cli'));
  dir = await mkdtemp(join(tmpdir(), 'vigil-service-cli-'));
  store = join(dir, 'vigil.duckdb');
  await mkdir(join(dir, 'logs'));
  await copyFile(EXAMPLE, join(dir, 'logs', 'eve.json'));
  await writeFile(
    join(dir, 'vigil.yml'),
    'store: vigil.duckdb\ninputs: [{ path: logs }]\nschedule: { poll_ms: 50 }\n',
  );
  service = startServe(program, dir, join(dir, 'vigil.yml'));
  await waitFor(() => service.log().find((e) => e.event === 'ingested'));
}, 120_000);

afterAll(async () => {
  service.process.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
  removeBuild();
});

const apiEvents = (command: string) =>
  service.log().filter((e) => e.event === 'api' && e.command === command);

async function post(
  d: Discovery,
  body: unknown,
  token = d.token,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`http://127.0.0.1:${d.port}/cli`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

describe('the CLI while vigil serve holds the store', () => {
  it('writes a discovery file beside the store, readable by its user only', async () => {
    const d = await readDiscovery(store);
    expect(d).toMatchObject({ pid: service.process.pid, port: expect.any(Number) });
    expect(d?.token).toMatch(/^[0-9a-f]{64}$/);
    expect((await stat(discoveryPath(store))).mode & 0o777).toBe(0o600);
  });

  it('vigil status answers through the service', async () => {
    const r = await vigil(program, dir, 'status', '--store', store, '--format', 'json');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(r.out).inputs).toMatchObject([
      { path: join(dir, 'logs', 'eve.json'), lines: 11, lagBytes: 0 },
    ]);
    expect(apiEvents('status')).toEqual([expect.objectContaining({ code: 0, ms: expect.any(Number) })]);
  });

  it('vigil search runs the tstats over the stored rows', async () => {
    const r = await vigil(program, dir, 'search', '| tstats count from datamodel=Web', '--store', store);
    expect(r.code).toBe(0);
    expect(r.out.trim().split('\n').at(-1)?.trim()).toBe('8');
    expect(apiEvents('search')).toHaveLength(1);
  });

  it('vigil detect raises the notables of the example and stores them in the service', async () => {
    const args = ['detect', '--detection', WS_FTP, '--all-time', '--format', 'json', '--store', store];
    const r = await vigil(program, dir, ...args);
    expect(r.code).toBe(0);
    const events = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const notables = events.filter((e) => e.index === 'notable');
    expect(notables.map((n) => n.dest).sort()).toEqual(['10.0.1.20', '10.0.1.21']);
    expect(notables[0]).toMatchObject({ rule_title: WS_FTP });
  });

  it('vigil why explains a detection over the stored rows', async () => {
    const r = await vigil(
      program,
      dir,
      'why',
      WS_FTP,
      '--earliest',
      '0',
      '--latest',
      'now',
      '--store',
      store,
    );
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/fires/);
    expect(apiEvents('why')).toHaveLength(1);
  });

  it('vigil runs lists the runs the service recorded', async () => {
    const out = await waitFor(async () => {
      const r = await vigil(program, dir, 'runs', '--store', store, '--format', 'json');
      return r.code === 0 && r.out.trim() ? r.out : undefined;
    });
    const runs = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(runs.map((r) => r.detectionName)).toContain(WS_FTP);
    expect(runs.every((r) => r.error === null)).toBe(true);
  });

  it.each([
    ['no token', ''],
    ['a wrong token', 'f'.repeat(64)],
  ])('refuses a request with %s (401)', async (_name, token) => {
    const d = (await readDiscovery(store)) as Discovery;
    const r = await post(d, { command: 'status', values: {}, positionals: [], cwd: dir }, token);
    expect(r.status).toBe(401);
  });

  it('refuses commands that need the store to themselves', async () => {
    const d = (await readDiscovery(store)) as Discovery;
    const r = await post(d, { command: 'ingest', values: {}, positionals: ['x'], cwd: dir });
    expect(r).toMatchObject({
      status: 400,
      body: { code: 2, err: [expect.stringMatching(/stop vigil serve/)] },
    });
    const ingest = await vigil(program, dir, 'ingest', EXAMPLE, '--store', store);
    expect(ingest.code).toBe(1);
    expect(ingest.err).toContain(
      `is in use by another process (PID ${service.process.pid}), probably vigil serve`,
    );
  });

  it('SIGTERM: a request in hand is answered, a new command waits and reads the store itself; exit 0', async () => {
    const d = (await readDiscovery(store)) as Discovery;
    const body = {
      command: 'search',
      values: {},
      positionals: ['| tstats count from datamodel=Web'],
      cwd: dir,
    };
    const inHand = post(d, body);
    // the search's content takes the service about a second to load: the request is in hand by then
    await new Promise((r) => setTimeout(r, 200));
    service.process.kill('SIGTERM');
    const later = vigil(program, dir, 'status', '--store', store, '--format', 'json');
    const [answered, code, status] = await Promise.all([inHand, service.exited, later]);
    expect(answered).toMatchObject({ status: 200, body: { code: 0 } });
    expect((answered.body as { out: string[] }).out.join('\n').trim().split('\n').at(-1)?.trim()).toBe('8');
    expect(code).toBe(0);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.out).inputs).toMatchObject([{ lines: 11 }]);
    await expect(readFile(discoveryPath(store))).rejects.toThrow(/ENOENT/);
    const log = service.log();
    expect(log.every((e) => typeof e.time === 'string' && typeof e.event === 'string')).toBe(true);
    expect(log.at(-1)?.event).toBe('stopped');
    expect(apiEvents('search')).toHaveLength(2);
    expect(apiEvents('status')).toHaveLength(1);
  });
});
