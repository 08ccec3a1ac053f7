/**
 * Value pools for generated traffic. Addresses are documentation ranges (RFC 5737: 192.0.2.0/24,
 * 198.51.100.0/24, 203.0.113.0/24) and 10.0.0.0/8; names are under example.com/.org/.net or .test.
 * No value contains `"` or `\`, so records can be written without JSON escaping.
 */

export interface Site {
  readonly hostname: string;
  readonly ip: string;
  readonly port: number;
}

export const WEB_SITES: readonly Site[] = [
  { hostname: 'www.example.com', ip: '198.51.100.10', port: 80 },
  { hostname: 'static.example.com', ip: '198.51.100.11', port: 80 },
  { hostname: 'api.example.org', ip: '198.51.100.20', port: 80 },
  { hostname: 'cdn.example.net', ip: '198.51.100.30', port: 80 },
  { hostname: 'updates.example.net', ip: '203.0.113.40', port: 80 },
  { hostname: 'ocsp.example.org', ip: '203.0.113.41', port: 80 },
  { hostname: 'intranet.corp.test', ip: '10.0.1.10', port: 80 },
  { hostname: 'wiki.corp.test', ip: '10.0.1.11', port: 8080 },
  { hostname: 'jenkins.corp.test', ip: '10.0.1.12', port: 8080 },
];

/** The WS_FTP Ad Hoc Transfer server the planted cases attack; background reaches it too. */
export const WSFTP_SITE: Site = { hostname: 'wsftp.example.com', ip: '10.0.1.20', port: 80 };

export const PAGE_PATHS: readonly string[] = [
  '/',
  '/index.html',
  '/about',
  '/login',
  '/favicon.ico',
  '/robots.txt',
  '/images/logo.png',
  '/css/site.css',
  '/news/2023/10/01/release-notes',
  '/docs/getting-started',
];

export const SEARCH_WORDS: readonly string[] = [
  'invoice',
  'vpn',
  'holiday',
  'report',
  'printer',
  'badge',
  'wifi',
];

export const USER_AGENTS: readonly string[] = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/117.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:118.0) Gecko/20100101 Firefox/118.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Safari/605.1.15',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/116.0.0.0 Safari/537.36',
  'Microsoft-CryptoAPI/10.0',
  'Windows-Update-Agent/10.0.10011.16384 Client-Protocol/2.50',
  'curl/7.88.1',
  'python-requests/2.31.0',
  'Go-http-client/1.1',
  'Wget/1.21.3',
];

/** Internet scanners probing for WS_FTP (spec: nuclei template, mass scanning), from 192.0.2.0/24. */
export const SCANNER_AGENTS: readonly string[] = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/83.0.4103.116 Safari/537.36',
  'Mozilla/5.0 (compatible; Nuclei - Open-source project (github.com/projectdiscovery/nuclei))',
  'zgrab/0.x',
];

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html',
  png: 'image/png',
  ico: 'image/x-icon',
  css: 'text/css',
  js: 'application/javascript',
  json: 'application/json',
  txt: 'text/plain',
  xml: 'text/xml',
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  msi: 'application/x-msi',
};

export const DNS_NAMES: readonly string[] = [
  'www.example.com',
  'static.example.com',
  'api.example.org',
  'cdn.example.net',
  'updates.example.net',
  'mail.example.org',
  'intranet.corp.test',
  'wiki.corp.test',
  'wsftp.example.com',
  'time.example.net',
  'login.example.org',
  'telemetry.example.net',
];

export const TLS_SITES: readonly Site[] = [
  { hostname: 'login.example.org', ip: '198.51.100.50', port: 443 },
  { hostname: 'mail.example.org', ip: '198.51.100.51', port: 443 },
  { hostname: 'cdn.example.net', ip: '198.51.100.30', port: 443 },
  { hostname: 'telemetry.example.net', ip: '203.0.113.60', port: 443 },
  { hostname: 'wsftp.example.com', ip: '10.0.1.20', port: 443 },
];

export const JA3_HASHES: readonly string[] = [
  'b32309a26951912be7dba376398abc3b',
  '579ccef312d18482fc42e2b822ca2430',
  'cd08e31494f9531f560d64c695473da9',
  '773906b0efdefa24a7f2b8eb6985bf37',
];

export const ALERT_SIGNATURES: readonly {
  id: number;
  rev: number;
  text: string;
  category: string;
  severity: number;
}[] = [
  {
    id: 2_013_028,
    rev: 7,
    text: 'ET POLICY curl User-Agent Outbound',
    category: 'Attempted Information Leak',
    severity: 2,
  },
  {
    id: 2_002_752,
    rev: 4,
    text: 'ET POLICY Reserved Internal IP Traffic',
    category: 'Potentially Bad Traffic',
    severity: 2,
  },
  {
    id: 2_013_504,
    rev: 6,
    text: 'ET POLICY GNU/Linux APT User-Agent Outbound',
    category: 'Not Suspicious Traffic',
    severity: 3,
  },
  {
    id: 2_027_390,
    rev: 3,
    text: 'ET USER_AGENTS Go HTTP Client User-Agent',
    category: 'Unknown Traffic',
    severity: 3,
  },
];

export const DOWNLOADS: readonly string[] = [
  '/downloads/agent-setup.msi',
  '/files/report-q3.pdf',
  '/static/js/app.min.js',
  '/images/banner.jpg',
];
