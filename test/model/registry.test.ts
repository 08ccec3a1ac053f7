import { describe, expect, it } from 'vitest';
import { cimModel } from '../../src/model/cim-data.js';
import { fieldSearchName, resolveField } from '../../src/model/fields.js';
import {
  getDataset,
  getDatasetByNodename,
  listDatasets,
  listRootDatasets,
} from '../../src/model/registry.js';
import type { DatasetDef } from '../../src/model/types.js';

function dataset(model: string, name?: string): DatasetDef {
  const d = getDataset(model, name);
  if (!d) throw new Error(`no dataset ${model} ${name}`);
  return d;
}

describe('getDataset', () => {
  it.each([
    ['Web', undefined, 'Web', 'web', []],
    ['Web', 'Web', 'Web', 'web', []],
    ['Web', 'Proxy', 'Web.Proxy', 'web', ['tag=proxy']],
    ['Endpoint', 'Processes', 'Processes', 'endpoint_processes', []],
    ['Network_Traffic', undefined, 'All_Traffic', 'network_traffic_all_traffic', []],
    ['Network_Traffic', 'All_Traffic', 'All_Traffic', 'network_traffic_all_traffic', []],
    ['Change', 'All_Changes', 'All_Changes', 'change_all_changes', []],
    ['Authentication', 'Authentication', 'Authentication', 'authentication', []],
    [
      'Authentication',
      'Failed_Authentication',
      'Authentication.Failed_Authentication',
      'authentication',
      ['action="failure" OR result="failure"'],
    ],
    [
      'Authentication',
      'Authentication.Failed_Authentication',
      'Authentication.Failed_Authentication',
      'authentication',
      ['action="failure" OR result="failure"'],
    ],
    ['Risk', 'All_Risk', 'All_Risk', 'risk_all_risk', []],
    ['Network_Resolution', 'DNS', 'DNS', 'network_resolution_dns', []],
  ] as const)('%s / %s → %s in table %s', (model, name, lineage, table, constraints) => {
    const d = dataset(model, name);
    expect([d.lineage, d.dataset, d.table, d.constraints]).toEqual([lineage, lineage, table, constraints]);
  });

  it('gives the constraint of every child level from the root down', () => {
    const d = dataset('Network_Traffic', 'All_Traffic.Traffic_By_Action.Blocked_Traffic');
    expect(d.constraints).toEqual([expect.stringContaining('action'), expect.stringContaining('blocked')]);
    expect(dataset('Change', 'Accounts_Created').constraints).toEqual(['tag=account', 'action="created"']);
  });

  it.each([
    ['Endpoint', undefined],
    ['Endpoint', 'Nope'],
    ['Nope', undefined],
    ['web', undefined],
    ['Change', 'all_changes'],
  ])('%s / %s → undefined', (model, name) => {
    expect(getDataset(model, name)).toBeUndefined();
  });
});

describe('getDatasetByNodename', () => {
  it.each([
    ['Authentication', 'Authentication.Failed_Authentication', 'Authentication.Failed_Authentication'],
    [
      'Authentication',
      'Authentication.Successful_Authentication',
      'Authentication.Successful_Authentication',
    ],
    ['Network_Resolution', 'DNS', 'DNS'],
    ['Change', 'All_Changes', 'All_Changes'],
    ['Network_Sessions', 'All_Sessions.DHCP', 'All_Sessions.DHCP'],
  ])('%s where nodename=%s', (model, nodename, lineage) => {
    expect(getDatasetByNodename(model, nodename)?.lineage).toBe(lineage);
  });

  it('is undefined for a node of another model', () => {
    expect(getDatasetByNodename('Change', 'DNS')).toBeUndefined();
  });
});

