import type { Renderer, WebRequest } from './types.js';
import { zeekSeconds, zeekUid } from './zeek.js';

const str = (key: string, value: string | undefined) =>
  value === undefined ? '' : `,${JSON.stringify(key)}:${JSON.stringify(value)}`;

/** One request as Zeek's JSON writer prints it: compact, unset fields left out, `ts` in epoch seconds. */
function line(r: WebRequest): string {
  return (
    `{"ts":${zeekSeconds(r.micros)},"uid":"${zeekUid(r)}","id.orig_h":"${r.srcIp}","id.orig_p":${r.srcPort}` +
    `,"id.resp_h":"${r.destIp}","id.resp_p":${r.destPort},"trans_depth":1` +
    `${str('method', r.method)}${str('host', r.hostname)}${str('uri', r.url)}${str('referrer', r.referrer)}` +
    `${str('version', r.protocol.replace('HTTP/', ''))}${str('user_agent', r.userAgent)}` +
    `,"request_body_len":${r.bytesIn},"response_body_len":${r.bytesOut},"status_code":${r.status}` +
    `,"tags":[]${str('username', r.user)}` +
    `${r.contentType === undefined ? '' : `,"resp_mime_types":[${JSON.stringify(r.contentType)}]`}}`
  );
}

/** Generated requests as a Zeek JSON http.log (no header lines). */
export const zeekJsonRenderer: Renderer = {
  format: 'zeek-json',
  header: () => [],
  line,
};
