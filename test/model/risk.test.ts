import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRiskEvents, riskColumns, riskValues } from '../../src/alerting/index.js';
import type { Row } from '../../src/core/value.js';
import { ensureModelTables } from '../../src/jobs/tables.js';
import { resolveField } from '../../src/model/fields.js';
import { getDataset } from '../../src/model/registry.js';
import { type IngestStore, openStore } from '../../src/store/index.js';
import { WS_FTP_ROW, WS_FTP_RUN, wsFtpDetection } from '../alerting/ws-ftp-fixture.js';

const ROW: Row = { ...WS_FTP_ROW, src: ['203.0.113.50', '198.51.100.7'] };

describe('Risk.All_Risk over vigil risk events', () => {
  let store: IngestStore;
  beforeAll(async () => {
    store = await openStore(':memory:');
    await ensureModelTables(store);
    const events = buildRiskEvents(wsFtpDetection(), ROW, { ...WS_FTP_RUN, newId: () => 'g' });
    await store.append('risk', riskColumns, events.map(riskValues));
  });
  afterAll(async () => {
    await store.close();
  });

  it('reads a risk event back through the view under its data model field names', async () => {
    const rows = await store.query(
      'SELECT risk_object, normalized_risk_object, risk_object_type, risk_score, calculated_risk_score, ' +
        'threat_object, search_name, source, sourcetype, tag, description, ' +
        '"annotations.mitre_attack.mitre_tactic_id", "annotations.mitre_attack.mitre_tactic", ' +
        '"annotations.mitre_attack.mitre_technique_id" FROM risk_all_risk',
    );
    expect(rows).toEqual([
      {
        risk_object: '10.0.1.20',
        normalized_risk_object: '10.0.1.20',
        risk_object_type: 'system',
        risk_score: 72,
        calculated_risk_score: 72,
        threat_object: ['203.0.113.50', '198.51.100.7'],
        search_name: expect.stringContaining('WS FTP'),
        source: expect.stringContaining('WS FTP'),
        sourcetype: 'stash',
        tag: null,
        description: 'unknown',
        'annotations.mitre_attack.mitre_tactic_id': ['TA0001'],
        'annotations.mitre_attack.mitre_tactic': ['initial-access'],
        'annotations.mitre_attack.mitre_technique_id': ['T1190'],
      },
    ]);
  });

  it('collects every text annotation into annotations._all', async () => {
    const [row] = await store.query('SELECT "annotations._all" AS a, analyticstories FROM risk_all_risk');
    expect(row?.a).toEqual(expect.arrayContaining(['T1190', 'TA0001', 'initial-access']));
    expect(row?.a).toEqual(expect.arrayContaining(row?.analyticstories as string[]));
  });

  it('has one view column per dataset field, in order', async () => {
    const risk = getDataset('Risk', 'All_Risk');
    const cols = await store.query(
      "SELECT column_name FROM information_schema.columns WHERE table_name = 'risk_all_risk' ORDER BY ordinal_position",
    );
    expect(cols.map((c) => c.column_name)).toEqual(risk?.columns.map((f) => f.name));
    expect(risk && resolveField(risk, 'All_Risk.threat_object')?.multivalue).toBe(true);
  });
});
