/**
 * Writes `data/cim/<model>.json`, one generated data file per CIM data model JSON of the reference
 * collection (facts only: datasets, fields, types, constraints, calculations):
 *
 *   npx tsc -p tsconfig.json && node dist/scripts/cim.js [--cim ../shared/cim] [--out data/cim]
 *
 * Versions and sources come from the collection's README.md (one line per model file).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { CimDataset, CimField, CimModel } from '../src/model/cim-types.js';
import type { FieldType, ModelCalculation } from '../src/model/types.js';

interface JsonField {
  readonly fieldName: string;
  readonly type: string;
  readonly multivalue?: boolean;
}

interface JsonCalculation {
  readonly calculationType: string;
  readonly outputFields: readonly JsonField[];
  readonly expression?: string;
  readonly inputField?: string;
  readonly lookupName?: string;
  readonly lookupInputs?: readonly { inputField: string; lookupField: string }[];
}

interface JsonObject {
  readonly objectName: string;
  readonly parentName: string;
  readonly fields: readonly JsonField[];
  readonly calculations?: readonly JsonCalculation[];
  readonly constraints?: readonly { search: string }[];
}

const BASE_EVENT_FIELDS = new Set(['_time', 'host', 'source', 'sourcetype', '_raw']);

const TYPES: Record<string, FieldType> = {
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  timestamp: 'time',
};

function fieldOf(f: JsonField): CimField {
  const type = TYPES[f.type];
  if (type === undefined) throw new Error(`field ${f.fieldName}: unknown CIM type ${f.type}`);
  return f.multivalue ? [f.fieldName, type, true] : [f.fieldName, type];
}

function calculationOf(c: JsonCalculation): ModelCalculation {
  const fields = c.outputFields.map((f) => f.fieldName);
  if (c.calculationType === 'Eval') {
    return { kind: 'eval', field: fields[0] as string, expression: c.expression as string };
  }
  if (c.calculationType === 'Rex') {
    return { kind: 'rex', input: c.inputField as string, pattern: c.expression as string, fields };
  }
  if (c.calculationType === 'Lookup') {
    const inputs = (c.lookupInputs ?? []).map((i) => [i.inputField, i.lookupField] as const);
    return { kind: 'lookup', lookup: c.lookupName as string, inputs, fields };
  }
  throw new Error(`unknown calculation type ${c.calculationType}`);
}

function datasetOf(o: JsonObject, names: ReadonlySet<string>): CimDataset {
  const declared = [...o.fields, ...(o.calculations ?? []).flatMap((c) => c.outputFields)];
  const seen = new Set<string>();
  const fields = declared.filter((f) => {
    if (BASE_EVENT_FIELDS.has(f.fieldName) || seen.has(f.fieldName)) return false;
    seen.add(f.fieldName);
    return true;
  });
  return {
    name: o.objectName,
    parent: names.has(o.parentName) ? o.parentName : null,
    constraint: (o.constraints ?? []).map((c) => c.search).join(' '),
    fields: fields.map(fieldOf),
    calculations: (o.calculations ?? []).map(calculationOf),
  };
}

/** `- **Web** | repo | `path` | `commit` | version | size` lines of the collection README. */
function readProvenance(readme: string): Map<string, { version: string; source: string }> {
  const out = new Map<string, { version: string; source: string }>();
  for (const line of readme.split('\n')) {
    const m = /^- \*\*(\w+)\*\* \| ([^|]+) \| `([^`]+)` \| `([0-9a-f]+)` \| ([^|]+) \|/.exec(line);
    if (!m) continue;
    const [, model, repo, path, commit, version] = m as unknown as string[];
    out.set(model as string, {
      version: cimVersion(repo?.trim() as string, version?.trim() as string),
      source: `${repo?.trim()}:${path} @ ${commit?.slice(0, 12)} (${version?.trim()})`,
    });
  }
  return out;
}

/** aplura's files carry the CIM 8.5.0 content (README notes); Get-Sybers' are an installed CIM 6.0.2. */
function cimVersion(repo: string, version: string): string {
  if (repo === 'aplura/splunk-sa-cim') return '8.5.0';
  if (version.startsWith('ES ')) return version.split(' (')[0] as string;
  return /^\d+\.\d+\.\d+/.exec(version)?.[0] ?? version;
}

/** JSON where any array or object that fits in 100 characters stays on one line: a field or calculation a line. */
function render(model: CimModel): string {
  return `${pretty(model, '')}\n`;
}

function pretty(value: unknown, indent: string): string {
  const flat = JSON.stringify(value);
  if (typeof value !== 'object' || value === null || flat.length + indent.length <= 100) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + pretty(v, inner)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pretty(v, inner)}`);
  return `{\n${entries.join(',\n')}\n${indent}}`;
}

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      cim: { type: 'string', default: '../shared/cim' },
      out: { type: 'string', default: 'data/cim' },
    },
  });
  const cim = values.cim as string;
  const out = values.out as string;
  const provenance = readProvenance(readFileSync(join(cim, 'README.md'), 'utf8'));
  const files = readdirSync(join(cim, 'models'))
    .filter((f) => f.endsWith('.json'))
    .sort();
  for (const file of files) {
    const json = JSON.parse(readFileSync(join(cim, 'models', file), 'utf8'));
    const objects = json.objects as JsonObject[];
    const objectNames = new Set(objects.map((o) => o.objectName));
    const info = provenance.get(json.modelName) ?? { version: 'unknown', source: file };
    const model: CimModel = {
      model: json.modelName,
      cimVersion: info.version,
      source: info.source,
      datasets: objects.map((o) => datasetOf(o, objectNames)),
    };
    writeFileSync(join(out, `${model.model}.json`), render(model));
  }
}

main(process.argv.slice(2));
