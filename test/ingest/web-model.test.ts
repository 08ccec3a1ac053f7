import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { suricata } from '../../src/ingest/formats/suricata.js';
import { getDataset, listDatasets } from '../../src/model/registry.js';
import { web } from '../../src/model/web.js';

const FIELDS_TSV = '../shared/cim/fields.tsv';

describe('model registry', () => {
  it.each([
    ['Web', undefined, 'web'],
    ['Web', 'Web', 'web'],
  ])('getDataset(%s, %s) → table %s', (model, dataset, table) => {
    expect(getDataset(model, dataset)?.table).toBe(table);
  });

  it.each([
    ['web', undefined],
    ['Web', 'Nope'],
    ['Endpoint', undefined],
  ])('getDataset(%s, %s) is undefined', (model, dataset) => {
    expect(getDataset(model, dataset)).toBeUndefined();
  });

  it('lists Web among the datasets', () => {
    expect(listDatasets().map((d) => `${d.model}:${d.dataset}`)).toContain('Web:Web');
  });
});

describe('Web dataset', () => {
  it('starts with the BaseEvent fields', () => {
    expect(web.fields.slice(0, 4)).toEqual([
      { name: '_time', type: 'time', owner: 'BaseEvent' },
      { name: 'host', type: 'string', owner: 'BaseEvent' },
      { name: 'source', type: 'string', owner: 'BaseEvent' },
      { name: 'sourcetype', type: 'string', owner: 'BaseEvent' },
    ]);
  });

  it.skipIf(!existsSync(FIELDS_TSV))(
    'has exactly the CIM Web root fields with their types, then vigil’s one extension',
    () => {
      const cim = readFileSync(FIELDS_TSV, 'utf8')
        .split('\n')
        .map((line) => line.split('\t'))
        .filter(([model, dataset]) => model === 'Web' && dataset === 'Web.Web')
        .map(([, , name, type]) => ({ name, type }));
      expect(web.fields.slice(4).map((f) => ({ name: f.name, type: f.type }))).toEqual([
        ...cim,
        { name: 'http_request_content_type', type: 'string' },
      ]);
    },
  );

  it('calculates only its own fields, each once', () => {
    const names = new Set(web.fields.map((f) => f.name));
    const outputs = (web.calculated ?? []).map((c) => c.field);
    expect(outputs.filter((f) => !names.has(f))).toEqual([]);
    expect(new Set(outputs).size).toBe(outputs.length);
  });
});

describe('suricata mapping', () => {
  it('maps only Web fields', () => {
    const names = new Set(web.fields.map((f) => f.name));
    expect(Object.keys(suricata.mapping).filter((f) => !names.has(f))).toEqual([]);
  });
});
