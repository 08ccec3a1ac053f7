import { apacheRenderer } from './apache.js';
import { iisRenderer } from './iis.js';
import { nginxKvRenderer } from './nginx-kv.js';
import { panRenderer } from './pan.js';
import { streamHttpRenderer } from './stream-http.js';
import type { Renderer } from './types.js';
import { zeekRenderer } from './zeek.js';
import { zeekJsonRenderer } from './zeek-json.js';

export type { Renderer, WebRequest } from './types.js';

/** A renderer for each text and JSON format besides Suricata (which has its own generator). */
export const RENDERERS: readonly Renderer[] = [
  zeekRenderer,
  zeekJsonRenderer,
  iisRenderer,
  apacheRenderer,
  nginxKvRenderer,
  panRenderer,
  streamHttpRenderer,
];
