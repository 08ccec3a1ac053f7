import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveField } from '../../src/model/fields.js';
import { getDataset, getDatasetByNodename } from '../../src/model/registry.js';
import type { DatasetDef } from '../../src/model/types.js';

const DETECTIONS = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'shared',
  'corpus',
  'security_content',
  'detections',
);

interface Use {
  readonly file: string;
  readonly search: string;
  readonly model: string;
  readonly dataset: string | undefined;
  readonly nodename: string | undefined;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yml') ? [join(dir, e.name)] : [],
  );
}

/** `from datamodel=<model>[.<dataset>]` (and `where nodename=`) of every production tstats detection. */
function corpusUses(): Use[] {
  return yamlFiles(DETECTIONS).flatMap((file) => {
    const doc = readYaml(file);
    const search = doc?.search ?? '';
    if (doc?.status !== 'production' || !search.trimStart().startsWith('| tstats')) return [];
    const from = /datamodel\s*=\s*"?(\w+)(?:\.([\w.]+))?/.exec(search);
    if (!from) return [];
    const nodename = /nodename\s*=\s*"?([\w.]+)/.exec(search)?.[1];
    return [{ file, search, model: from[1] as string, dataset: from[2], nodename }];
  });
}

/** A detection file, or undefined when it is not valid YAML (a few corpus files are not). */
function readYaml(file: string): { status?: string; search?: string } | undefined {
  try {
    return parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function datasetOf(u: Use): DatasetDef | undefined {
  return u.nodename ? getDatasetByNodename(u.model, u.nodename) : getDataset(u.model, u.dataset);
}

/** Names like `Processes.process_name` or `All_Risk.annotations.mitre_attack.mitre_tactic` in a search. */
function fieldNames(d: DatasetDef, search: string): string[] {
  const root = d.lineage.split('.')[0] as string;
  const names = search.match(new RegExp(`(?<![\\w.])${root}\\.[\\w.]*\\w`, 'g')) ?? [];
  return [...new Set(names)];
}

const present = existsSync(DETECTIONS);

describe.skipIf(!present)('datasets and fields the corpus uses (../shared; skipped when absent)', () => {
  const uses = present ? corpusUses() : [];

  it('finds the production tstats detections', () => {
    expect(uses.length).toBeGreaterThan(700);
  });

  it('every datamodel= and nodename= names a dataset', () => {
    const missing = uses
      .filter((u) => !datasetOf(u))
      .map((u) => `${u.file}: ${u.model} ${u.dataset ?? ''} ${u.nodename ?? ''}`);
    expect(missing).toEqual([]);
  });

  it('every dataset-prefixed field name resolves', () => {
    const unresolved = new Set<string>();
    for (const u of uses) {
      const d = datasetOf(u);
      if (!d) continue;
      for (const name of fieldNames(d, u.search)) {
        const isDataset = getDataset(d.model, name) !== undefined;
        if (!isDataset && !resolveField(d, name)) unresolved.add(`${d.model}: ${name}`);
      }
    }
    // not CIM fields (in any version read): Splunk reads them as null, vigil's planner warns
    expect([...unresolved].sort()).toEqual([
      'Authentication: Authentication.method',
      'Endpoint: Processes.orig_process_name',
    ]);
  });
});
