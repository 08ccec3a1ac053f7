import { baseEventFields } from './base-event.js';
import type { CimDataset, CimField, CimModel } from './cim-types.js';
import type { DatasetDef, FieldDef, ModelCalculation } from './types.js';

/** One dataset of a model tree with its ancestors, root first. */
interface Node {
  readonly data: CimDataset;
  readonly path: readonly CimDataset[];
}

/** The table of a root dataset: Web keeps `web`, others `<model>_<root>` in lower case. */
export function tableName(model: string, root: string): string {
  return (model === root ? model : `${model}_${root}`).toLowerCase();
}

/** Every dataset of a generated CIM model as a `DatasetDef`; children read their root's table. */
export function datasetsOf(model: CimModel): DatasetDef[] {
  const nodes = treeNodes(model);
  return nodes.map((node) => {
    const root = node.path[0] as CimDataset;
    const tree = nodes.filter((n) => n.path[0] === root);
    const lineage = lineageOf(node.path);
    return {
      model: model.model,
      dataset: lineage,
      lineage,
      constraints: node.path.slice(1).map((d) => d.constraint),
      table: tableName(model.model, root.name),
      fields: [...baseEventFields, ...node.path.flatMap((d, i) => ownFields(d, node.path.slice(0, i + 1)))],
      columns: [...baseEventFields, ...tree.flatMap((n) => ownFields(n.data, n.path))],
      calculations: tree.flatMap((n): readonly ModelCalculation[] => n.data.calculations),
    };
  });
}

/** Datasets in pre-order (each parent, then its subtree), so a root tree's calculations run root first. */
function treeNodes(model: CimModel): Node[] {
  const out: Node[] = [];
  const visit = (parent: string | null, path: readonly CimDataset[]): void => {
    for (const d of model.datasets.filter((x) => x.parent === parent)) {
      const here = [...path, d];
      out.push({ data: d, path: here });
      visit(d.name, here);
    }
  };
  visit(null, []);
  return out;
}

function lineageOf(path: readonly CimDataset[]): string {
  return path.map((d) => d.name).join('.');
}

function ownFields(d: CimDataset, path: readonly CimDataset[]): FieldDef[] {
  const owner = lineageOf(path);
  return d.fields.map((f) => fieldDef(f, owner));
}

function fieldDef([name, type, multivalue]: CimField, owner: string): FieldDef {
  return multivalue ? { name, type, multivalue, owner } : { name, type, owner };
}
