import { randomBytes } from 'node:crypto';
import type { IngestStore } from '../store/index.js';
import { runServed } from './commands.js';
import { removeDiscovery, writeDiscovery } from './discovery.js';
import type { Mutex } from './lock.js';
import { type ApiLog, listenApi } from './server.js';

export { servable } from './client.js';
export { lockedStore, Mutex } from './lock.js';

export interface ServiceApi {
  /** Refuses new requests, answers those in hand; the discovery file stays until `forget`. */
  close(): Promise<void>;
  /** Removes the discovery file: call once the store is closed, so a CLI that finds none opens it itself. */
  forget(): Promise<void>;
}

/**
 * Lets `vigil search`, `runs`, `status`, `detect` and `why` run inside the service while it holds the store: a
 * loopback HTTP API whose port and bearer token are written beside the store (`<store>.serve.json`).
 */
export async function startServiceApi(opts: {
  readonly store: IngestStore;
  readonly lock: Mutex;
  readonly stopping: () => boolean;
  readonly log: ApiLog;
}): Promise<ServiceApi> {
  const token = randomBytes(32).toString('hex');
  const { store, lock } = opts;
  const api = await listenApi({ ...opts, token, handle: (request) => runServed(store, lock, request) });
  try {
    await writeDiscovery(store.path, { pid: process.pid, port: api.port, token });
  } catch (e) {
    await api.close();
    throw e;
  }
  opts.log({ event: 'api_listening', port: api.port });
  return { close: () => api.close(), forget: () => removeDiscovery(store.path) };
}
