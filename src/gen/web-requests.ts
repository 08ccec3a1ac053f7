import { LineBuffer } from './line-buffer.js';
import { Rng } from './random.js';
import type { Renderer, WebRequest } from './render/types.js';
import { backgroundExchange } from './web-traffic.js';

/**
 * Generated web requests (the same background traffic the EVE generator writes: browsing, API calls,
 * WS_FTP look-alikes that never match), rendered in any log format. Deterministic for a seed.
 * Everything written here is generated, not captured.
 */
export interface RequestOptions {
  readonly seed: string;
  /** Stop once this many bytes are written (the last line completes). */
  readonly bytes: number;
  /** Epoch seconds of the first request (default 2023-10-01T00:00:00Z). */
  readonly start?: number;
  /** Requests per second of log time (default 50). */
  readonly rate?: number;
}

export function requestAt(rng: Rng, micros: number): WebRequest {
  const { flow, tx } = backgroundExchange(rng);
  const status = typeof tx.status === 'number' ? tx.status : Number(tx.status ?? 0);
  const request: WebRequest = {
    micros,
    srcIp: flow.srcIp,
    srcPort: flow.srcPort,
    destIp: flow.destIp,
    destPort: flow.destPort,
    method: tx.method,
    url: tx.url,
    protocol: tx.protocol,
    status,
    bytesOut: tx.length,
    bytesIn: tx.method === 'POST' ? rng.range(40, 4000) : 0,
    durationMs: rng.range(1, 900),
    ...(tx.hostname === undefined ? {} : { hostname: tx.hostname }),
    ...(tx.userAgent === undefined ? {} : { userAgent: tx.userAgent }),
    ...(tx.refer === undefined ? {} : { referrer: tx.refer }),
    ...(tx.contentType === undefined ? {} : { contentType: tx.contentType }),
  };
  return request;
}

/** Writes requests in `renderer`'s format to `write` in chunks of whole lines; returns lines and bytes. */
export function renderRequests(
  renderer: Renderer,
  opts: RequestOptions,
  write: (chunk: Uint8Array) => void,
): { requests: number; bytes: number } {
  const rng = new Rng(opts.seed);
  const stepMicros = 1e6 / (opts.rate ?? 50);
  let micros = Math.round((opts.start ?? Date.UTC(2023, 9, 1) / 1000) * 1e6);
  const out = new LineBuffer(write);
  for (const line of renderer.header(micros)) out.push(line);
  let requests = 0;
  while (out.bytes < opts.bytes) {
    for (let i = 0; i < 10_000; i++) {
      out.push(renderer.line(requestAt(rng, micros)));
      micros += Math.floor(stepMicros * (0.5 + rng.float()));
    }
    requests += 10_000;
    out.flush();
  }
  return { requests, bytes: out.bytes };
}
