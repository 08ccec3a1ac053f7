import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildNotable,
  buildRiskEvents,
  notableColumns,
  notableValues,
  riskColumns,
  riskValues,
} from '../../src/alerting/index.js';
import type { Row } from '../../src/core/value.js';
import { type DuckDbStore, openDuckDbStore } from '../../src/store/duckdb.js';
import { WS_FTP_ROW, WS_FTP_RUN, wsFtpDetection } from './ws-ftp-fixture.js';

const d = wsFtpDetection();
const ROW: Row = { ...WS_FTP_ROW, src: ['203.0.113.50', '198.51.100.7'] };
const CTX = { ...WS_FTP_RUN, newId: () => 'g' };

describe('notable and risk tables in a real DuckDB store', () => {
  let store: DuckDbStore;
  beforeAll(async () => {
    store = await openDuckDbStore(':memory:');
  });
  afterAll(async () => {
    await store.close();
  });

  it('values line up with the columns', () => {
    expect(notableValues(buildNotable(d, ROW, CTX))).toHaveLength(notableColumns.length);
    for (const r of buildRiskEvents(d, ROW, CTX)) expect(riskValues(r)).toHaveLength(riskColumns.length);
  });

  it('round-trips a notable', async () => {
    await store.ensureTable('notable', notableColumns);
    await store.append('notable', notableColumns, [notableValues(buildNotable(d, ROW, CTX))]);
    const [row] = await store.query('SELECT * FROM notable');
    expect(row).toMatchObject({
      _time: 1696183200,
      event_id: 'g@@notable@@time1696183200',
      severity: 'high',
      urgency: 'medium',
      detection_version: 4,
      nes_fields: ['user', 'dest'],
    });
    expect(JSON.parse(String(row?.fields))).toEqual(ROW);
    expect(JSON.parse(String(row?.drilldown_searches))[0].latest).toBe('1696182600');
  });

  it('round-trips a risk event with a multivalue threat object', async () => {
    await store.ensureTable('risk', riskColumns);
    await store.append('risk', riskColumns, buildRiskEvents(d, ROW, CTX).map(riskValues));
    const rows = await store.query(
      'SELECT risk_object, risk_score, threat_object, mitre_tactic_id FROM risk',
    );
    expect(rows).toEqual([
      {
        risk_object: '10.0.1.20',
        risk_score: 72,
        threat_object: ['203.0.113.50', '198.51.100.7'],
        mitre_tactic_id: ['TA0001'],
      },
    ]);
  });
});
