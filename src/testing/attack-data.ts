import { eveTimestamp } from '../gen/envelope.js';
import { EVE_DEFAULTS, generateEve } from '../gen/eve.js';
import type { HttpTx } from '../gen/http.js';
import { Rng } from '../gen/random.js';
import { httpRecord } from '../gen/records.js';
import { iisRenderer } from '../gen/render/iis.js';
import type { Renderer, WebRequest } from '../gen/render/types.js';
import { zeekJsonRenderer } from '../gen/render/zeek-json.js';
import { requestAt } from '../gen/web-requests.js';

/** One attack dataset vigil ships for its own detections' tests: generated, never captured. */
export interface BundledDataset {
  /** Path under `attack_data/`, laid out as Splunk's attack_data repository. */
  readonly path: string;
  readonly sourcetype: string;
  readonly render: () => string;
}

const START = EVE_DEFAULTS.start;
const WSFTP = { hostname: 'wsftp.example.com', destIp: '10.0.1.20', destPort: 80 } as const;
const MSF_AGENT = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:109.0) Gecko/20100101 Firefox/118.0';

/** A request to the generated WS_FTP server at `second` seconds after START. */
function wsftp(
  second: number,
  srcIp: string,
  method: string,
  url: string,
  status: number,
  userAgent: string,
): WebRequest {
  return {
    micros: (START + second) * 1e6,
    srcIp,
    srcPort: 50_000 + second,
    ...WSFTP,
    method,
    url,
    protocol: 'HTTP/1.1',
    status,
    userAgent,
    bytesOut: status === 302 ? 0 : 512,
    bytesIn: method === 'POST' ? 2048 : 0,
    durationMs: 40,
  };
}

/** Metasploit's exploit posts to /AHT/ and expects a 302; a failed gadget chain ends in a 500. */
const EXPLOIT_POSTS = [
  wsftp(600, '203.0.113.70', 'POST', '/AHT/', 302, MSF_AGENT),
  wsftp(1200, '203.0.113.71', 'POST', '/AHT/', 500, MSF_AGENT),
  wsftp(1800, '203.0.113.72', 'POST', '/AHT/AhtApiService.asmx/AuthUser', 200, 'python-requests/2.31.0'),
];

/** The files exploit tooling reads first: a scanner on a server without WS_FTP (404), then on the real one. */
const RECONNAISSANCE = [
  {
    ...wsftp(300, '192.0.2.80', 'GET', '/AHT/AHT_UI/public/index.html', 404, 'Nuclei - Open-source project'),
    hostname: 'www.example.com',
    destIp: '198.51.100.10',
  },
  wsftp(900, '203.0.113.70', 'GET', '/AHT/AHT_UI/public/index.html', 200, MSF_AGENT),
  wsftp(901, '203.0.113.70', 'GET', '/AHT/AHT_UI/public/js/app.min.js', 200, MSF_AGENT),
];

/** Background traffic from the project's generator with the attack requests merged in, in time order. */
function traffic(seed: string, background: number, attacks: readonly WebRequest[]): WebRequest[] {
  const rng = new Rng(seed);
  const step = (3600 * 1e6) / background;
  const requests = Array.from({ length: background }, (_, i) =>
    requestAt(rng, START * 1e6 + Math.round(i * step)),
  );
  return [...requests, ...attacks].sort((a, b) => a.micros - b.micros);
}

/** A request as a Suricata 7 `http` record (the project's EVE record layout). */
function eveLine(r: WebRequest, flowId: number): string {
  const tx: HttpTx = {
    url: r.url,
    method: r.method,
    protocol: r.protocol,
    status: r.status,
    length: r.bytesOut,
    ...(r.hostname === undefined ? {} : { hostname: r.hostname }),
    ...(r.userAgent === undefined ? {} : { userAgent: r.userAgent }),
    ...(r.contentType === undefined ? {} : { contentType: r.contentType }),
    ...(r.referrer === undefined ? {} : { refer: r.referrer }),
  };
  const flow = {
    flowId,
    srcIp: r.srcIp,
    srcPort: r.srcPort,
    destIp: r.destIp,
    destPort: r.destPort,
    proto: 'TCP' as const,
  };
  return httpRecord(eveTimestamp(r.micros), flow, tx, 0);
}

/** The requests as a file of the given format: Suricata EVE, or another through its renderer. */
function render(format: 'suricata' | Renderer, requests: readonly WebRequest[]): string {
  const lines =
    format === 'suricata'
      ? requests.map((r, i) => eveLine(r, 1_000_000 + i))
      : [...format.header(requests[0]?.micros ?? START * 1e6), ...requests.map(format.line)];
  return `${lines.join('\n')}\n`;
}

/** The project's EVE generator with its planted WS_FTP cases (hits and near misses), small. */
function plantedEve(): string {
  const chunks: Uint8Array[] = [];
  generateEve(
    { events: 40, seed: 'vigil attack_data wsftpweb', start: START, spanHours: 1, httpRatio: 0.5 },
    (c) => chunks.push(c.slice()),
  );
  return Buffer.concat(chunks).toString('utf8');
}

const exploit = () => traffic('vigil attack_data aht exploit post', 24, EXPLOIT_POSTS);
const DIR = 'datasets/attack_techniques';

export const BUNDLED_DATASETS: readonly BundledDataset[] = [
  { path: `${DIR}/T1190/ws_ftp/wsftpweb.log`, sourcetype: 'suricata', render: plantedEve },
  {
    path: `${DIR}/T1190/ws_ftp/vigil_aht_exploit_post.log`,
    sourcetype: 'suricata',
    render: () => render('suricata', exploit()),
  },
  {
    path: `${DIR}/T1190/ws_ftp/vigil_aht_exploit_post_iis.log`,
    sourcetype: 'ms:iis:auto',
    render: () => render(iisRenderer, exploit()),
  },
  {
    path: `${DIR}/T1190/ws_ftp/vigil_aht_exploit_post_zeek.log`,
    sourcetype: 'bro:http:json',
    render: () => render(zeekJsonRenderer, exploit()),
  },
  {
    path: `${DIR}/T1595.002/ws_ftp/vigil_aht_reconnaissance.log`,
    sourcetype: 'suricata',
    render: () => render('suricata', traffic('vigil attack_data aht reconnaissance', 24, RECONNAISSANCE)),
  },
];
