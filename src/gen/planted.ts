import { eveTimestamp, type Flow } from './envelope.js';
import { type DetectionKey, detectionKey, type HttpTx } from './http.js';
import { WSFTP_SITE } from './pools.js';
import type { Rng } from './random.js';
import {
  alertRecord,
  ephemeralPort,
  escapeSlashes,
  fileinfoRecord,
  httpRecord,
  type Signature,
  suricata2HttpRecord,
} from './records.js';

/** How a planted event is written; everything but `suricata2` is Suricata 7 style. */
type Shape = 'http' | 'escapedSlashes' | 'suricata2' | 'alert' | 'fileinfo';

/** One event planted for the WS FTP end-to-end test: a hit, or a near miss that must not match. */
export interface PlantedCase {
  readonly name: string;
  readonly mustMatch: boolean;
  readonly shape: Shape;
  /** Attacker address, distinct per case so each hit is its own detection row. */
  readonly src: string;
  readonly tx: HttpTx;
  /** Sensor UTC offset written in the timestamp. */
  readonly offsetMinutes?: number;
}

/** The request the detection looks for (spec §0, §5.2): python-requests, as the public PoC sends. */
const EXPLOIT: HttpTx = {
  hostname: WSFTP_SITE.hostname,
  url: '/AHT/AhtApiService.asmx/AuthUser',
  userAgent: 'python-requests/2.31.0',
  contentType: 'text/xml',
  method: 'POST',
  protocol: 'HTTP/1.1',
  status: 200,
  length: 377,
};

const { userAgent: _ua, ...NO_AGENT } = EXPLOIT;
const { hostname: _host, ...NO_HOST } = EXPLOIT;
const { status: _status, ...NO_STATUS } = EXPLOIT;

const hit = (name: string, last: number, shape: Shape, tx: HttpTx, offsetMinutes?: number): PlantedCase => ({
  name,
  mustMatch: true,
  shape,
  src: `203.0.113.${last}`,
  tx,
  ...(offsetMinutes === undefined ? {} : { offsetMinutes }),
});
const miss = (name: string, last: number, shape: Shape, tx: HttpTx): PlantedCase => ({
  ...hit(name, last, shape, tx),
  mustMatch: false,
});

/** Matching is case-insensitive and whole-value; status compares as text "200" (spec §8.2–8.4, §8.7). */
export const PLANTED_CASES: readonly PlantedCase[] = [
  hit('exact', 50, 'http', EXPLOIT),
  hit('url_lower_case', 51, 'http', { ...EXPLOIT, url: EXPLOIT.url.toLowerCase() }),
  hit('method_lower_case', 52, 'http', { ...EXPLOIT, method: 'post' }),
  hit('no_user_agent', 53, 'http', NO_AGENT),
  hit('no_hostname', 54, 'http', NO_HOST),
  hit('offset_minus_0500', 55, 'http', EXPLOIT, -300),
  hit('escaped_slashes_suricata5', 56, 'escapedSlashes', EXPLOIT),
  hit('string_status_suricata2', 57, 'suricata2', { ...EXPLOIT, status: '200' }),
  miss('url_with_query', 60, 'http', { ...EXPLOIT, url: `${EXPLOIT.url}?x=1` }),
  miss('url_trailing_slash', 61, 'http', { ...EXPLOIT, url: `${EXPLOIT.url}/` }),
  miss('status_500', 62, 'http', { ...EXPLOIT, status: 500 }),
  miss('status_302', 63, 'http', { ...EXPLOIT, status: 302 }),
  miss('method_get', 64, 'http', { ...EXPLOIT, method: 'GET' }),
  miss('metasploit_aht_path', 65, 'http', { ...EXPLOIT, url: '/AHT/' }),
  miss('alert_with_http', 66, 'alert', EXPLOIT),
  miss('fileinfo_with_http', 67, 'fileinfo', EXPLOIT),
  miss('status_string_2xx_suricata8', 68, 'http', { ...NO_STATUS, statusString: '2XX' }),
];

const ET_WS_FTP: Signature = {
  id: 2_048_383,
  rev: 1,
  text: 'ET EXPLOIT WS_FTP .NET Deserialization Exploit Attempt (CVE-2023-40044)',
  category: 'Attempted Administrator Privilege Gain',
  severity: 1,
};

export interface PlantedLine {
  readonly line: string;
  readonly eventType: 'http' | 'alert' | 'fileinfo';
  readonly key: DetectionKey;
}

/** Writes a planted case at instant `micros` (UTC µs); the key is what the CIM Web row would hold. */
export function renderPlanted(p: PlantedCase, micros: number, rng: Rng): PlantedLine {
  const flow: Flow = {
    flowId: rng.bigInt(51),
    srcIp: p.src,
    srcPort: ephemeralPort(rng),
    destIp: WSFTP_SITE.ip,
    destPort: WSFTP_SITE.port,
    proto: 'TCP',
  };
  const ts = eveTimestamp(micros, p.offsetMinutes ?? 0);
  const key = detectionKey(p.tx, flow, micros);
  const RENDER: Record<Shape, () => string> = {
    http: () => httpRecord(ts, flow, p.tx, 0),
    escapedSlashes: () => escapeSlashes(httpRecord(ts, flow, p.tx, 0)),
    suricata2: () => suricata2HttpRecord(ts, flow, p.tx),
    alert: () => alertRecord(ts, flow, ET_WS_FTP, p.tx, rng),
    fileinfo: () => fileinfoRecord(ts, flow, p.tx, 'AuthUser', p.tx.length),
  };
  const eventType = p.shape === 'alert' || p.shape === 'fileinfo' ? p.shape : 'http';
  return { line: RENDER[p.shape](), eventType, key };
}