describe('resolveField', () => {
  it.each([
    ['Web', undefined, 'Web.url', 'url', 'Web'],
    ['Web', undefined, 'sourcetype', 'sourcetype', 'BaseEvent'],
    ['Web', 'Storage', 'Web.Storage.storage_name', 'storage_name', 'Web.Storage'],
    ['Web', 'Storage', 'Web.url', 'url', 'Web'],
    ['Endpoint', 'Processes', 'Processes.process_name', 'process_name', 'Processes'],
    ['Endpoint', 'Processes', '_time', '_time', 'BaseEvent'],
    ['Change', 'All_Changes', 'All_Changes.user', 'user', 'All_Changes'],
    [
      'Change',
      'Instance_Changes',
      'All_Changes.Instance_Changes.instance_type',
      'instance_type',
      'All_Changes.Instance_Changes',
    ],
    ['Change', 'Instance_Changes', 'All_Changes.user', 'user', 'All_Changes'],
    [
      'Change',
      'Accounts_Created',
      'All_Changes.Account_Management.src_user',
      'src_user',
      'All_Changes.Account_Management',
    ],
    ['Authentication', 'Failed_Authentication', 'Authentication.user', 'user', 'Authentication'],
    [
      'Risk',
      'All_Risk',
      'All_Risk.annotations.mitre_attack.mitre_tactic_id',
      'annotations.mitre_attack.mitre_tactic_id',
      'All_Risk',
    ],
    ['Risk', 'All_Risk', 'All_Risk.calculated_risk_score', 'calculated_risk_score', 'All_Risk'],
    ['Risk', 'All_Risk', 'source', 'source', 'BaseEvent'],
  ] as const)('%s.%s: %s', (model, name, search, column, owner) => {
    const f = resolveField(dataset(model, name), search);
    expect([f?.name, f?.owner]).toEqual([column, owner]);
    if (f) expect(fieldSearchName(f)).toBe(search);
  });

  it.each([
    ['Web', undefined, 'url'],
    ['Web', undefined, 'Web.sourcetype'],
    ['Web', undefined, 'Web.Storage.storage_name'],
    ['Change', 'All_Changes', 'All_Changes.Instance_Changes.instance_type'],
    ['Change', 'Instance_Changes', 'All_Changes.Account_Management.src_user'],
    ['Change', 'Instance_Changes', 'Instance_Changes.instance_type'],
    ['Endpoint', 'Processes', 'Registry.registry_path'],
  ] as const)('%s.%s has no field %s', (model, name, search) => {
    expect(resolveField(dataset(model, name), search)).toBeUndefined();
  });
});

describe('datasets', () => {
  it('types and multivalue flags follow CIM', () => {
    const traffic = dataset('Network_Traffic', 'All_Traffic');
    expect(resolveField(traffic, 'All_Traffic.bytes')?.type).toBe('number');
    expect(resolveField(traffic, 'All_Traffic.tag')?.multivalue).toBe(true);
    expect(resolveField(dataset('Endpoint', 'Filesystem'), 'Filesystem.file_create_time')?.type).toBe('time');
  });

  it('a root table has the columns of all its descendants, and each child shares it', () => {
    const root = dataset('Change', 'All_Changes');
    const child = dataset('Change', 'Instance_Changes');
    expect(root.columns.map((c) => c.name)).toEqual(
      expect.arrayContaining(['instance_type', 'src_user', 'user']),
    );
    expect(child.columns).toBe(child.columns);
    expect(child.table).toBe(root.table);
    expect(root.fields.map((f) => f.name)).not.toContain('instance_type');
  });

  it('column names are unique within a table', () => {
    for (const d of listRootDatasets()) {
      const names = d.columns.map((c) => c.name);
      expect(new Set(names).size, d.table).toBe(names.length);
    }
  });

  it('table names are unique across roots', () => {
    const tables = listRootDatasets().map((d) => d.table);
    expect(new Set(tables).size).toBe(tables.length);
  });

  it('every dataset of every generated model is listed', () => {
    expect(listDatasets().length).toBeGreaterThan(100);
    expect(listRootDatasets().length).toBeGreaterThanOrEqual(30);
  });
});

describe('hand-written Web', () => {
  it('declares the fields of the generated CIM Web root, same types and order, then vigil’s extension', () => {
    const generated = cimModel('Web').datasets[0]?.fields.map(([name, type, mv]) => [
      name,
      type,
      mv === true,
    ]);
    const hand = dataset('Web')
      .fields.filter((f) => f.owner === 'Web')
      .map((f) => [f.name, f.type, f.multivalue === true]);
    expect(hand).toEqual([...(generated ?? []), ['http_request_content_type', 'string', false]]);
  });
});
