import type { IngestStore } from '../../src/store/index.js';

// GENERATED EVE lines (documentation addresses): line `i` is the only one with url `/page/<i>`.
export function httpLine(i: number): string {
  const micros = String(i % 1_000_000).padStart(6, '0');
  return `${JSON.stringify({
    timestamp: `2024-02-01T00:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}.${micros}+0000`,
    flow_id: 1_000_000 + i,
    event_type: 'http',
    src_ip: '198.51.100.7',
    dest_ip: '192.0.2.10',
    dest_port: 80,
    http: { hostname: 'www.example.com', url: `/page/${i}`, http_method: 'GET', status: 200, length: i },
  })}\n`;
}

/** Lines `from` up to (not including) `to`. */
export function httpLines(from: number, to: number): string {
  return Array.from({ length: to - from }, (_, k) => httpLine(from + k)).join('');
}

/** The numbers of the stored lines, sorted, duplicates kept. */
export async function storedLineNumbers(store: IngestStore): Promise<number[]> {
  const rows = await store.query('SELECT url FROM web');
  return rows.map((r) => Number(String(r.url).slice('/page/'.length))).sort((a, b) => a - b);
}

export function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}
