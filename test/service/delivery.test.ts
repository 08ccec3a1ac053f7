import { appendFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, verifySignature } from '../../src/sinks/index.js';
import { type Received, Receiver } from '../sinks/helpers.js';
import { buildCli, type Service, startServe, vigil, waitFor } from './helpers.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'ws-ftp.eve.json');
const SECRET = 'generated-test-secret';

let program = '';
let removeBuild = () => {};
let dir = '';
let service: Service | undefined;
const receiver = new Receiver();

beforeAll(async () => {
  ({ program, remove: removeBuild } = await buildCli('delivery'));
  dir = await mkdtemp(join(tmpdir(), 'vigil-service-delivery-'));
}, 120_000);

afterAll(async () => {
  service?.process.kill('SIGKILL');
  await receiver.stop();
  await rm(dir, { recursive: true, force: true });
  removeBuild();
});

const kindOf = (r: Received) => (JSON.parse(r.body) as { kind: string }).kind;
const keyOf = (r: Received) => String(r.headers[IDEMPOTENCY_HEADER.toLowerCase()]);

/** The example's exploitation line (POST /AHT/AhtApiService.asmx/AuthUser → 200), stamped now: generated. */
async function exploitationLineNow(): Promise<string> {
  const line = (await readFile(EXAMPLE, 'utf8')).split('\n').find((l) => l.includes('AuthUser')) as string;
  const now = new Date().toISOString().replace('Z', '+0000');
  return line.replace(/"timestamp":"[^"]+"/, `"timestamp":"${now}"`);
}

describe('vigil serve delivering to a webhook', () => {
  it('a notable from a line appended to a followed file reaches a receiver that refuses it first, exactly once, signed', async () => {
    // the first notable is refused (500), everything else accepted
    let refusedKey: string | undefined;
    const accepted: Received[] = [];
    receiver.setBehaviour((_n, req) => {
      if (refusedKey === undefined && kindOf(req) === 'notable') {
        refusedKey = keyOf(req);
        return { status: 500, body: 'generated failure' };
      }
      accepted.push(req);
      return { status: 200 };
    });
    const port = await receiver.start();
    await mkdir(join(dir, 'logs'));
    await writeFile(join(dir, 'logs', 'eve.json'), '');
    const config = `store: vigil.duckdb
inputs: [{ path: logs }]
schedule: { poll_ms: 50 }
sinks:
  - { type: webhook, url: "http://127.0.0.1:${port}/hook", secret_env: VIGIL_TEST_WEBHOOK_SECRET, timeout_ms: 2000 }
`;
    await writeFile(join(dir, 'vigil.yml'), config);
    service = startServe(program, dir, join(dir, 'vigil.yml'), { VIGIL_TEST_WEBHOOK_SECRET: SECRET });
    // appended once the service has read what the inputs held: a new batch, which the real-time runs see
    await waitFor(() => service?.log().find((e) => e.event === 'ready'));
    await appendFile(join(dir, 'logs', 'eve.json'), `${await exploitationLineNow()}\n`);

    // the refused notable is retried after the first backoff (5 s)
    await waitFor(() => accepted.find((r) => keyOf(r) === refusedKey), 30_000);
    const outbox = await waitFor(async () => {
      const r = await vigil(program, dir, 'status', '--format', 'json', '--store', join(dir, 'vigil.duckdb'));
      const o = JSON.parse(r.out).outbox as { state: string; count: number }[];
      return o.every((e) => e.state === 'delivered') ? o : undefined;
    });
    await sleep(500);
    service.process.kill('SIGTERM');
    expect(await service.exited).toBe(0);

    expect(receiver.requests.filter((r) => keyOf(r) === refusedKey)).toHaveLength(2);
    const keys = accepted.map(keyOf);
    expect(new Set(keys).size).toBe(keys.length);
    expect(outbox).toEqual([{ sink: 'webhook', state: 'delivered', count: keys.length }]);
    for (const r of receiver.requests)
      expect(verifySignature(r.body, String(r.headers[SIGNATURE_HEADER.toLowerCase()]), SECRET)).toBe(true);
    const bodies = accepted.map((r) => JSON.parse(r.body));
    expect(bodies.every((b, i) => b.idempotency_key === keys[i])).toBe(true);
    expect(bodies).toContainEqual(
      expect.objectContaining({
        kind: 'notable',
        alert: expect.objectContaining({
          rule_title: 'WS FTP Remote Code Execution',
          orig_sid: expect.stringMatching(/^realtime__/),
        }),
      }),
    );
  }, 90_000);
});
