import type { Flow } from './envelope.js';
import type { HttpTx } from './http.js';
import {
  ALERT_SIGNATURES,
  CONTENT_TYPES,
  DOWNLOADS,
  PAGE_PATHS,
  SCANNER_AGENTS,
  SEARCH_WORDS,
  USER_AGENTS,
  WEB_SITES,
  WSFTP_SITE,
} from './pools.js';
import type { Rng } from './random.js';
import { alertRecord, clientIp, fileinfoRecord, httpRecord, type LineContext, newFlow } from './records.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface Exchange {
  readonly flow: Flow;
  readonly tx: HttpTx;
}

/**
 * Requests to the WS_FTP server that look like the attack but must never match the detection:
 * the UI, other API calls, failed logins (401/500), Metasploit's `POST /AHT/` (302).
 */
const WSFTP_LOOKALIKES: readonly {
  method: string;
  url: string;
  statuses: readonly number[];
  type: string;
}[] = [
  { method: 'GET', url: '/AHT/AHT_UI/public/index.html', statuses: [200, 304], type: 'html' },
  { method: 'GET', url: '/AHT/AHT_UI/public/js/app.min.js', statuses: [200, 304], type: 'js' },
  { method: 'POST', url: '/AHT/AhtApiService.asmx/AuthUser', statuses: [401, 500], type: 'xml' },
  { method: 'GET', url: '/AHT/AhtApiService.asmx/AuthUser', statuses: [500], type: 'html' },
  { method: 'POST', url: '/AHT/AhtApiService.asmx/GetFileSubTree', statuses: [200], type: 'xml' },
  { method: 'POST', url: '/AHT/', statuses: [302], type: 'html' },
];

const STATUSES: readonly number[] = [
  200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 304, 304, 404, 302, 500,
];

function pageUrl(rng: Rng): string {
  const r = rng.float();
  if (r < 0.55) return rng.pick(PAGE_PATHS);
  if (r < 0.75) return `/static/js/app.${rng.hex(8)}.js`;
  if (r < 0.9) return `/api/v1/items/${rng.int(100_000)}`;
  return `/search?q=${rng.pick(SEARCH_WORDS)}&page=${rng.range(1, 5)}`;
}

function contentType(url: string): string {
  const ext = /\.([a-z]+)(?:\?|$)/.exec(url)?.[1] ?? (url.startsWith('/api/') ? 'json' : 'html');
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

function method(rng: Rng): string {
  const r = rng.float();
  return r < 0.84 ? 'GET' : r < 0.95 ? 'POST' : r < 0.98 ? 'HEAD' : 'OPTIONS';
}

/** Ordinary browsing, updates and API calls from internal clients. */
function ordinaryExchange(rng: Rng): Exchange {
  const site = rng.pick(WEB_SITES);
  const m = method(rng);
  const url = m === 'POST' ? rng.pick(['/login', '/api/v1/events', '/api/v1/items']) : pageUrl(rng);
  const status = rng.pick(STATUSES);
  const empty = m === 'HEAD' || status === 304;
  const protocol = rng.chance(0.03) ? 'HTTP/1.0' : 'HTTP/1.1';
  const tx: Mutable<HttpTx> = {
    url,
    method: m,
    protocol,
    status,
    length: empty ? 0 : rng.range(120, 60_000),
  };
  if (protocol === 'HTTP/1.1' || rng.chance(0.5)) tx.hostname = site.hostname;
  if (!rng.chance(0.02)) tx.userAgent = rng.pick(USER_AGENTS);
  if (!empty) tx.contentType = contentType(url);
  if (rng.chance(0.25)) tx.refer = `http://${site.hostname}/`;
  return { flow: newFlow(rng, clientIp(rng), site.ip, site.port, 'TCP'), tx };
}

/** WS_FTP traffic that never matches: users of the server, and scanners probing other hosts (404). */
function wsftpLookalike(rng: Rng): Exchange {
  const l = rng.pick(WSFTP_LOOKALIKES);
  const scanner = rng.chance(0.3);
  const site = scanner ? rng.pick(WEB_SITES) : WSFTP_SITE;
  const status = scanner ? 404 : rng.pick(l.statuses);
  const tx: HttpTx = {
    hostname: site.hostname,
    url: l.url,
    userAgent: scanner ? rng.pick(SCANNER_AGENTS) : rng.pick(USER_AGENTS),
    contentType: CONTENT_TYPES[l.type] ?? 'text/html',
    method: l.method,
    protocol: 'HTTP/1.1',
    status,
    length: status === 304 ? 0 : rng.range(150, 9000),
  };
  const src = scanner ? `192.0.2.${rng.range(1, 254)}` : clientIp(rng);
  return { flow: newFlow(rng, src, site.ip, site.port, 'TCP'), tx };
}

/** One background HTTP exchange: mostly ordinary browsing, about 1.5 % WS_FTP look-alikes that never match. */
export function backgroundExchange(rng: Rng): Exchange {
  return rng.chance(0.015) ? wsftpLookalike(rng) : ordinaryExchange(rng);
}

export function httpLine(c: LineContext): string {
  const { flow, tx } = backgroundExchange(c.rng);
  return httpRecord(c.timestamp, flow, tx, c.rng.chance(0.8) ? 0 : c.rng.range(1, 6));
}

export function alertLine(c: LineContext): string {
  const { flow, tx } = ordinaryExchange(c.rng);
  return alertRecord(c.timestamp, flow, c.rng.pick(ALERT_SIGNATURES), tx, c.rng);
}

/** A download: the file flows from the server, so the record's src is the server. */
export function fileinfoLine(c: LineContext): string {
  const { flow, tx } = ordinaryExchange(c.rng);
  const url = c.rng.pick(DOWNLOADS);
  const size = c.rng.range(2_000, 4_000_000);
  const download: HttpTx = {
    ...tx,
    url,
    method: 'GET',
    status: 200,
    contentType: contentType(url),
    length: size,
  };
  const reversed: Flow = {
    ...flow,
    srcIp: flow.destIp,
    srcPort: flow.destPort,
    destIp: flow.srcIp,
    destPort: flow.srcPort,
  };
  return fileinfoRecord(c.timestamp, reversed, download, url, size);
}
