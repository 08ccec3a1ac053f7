import { parseRequest, quotedEnd, type Request, unlessBlank } from './access-line.js';
import { ACCESS_TIME_LENGTH } from './access-time.js';
import type { LineParser, ParsedLine } from './types.js';

/**
 * NCSA access-log lines as Apache and nginx write them, read into the fields Splunk's `access-extractions`
 * names (clientip, ident, user, req_time, method, uri, uri_path, uri_query, version, status, bytes,
 * referer, useragent, cookie) plus the virtual host of vhost formats:
 *
 *   [vhost[:port] | X-Forwarded-For list] client ident user [time] "request" status bytes
 *     ["referer" "user agent" ["cookie"]] [anything else]
 *
 * Each line records the sourcetype of its shape: access_common, access_combined or
 * access_combined_wcookie (a third quoted field holding a cookie).
 */

interface Head {
  readonly clientip: string;
  /** `%v[:%p]` as written, its host and its port. */
  readonly site: string | undefined;
  readonly vhost: string | undefined;
  readonly port: string | undefined;
  readonly ident: string;
  readonly user: string;
}

interface Tail {
  readonly request: Request;
  readonly status: string;
  readonly bytes: string;
  /** The quoted fields after the size: referer, user agent, a third one. */
  readonly quoted: readonly string[];
}

const reject = (reason: string): ParsedLine => ({ reject: reason });

/** The client part before `ident user`: the client, after an optional vhost or X-Forwarded-For list. */
function clientOf(tokens: readonly string[]): { client: string; vhost?: string } | undefined {
  const n = tokens.length;
  const head = tokens[0];
  if (head === undefined || head === '') return undefined;
  if (n === 1) return { client: head };
  let i = 0;
  // a proxy chain logged before the client: quoted, or addresses each followed by a comma
  if (head.startsWith('"')) while (i < n && !(tokens[i] as string).endsWith('"')) i++;
  else if (head.endsWith(',')) while (i < n && (tokens[i] as string).endsWith(',')) i++;
  else return n === 2 ? { client: tokens[1] as string, vhost: head } : undefined;
  i++;
  if (i === n) return { client: (tokens[n - 1] as string).replace(/"$/, '') };
  return i === n - 1 ? { client: tokens[n - 1] as string } : undefined;
}

/** `%v` or `%v:%p` → the host and the port when one is given. */
function splitVhost(vhost: string): [string, string | undefined] {
  const colon = vhost.indexOf(':');
  const port = colon < 0 ? '' : vhost.slice(colon + 1);
  return colon > 0 && /^\d+$/.test(port) ? [vhost.slice(0, colon), port] : [vhost, undefined];
}

/** The quoted fields after `status bytes` (referer, user agent, cookie), up to three. */
function trailingQuoted(line: string, from: number): string[] {
  const found: string[] = [];
  let at = from;
  while (found.length < 3 && line.charCodeAt(at) === 32 && line.charCodeAt(at + 1) === 34) {
    const end = quotedEnd(line, at + 1);
    if (end < 0) break;
    found.push(line.slice(at + 2, end));
    at = end + 1;
  }
  return found;
}

/**
 * A third quoted field is the cookie of access_combined_wcookie when it holds `name=value`; otherwise
 * (`-`, an address list) it is another trailing field, such as nginx's `"$http_x_forwarded_for"`.
 */
function cookieOf(quoted: readonly string[]): string | undefined {
  const third = quoted[2];
  return third?.includes('=') ? third : undefined;
}

function sourcetypeOf(quoted: number, cookie: string | undefined): string {
  if (cookie !== undefined) return 'access_combined_wcookie';
  return quoted >= 2 ? 'access_combined' : 'access_common';
}

/** What precedes `[time]`: the client (after any vhost or proxy list), ident and user. */
function headOf(line: string, open: number): Head | string {
  const tokens = line.slice(0, open).split(' ');
  if (tokens.length < 3) return 'not an access log line: fewer than three fields before [time]';
  const user = tokens.pop() as string;
  const ident = tokens.pop() as string;
  const client = clientOf(tokens);
  if (client === undefined) return 'not an access log line: unexpected fields before [time]';
  const [vhost, port] = client.vhost === undefined ? [undefined, undefined] : splitVhost(client.vhost);
  return { clientip: client.client, site: client.vhost, vhost, port, ident, user };
}

/** What follows `[time] `: `"request" status size` and the quoted fields after them. */
function tailOf(line: string, quote: number): Tail | string {
  if (line.charCodeAt(quote - 1) !== 32 || line.charCodeAt(quote) !== 34)
    return 'not an access log line: no quoted request after [time]';
  const requestEnd = quotedEnd(line, quote);
  if (requestEnd < 0) return 'request not closed by a quote';
  const statusEnd = line.indexOf(' ', requestEnd + 2);
  if (line.charCodeAt(requestEnd + 1) !== 32 || statusEnd < 0)
    return 'not an access log line: no status and size after the request';
  const status = line.slice(requestEnd + 2, statusEnd);
  if (!/^\d{3}$/.test(status)) return `status is not a 3-digit code: ${JSON.stringify(status)}`;
  const bytesEnd = line.indexOf(' ', statusEnd + 1);
  const bytes = line.slice(statusEnd + 1, bytesEnd < 0 ? line.length : bytesEnd);
  if (bytes !== '-' && !/^\d+$/.test(bytes)) return `size is not a number: ${JSON.stringify(bytes)}`;
  const quoted = bytesEnd < 0 ? [] : trailingQuoted(line, bytesEnd);
  return { request: parseRequest(line.slice(quote + 1, requestEnd)), status, bytes, quoted };
}

/** One line → a record of Splunk's access fields, or the reason it is not an access-log line. */
export function parseAccessLine(line: string): ParsedLine {
  const open = line.indexOf(' [');
  const close = open + 2 + ACCESS_TIME_LENGTH;
  if (open < 0 || line.charCodeAt(close) !== 93) return reject('not an access log line: no [time] field');
  const head = headOf(line, open);
  if (typeof head === 'string') return reject(head);
  const tail = tailOf(line, close + 2);
  if (typeof tail === 'string') return reject(tail);
  const { request, quoted } = tail;
  const cookie = cookieOf(quoted);
  // one object literal of fixed shape per line (no spreads): this is the hot path of the format
  return {
    record: {
      sourcetype: sourcetypeOf(quoted.length, cookie),
      clientip: head.clientip,
      site: head.site,
      vhost: head.vhost,
      port: head.port,
      ident: unlessBlank(head.ident),
      user: unlessBlank(head.user),
      req_time: line.slice(open + 2, close),
      method: request.method,
      uri: request.uri,
      uri_path: request.uri_path,
      uri_query: request.uri_query,
      version: request.version,
      status: tail.status,
      bytes: unlessBlank(tail.bytes),
      referer: unlessBlank(quoted[0] ?? ''),
      useragent: unlessBlank(quoted[1] ?? ''),
      cookie,
    },
  };
}

/** Access-log lines carry no state from one line to the next. */
export function accessParser(): LineParser {
  return { parse: parseAccessLine, state: () => undefined };
}
