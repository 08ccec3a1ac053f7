import { describe, expect, it } from 'vitest';
import { buildNotable, buildRiskEvents, eventsForRow } from '../../src/alerting/index.js';
import type { Row } from '../../src/core/value.js';
import { WS_FTP_RUN as CTX, WS_FTP_ROW as ROW, wsFtpDetection } from './ws-ftp-fixture.js';

const d = wsFtpDetection();

const MESSAGE =
  'Potential WS FTP Remote Code Execution detected against URL /AHT/AhtApiService.asmx/AuthUser on 10.0.1.20 from 203.0.113.50';

describe('WS FTP notable', () => {
  const n = buildNotable(d, ROW, CTX);

  it('names the rule and carries the row', () => {
    expect(n.rule_name).toBe('ESCU - WS FTP Remote Code Execution - Rule');
    expect(n.search_name).toBe('ESCU - WS FTP Remote Code Execution - Rule');
    expect(n.source).toBe('ESCU - WS FTP Remote Code Execution - Rule');
    expect(n.rule_title).toBe('WS FTP Remote Code Execution');
    expect(n.rule_description).toBe(d.description);
    expect(n.fields).toEqual(ROW);
  });

  it('has severity high and, for an unknown asset, urgency medium', () => {
    expect(n.security_domain).toBe('network');
    expect(n.severity).toBe('high');
    expect(n.urgency).toBe('medium');
    expect(n.status).toBe('new');
    expect(n.owner).toBe('unassigned');
  });

  it('records the search window, sid, detection and a fixed event id', () => {
    expect(n._time).toBe(1696183200);
    expect(n.info_min_time).toBe(1696179000);
    expect(n.info_max_time).toBe(1696182600);
    expect(n.info_search_time).toBe(1696183200);
    expect(n.orig_sid).toBe(CTX.sid);
    expect(n.event_id).toBe('0b5a3f52-4c8e-4a51-9d0e-6f1e2d3c4b5a@@notable@@time1696183200');
    expect(n.detection_id).toBe('b84e8f39-4e7b-4d4f-9e7c-fcd29a227845');
    expect(n.detection_version).toBe(4);
    expect(n.nes_fields).toEqual(['user', 'dest']);
  });

  it('fills drilldown tokens from the row and the window', () => {
    expect(n.drilldown_searches[0]).toEqual({
      name: 'View the detection results for 10.0.1.20',
      search: `${d.search} | search  dest = 10.0.1.20`,
      earliest: '1696179000',
      latest: '1696182600',
    });
    expect(n.drilldown_searches[1]?.search).toContain('normalized_risk_object IN (10.0.1.20)');
  });
});

describe('WS FTP risk event', () => {
  const risks = buildRiskEvents(d, ROW, CTX);

  it('raises one event for the one risk object', () => {
    expect(risks).toHaveLength(1);
  });

  it('has the risk object, score and filled message', () => {
    expect(risks[0]).toMatchObject({
      risk_object: '10.0.1.20',
      risk_object_type: 'system',
      risk_score: 72,
      calculated_risk_score: 72,
      risk_message: MESSAGE,
      threat_object: '203.0.113.50',
      threat_object_type: 'ip_address',
    });
  });

  it('names the search and links back to the contributing events', () => {
    expect(risks[0]).toMatchObject({
      search_name: 'ESCU - WS FTP Remote Code Execution - Rule',
      source: 'ESCU - WS FTP Remote Code Execution - Rule',
      orig_sid: CTX.sid,
      info_min_time: 1696179000,
      info_max_time: 1696182600,
      contributing_events_search:
        '| savedsearch "ESCU - WS FTP Remote Code Execution - Rule" | search dest=10.0.1.20',
      fields: ROW,
    });
  });

  it('carries stories, annotations and the ATT&CK fields ES derives', () => {
    const r = risks[0];
    expect(r?.analyticstories).toEqual(['WS FTP Server Critical Vulnerabilities']);
    expect(r?.annotations.mitre_attack).toEqual(['T1190']);
    expect(r?.annotations.kill_chain_phases).toEqual(['Delivery']);
    expect(r?.annotations.nist).toEqual(['DE.CM']);
    expect(r?.annotations.cis20).toEqual(['CIS 13']);
    expect(r?.mitre_technique_id).toEqual(['T1190']);
    expect(r?.mitre_tactic_id).toEqual(['TA0001']);
    expect(r?.mitre_tactic).toEqual(['initial-access']);
  });
});

describe('rows that are not the happy path', () => {
  it.each([
    ['null', null, 0],
    ['empty', '', 0],
    ['absent', undefined, 0],
    ['multivalue', ['10.0.1.20', '10.0.1.21'], 2],
    ['the literal unknown', 'unknown', 1],
  ])('dest %s → %i risk events', (_label, dest, count) => {
    const row: Row = { ...ROW };
    if (dest === undefined) delete row.dest;
    else row.dest = dest;
    expect(buildRiskEvents(d, row, CTX)).toHaveLength(count);
  });

  it('leaves a missing token field empty in the risk message and lists several threat objects', () => {
    const { url: _url, ...rest } = ROW;
    const [r] = buildRiskEvents(d, { ...rest, src: ['203.0.113.50', '198.51.100.7'] }, CTX);
    expect(r?.risk_message).toBe(
      'Potential WS FTP Remote Code Execution detected against URL  on 10.0.1.20 from 203.0.113.50, 198.51.100.7',
    );
    expect(r?.threat_object).toEqual(['203.0.113.50', '198.51.100.7']);
    expect(r?.threat_object_type).toEqual(['ip_address', 'ip_address']);
  });

  it('quotes a contributing-events value with spaces', () => {
    const [r] = buildRiskEvents(d, { ...ROW, dest: 'web server 1' }, CTX);
    expect(r?.contributing_events_search).toBe(
      '| savedsearch "ESCU - WS FTP Remote Code Execution - Rule" | search dest="web server 1"',
    );
  });

  it('an all-time run records info_min_time 0; a row _time becomes the event time', () => {
    const n = buildNotable(d, { ...ROW, _time: 1696177867 }, { ...CTX, earliest: null });
    expect(n.info_min_time).toBe(0);
    expect(n._time).toBe(1696177867);
  });

  it('eventsForRow follows the deployment: no notable and no risk when both actions are off', () => {
    const off = { ...d, deployment: { ...d.deployment, notable: null, rba: false } };
    expect(eventsForRow(off, ROW, CTX)).toEqual({ notable: null, risks: [] });
    const on = eventsForRow(d, ROW, CTX);
    expect(on.notable?.severity).toBe('high');
    expect(on.risks).toHaveLength(1);
  });
});
