import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CLI_ROUTE, type CliReply, CliRequest, SERVED_COMMANDS } from './protocol.js';

const MAX_BODY_BYTES = 1 << 20;

export type ApiLog = (entry: { readonly event: string } & Record<string, unknown>) => void;

export interface ApiOptions {
  readonly token: string;
  /** Runs one allowed command; called only for requests with the token. */
  readonly handle: (request: CliRequest) => Promise<CliReply>;
  /** True once the service stops: new requests are refused (503), those already in hand finish. */
  readonly stopping: () => boolean;
  readonly log: ApiLog;
}

export interface ListeningApi {
  readonly port: number;
  /** Stops listening, waits for the requests in hand to be answered; calling it again waits for the same. */
  close(): Promise<void>;
}

/** The service's HTTP API, on loopback only, on a port the OS picks. */
export async function listenApi(opts: ApiOptions): Promise<ListeningApi> {
  const inHand = new Set<Promise<void>>();
  const server = createServer((req, res) => {
    res.setHeader('Connection', 'close');
    const answering = answer(req, res, opts).catch((e: Error) => send(res, 500, { error: e.message }));
    inHand.add(answering);
    void answering.finally(() => inHand.delete(answering));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  let closing: Promise<void> | undefined;
  const close = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    await Promise.allSettled([...inHand]);
    server.closeIdleConnections();
    await closed;
  };
  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      closing ??= close();
      return closing;
    },
  };
}

async function answer(req: IncomingMessage, res: ServerResponse, opts: ApiOptions): Promise<void> {
  const started = Date.now();
  if (req.method !== 'POST' || req.url !== CLI_ROUTE)
    return send(res, 404, { error: `no such route: ${req.method} ${req.url}` });
  if (!authorised(req.headers.authorization, opts.token)) {
    opts.log({ event: 'api_refused', status: 401 });
    return send(res, 401, { error: 'missing or wrong bearer token' });
  }
  if (opts.stopping()) return send(res, 503, { error: 'vigil serve is stopping' });
  const parsed = CliRequest.safeParse(await readJson(req));
  if (!parsed.success) return send(res, 400, { error: 'expected {command, values, positionals, cwd}' });
  const request = parsed.data;
  if (!(SERVED_COMMANDS as readonly string[]).includes(request.command)) {
    const message = `vigil ${request.command}: needs the store to itself: stop vigil serve first (only ${SERVED_COMMANDS.join(', ')} run through it)`;
    return send(res, 400, { code: 2, out: [], err: [message] } satisfies CliReply);
  }
  const reply = await opts.handle(request);
  opts.log({ event: 'api', command: request.command, code: reply.code, ms: Date.now() - started });
  send(res, 200, reply);
}

function authorised(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The request's JSON body, or undefined when it is not JSON or too large. */
async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}
