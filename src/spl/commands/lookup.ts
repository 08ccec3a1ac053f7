import { DiagnosticError, error, type Span } from '../../core/diagnostics.js';
import { EXTERNAL_LOOKUPS, type LookupResolver, type LookupTable } from '../../core/lookup.js';
import {
  applyLookup,
  type LookupField,
  type LookupRequest,
  missingTableFields,
} from '../../engine/lookup-match.js';
import type { CommandNode } from '../ast.js';
import { defineCommand } from '../command.js';
import type { Cursor } from '../cursor.js';
import { boolOption } from '../options.js';

export interface LookupNode extends CommandNode {
  readonly kind: 'lookup';
  readonly table: string;
  readonly tableSpan: Span;
  readonly request: LookupRequest;
}

const MODES = ['OUTPUT', 'OUTPUTNEW'] as const;

/** `local=` and `update=` only steer where and when Splunk reads the table; vigil reads it once, locally. */
const HARMLESS_OPTIONS = new Set(['local', 'update']);

/**
 * `lookup [local=b] [update=b] <table> <field> [AS <event-field>] ... [OUTPUT|OUTPUTNEW <field> [AS <new>] ...]`
 * (Search Reference, lookup; spec §3).
 */
export const lookup = defineCommand<LookupNode>({
  name: 'lookup',
  parse(args) {
    const c = args.cursor();
    for (let o = c.acceptOption(); o; o = c.acceptOption()) {
      if (HARMLESS_OPTIONS.has(o.name)) boolOption(c, o.name, o.value.value, o.value.span, false);
      else c.fail('SPL1501', `lookup option "${o.name}=" is not supported by vigil`, o.span);
    }
    const name = c.expectValue('a lookup table name');
    const inputs = fieldPairs(c, 'a lookup field to match on');
    const clause = MODES.some((m) => c.isKeyword(m)) ? c.next() : undefined;
    const mode = (clause?.value.toUpperCase() ?? 'OUTPUT') as LookupRequest['mode'];
    const outputs = clause ? fieldPairs(c, `a field after ${mode}`) : [];
    if (!c.atEnd()) c.fail('SPL1500', `unexpected "${c.peek()?.value}" in lookup${c.describeHere()}`);
    if (name && inputs.length === 0)
      c.fail('SPL1500', 'lookup needs at least one field to match on', args.span);
    if (clause && outputs.length === 0) c.fail('SPL1500', `${mode} needs at least one field`, clause.span);
    return {
      kind: 'lookup',
      span: args.span,
      table: name?.value ?? '',
      tableSpan: name?.span ?? args.span,
      request: { inputs, outputs, mode },
    };
  },
  exec(node, rows, env) {
    const table = resolveTable(env.lookups, node.table, node.tableSpan);
    const missing = missingTableFields(table, node.request);
    if (missing.length > 0) {
      const message = `lookup table "${node.table}" has no field ${missing.map((f) => `"${f}"`).join(', ')}`;
      throw new DiagnosticError([
        error('ENG3501', message, node.span, `its fields: ${table.fields.join(', ')}`),
      ]);
    }
    return applyLookup(table, node.request, rows);
  },
});

/** `a [AS b]` pairs separated by spaces or commas, up to OUTPUT/OUTPUTNEW or the end. */
function fieldPairs(c: Cursor, what: string): LookupField[] {
  const out: LookupField[] = [];
  while (!c.atEnd() && !MODES.some((m) => c.isKeyword(m))) {
    if (c.accept('comma')) continue;
    const t = c.expectValue(what);
    if (!t) {
      c.skipRest();
      break;
    }
    const as = c.acceptKeyword('as') ? c.expectValue(`a field name after "${t.value} AS"`) : undefined;
    out.push({ table: t.value, event: as?.value ?? t.value });
  }
  return out;
}

/** The table a search names, or the run-time error every lookup-reading command gives for an unknown one. */
export function resolveTable(lookups: LookupResolver | undefined, name: string, span: Span): LookupTable {
  const table = lookups?.(name);
  if (table?.unavailable) {
    throw new DiagnosticError([
      error('ENG3502', `lookup table "${name}" cannot be used: ${table.unavailable}`, span),
    ]);
  }
  if (table) return table;
  const app = EXTERNAL_LOOKUPS[name];
  const hint = !lookups
    ? 'this search runs without content, so no lookup tables are loaded'
    : app
      ? `it ships with ${app}, not with security_content: add it as lookups/${name}.yml and its CSV in a content folder`
      : 'define it in a content folder: lookups/<name>.yml naming a CSV file beside it';
  throw new DiagnosticError([error('ENG3500', `lookup table "${name}" is not defined`, span, hint)]);
}
