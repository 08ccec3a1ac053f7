import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/ingest/ingest.js';
import { loadAllContent } from '../../src/jobs/content.js';
import { detect } from '../../src/jobs/detect.js';
import { openStore } from '../../src/store/index.js';

// Generated logs (see the README beside them): the same five requests as IIS, Suricata and Zeek log them —
// scanner GETs, the proof of concept (POST …/AuthUser → 200), Metasploit (POST /AHT/ → 302), and an
// ordinary JSON POST of the Ad Hoc Transfer UI.
const DIR = join(import.meta.dirname, '..', 'fixtures', 'ws-ftp-shapes');
const RCE = 'WS FTP Remote Code Execution';
const POST = 'WS FTP Ad Hoc Transfer Exploit POST';
const RECON = 'WS FTP Ad Hoc Transfer Reconnaissance';

const content = await loadAllContent({ macroFiles: [] });

/** What each detection raised, as `notable src severity` / `risk src url` lines. */
async function raised(file: string): Promise<Record<string, string[]>> {
  const store = await openStore(':memory:');
  try {
    const summary = await ingest([join(DIR, file)], { store });
    expect(summary.total.rejected).toBe(0);
    const out: Record<string, string[]> = {};
    for (const detection of [RCE, POST, RECON]) {
      const r = await detect(store, { content, detection, window: { kind: 'all-time' } });
      out[detection] = [
        ...r.notables.map((n) => `notable ${n.fields.src} ${n.severity}`),
        ...r.risks.map((k) => `risk ${k.threat_object} ${k.risk_score}`),
      ].sort();
    }
    return out;
  } finally {
    await store.close();
  }
}

/** The POST detection's notable and risk lines for these sources. */
const posts = (...srcs: string[]) => [
  ...srcs.map((src) => `notable ${src} critical`),
  ...srcs.map((src) => `risk ${src} 63`),
];
const POC_RCE = ['notable 203.0.113.50 high', 'risk 203.0.113.50 72'];
const RECON_GETS = ['risk 198.51.100.23 10', 'risk 198.51.100.23 10'];

describe('the WS_FTP request shapes in three logs: which detection fires on which', () => {
  it.each([
    [
      'Suricata (request headers show the body type): the PoC fires all but reconnaissance; the UI’s JSON POST nothing',
      'suricata.eve.json',
      POC_RCE,
      posts('203.0.113.50', '203.0.113.66'),
    ],
    [
      'IIS (no body type): Metasploit’s POST /AHT/ → 302 only by the wider detection, which also takes the UI’s POST',
      'iis.log',
      POC_RCE,
      posts('10.2.3.4', '203.0.113.50', '203.0.113.66'),
    ],
    [
      'Zeek: the add-on builds url as host:port/uri, so the ESCU detection misses even the PoC',
      'zeek-http.log',
      [],
      posts('10.2.3.4', '203.0.113.50', '203.0.113.66'),
    ],
  ])('%s', async (_shape, file, rce, post) => {
    expect(await raised(file)).toEqual({ [RCE]: rce, [POST]: post, [RECON]: RECON_GETS });
  });
});
