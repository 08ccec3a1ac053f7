import type { Renderer, WebRequest } from './types.js';

/**
 * Generated requests as PAN-OS 10.1 URL filtering logs (THREAT, subtype `url`, 111 fields in the
 * documented order) behind a BSD syslog header, as a syslog server writes them to a file.
 */
const FIELD_COUNT = 111;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DEVICE = 'pa-fw01';

/** Positions that are the same on every line: serial, zones, interfaces, flags, locations, versions. */
const FIXED: readonly (readonly [number, string])[] = [
  [2, '013201001234'],
  [3, 'THREAT'],
  [4, 'url'],
  [5, '2561'],
  [9, '0.0.0.0'],
  [10, '0.0.0.0'],
  [11, 'allow-web'],
  [14, 'web-browsing'],
  [15, 'vsys1'],
  [16, 'trust'],
  [17, 'untrust'],
  [18, 'ethernet1/2'],
  [19, 'ethernet1/1'],
  [20, 'splunk-forward'],
  [23, '1'],
  [26, '0'],
  [27, '0'],
  [28, '0x8000'],
  [29, 'tcp'],
  [30, 'alert'],
  [32, '(9999)'],
  [33, 'computer-and-internet-info'],
  [34, 'informational'],
  [35, 'client-to-server'],
  [37, '0x8000000000000000'],
  [38, '10.0.0.0-10.255.255.255'],
  [39, 'United States'],
  [40, '0'],
  [42, '0'],
  [45, '1'],
  [53, '0'],
  [59, DEVICE],
  [64, '0'],
  [66, '0'],
  [68, 'N/A'],
  [69, 'unknown'],
  [70, 'AppThreat-8750-8183'],
  [71, '0x0'],
  [75, '"computer-and-internet-info,low-risk"'],
  [77, '0'],
];

export const panRenderer: Renderer = {
  format: 'pan',
  header: () => [],
  line: (request) => {
    const fields = Array.from({ length: FIELD_COUNT }, () => '');
    for (const [at, value] of FIXED) fields[at] = value;
    for (const [at, value] of perRequest(request)) fields[at] = value;
    fields[0] = `${syslogTime(request.micros)} ${DEVICE} 1`;
    return fields.join(',');
  },
};

function perRequest(r: WebRequest): [number, string][] {
  const time = panTime(r.micros);
  return [
    [1, time],
    [6, time],
    [7, r.srcIp],
    [8, r.destIp],
    [12, r.user ?? ''],
    [21, time],
    [22, String(Math.floor(r.micros / 1000) % 100_000_000)],
    [24, String(r.srcPort)],
    [25, String(r.destPort)],
    [31, quoted(`${r.hostname ?? r.destIp}${r.url}`)],
    [41, r.contentType === undefined ? '' : quoted(r.contentType)],
    [46, r.userAgent === undefined ? '' : quoted(r.userAgent)],
    [49, r.referrer === undefined ? '' : quoted(r.referrer)],
    // PAN-OS logs the method in lower case
    [63, r.method.toLowerCase()],
    [107, new Date(r.micros / 1000).toISOString()],
  ];
}

function quoted(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

const pad = (n: number) => String(n).padStart(2, '0');

function panTime(micros: number): string {
  const d = new Date(Math.floor(micros / 1000));
  const date = `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())}`;
  return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

function syslogTime(micros: number): string {
  const d = new Date(Math.floor(micros / 1000));
  const day = String(d.getUTCDate()).padStart(2, ' ');
  return `${MONTHS[d.getUTCMonth()]} ${day} ${panTime(micros).slice(11)}`;
}
