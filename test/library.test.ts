import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as vigil from '../src/index.js';

describe('library entry point', () => {
  it('ingests, searches and detects without the CLI', async () => {
    const store = await vigil.openStore(':memory:');
    try {
      const summary = await vigil.ingest([join(import.meta.dirname, '..', 'examples', 'ws-ftp.eve.json')], {
        store,
      });
      expect(summary.total.rowsStored).toEqual({ web: 8 });
      const content = await vigil.loadAllContent({ macroFiles: [] });
      const found = await vigil.search('| tstats dc(Web.dest) as hosts from datamodel=Web', store, {
        content,
      });
      expect(found.rows).toEqual([{ hosts: 3 }]);
      const result = await vigil.detect(store, {
        content,
        detection: 'WS FTP Remote Code Execution',
        window: { kind: 'all-time' },
      });
      expect(result.notables.map((n) => n.rule_title)).toEqual([
        'WS FTP Remote Code Execution',
        'WS FTP Remote Code Execution',
      ]);
      const why = await vigil.explainDetection(store, {
        content,
        detection: 'WS FTP Remote Code Execution',
        earliest: null,
        latest: null,
      });
      expect(why.verdict.cause).toBe('fires');
    } finally {
      await store.close();
    }
  });
});
