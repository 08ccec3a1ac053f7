import type { Content } from '../../src/content/load.js';
import type { Detection } from '../../src/content/types.js';
import type { Row } from '../../src/core/value.js';
import { loadAllContent } from '../../src/jobs/content.js';
import { writeModelRows } from '../../src/jobs/model-rows.js';
import { getDataset } from '../../src/model/registry.js';
import type { Clock } from '../../src/scheduler/index.js';
import type { Store } from '../../src/store/types.js';

/** 2023-10-01T14:00:00Z. */
export const T0 = Date.UTC(2023, 9, 1, 14, 0, 0) / 1000;
export const MIN = 60;
export const HOUR = 3600;

/** A clock the test moves by hand. */
export class TestClock implements Clock {
  constructor(public t: number) {}
  now(): number {
    return this.t;
  }
}

let bundled: Promise<Content> | undefined;

/** The bundled content with only the given detections (enabled). */
export async function contentWith(...detections: Detection[]): Promise<Content> {
  bundled ??= loadAllContent({ macroFiles: [] });
  return { ...(await bundled), detections: detections.map((d) => ({ ...d, enabled: true })) };
}

export async function wsFtp(): Promise<Detection> {
  bundled ??= loadAllContent({ macroFiles: [] });
  const d = (await bundled).detections.find((x) => x.name === 'WS FTP Remote Code Execution');
  if (!d) throw new Error('bundled WS FTP detection missing');
  return d;
}

/** A detection whose search cannot run (no such data model). */
export function broken(d: Detection): Detection {
  return {
    ...d,
    id: 'broken-0000',
    name: 'Broken Detection',
    search: '| tstats count from datamodel=NoSuchModel',
  };
}

export function throttled(d: Detection, fields: string[], period: string): Detection {
  return { ...d, tags: { ...d.tags, throttling: { fields, period } } };
}

/** Generated Web rows: one WS FTP exploitation request (POST AuthUser answered 200) at each given time. */
export function exploitRows(times: readonly number[], dest = '10.0.1.20'): Row[] {
  return times.map((t, i) => ({
    _time: t,
    url: '/AHT/AhtApiService.asmx/AuthUser',
    http_method: 'POST',
    status: '200',
    dest,
    src: `203.0.113.${(i % 200) + 1}`,
    http_user_agent: 'generated-test-agent',
    sourcetype: 'suricata',
  }));
}

export async function writeWeb(store: Store, rows: readonly Row[]): Promise<void> {
  const web = getDataset('Web', undefined);
  if (!web) throw new Error('no Web dataset');
  await writeModelRows(store, web, rows);
}
