import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildNotable, buildRiskEvents } from '../../src/alerting/index.js';
import { alertsOf } from '../../src/sinks/alert.js';
import type { Alert } from '../../src/sinks/types.js';
import { WS_FTP_ROW, WS_FTP_RUN, wsFtpDetection } from '../alerting/ws-ftp-fixture.js';

/** `n` generated WS FTP notables (distinct GUIDs, dest 10.0.1.<i>) and their risk events. */
export function generatedAlerts(n: number): { notables: Alert[]; risks: Alert[] } {
  const d = wsFtpDetection();
  const rows = Array.from({ length: n }, (_, i) => ({ ...WS_FTP_ROW, dest: `10.0.1.${i + 1}` }));
  const ctx = (i: number) => ({
    ...WS_FTP_RUN,
    newId: () => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  });
  const notables = rows.map((r, i) => buildNotable(d, r, ctx(i)));
  const risks = rows.flatMap((r, i) => buildRiskEvents(d, r, ctx(i)));
  return { notables: alertsOf({ notables, risks: [] }), risks: alertsOf({ notables: [], risks }) };
}

export interface Received {
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** What the receiver does with the n-th request (0-based): answer a status and body, or never answer. */
export type Behaviour = (n: number, req: Received) => { status: number; body?: string } | 'hang';

/** A real HTTP server on 127.0.0.1 that records every request and answers per `behaviour`. */
export class Receiver {
  readonly requests: Received[] = [];
  private server: Server | null = null;

  constructor(private behaviour: Behaviour = () => ({ status: 200 })) {}

  /** Starts listening on `port` (0 = a random free one); resolves to the port. */
  async start(port = 0): Promise<number> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const received = { url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString() };
        const answer = this.behaviour(this.requests.length, received);
        this.requests.push(received);
        if (answer === 'hang') return;
        res.writeHead(answer.status, { 'Content-Type': 'application/json' }).end(answer.body ?? '{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    this.server = server;
    return (server.address() as AddressInfo).port;
  }

  setBehaviour(behaviour: Behaviour): void {
    this.behaviour = behaviour;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server === null) return;
    this.server = null;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** A loopback port nothing listens on (found by listening, then closing). */
export async function freePort(): Promise<number> {
  const r = new Receiver();
  const port = await r.start();
  await r.stop();
  return port;
}
