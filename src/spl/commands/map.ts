import type { Row } from '../../core/value.js';
import { toText } from '../../engine/values.js';
import type { CommandNode } from '../ast.js';
import { defineCommand } from '../command.js';
import { intOption } from '../options.js';

export interface MapNode extends CommandNode {
  readonly kind: 'map';
  /** The search run once per input row, with `$field$` replaced by that row's value. */
  readonly search: string;
  readonly maxSearches: number;
}

/** Splunk's default `maxsearches`. */
const MAX_SEARCHES = 10;

/** `$field$` → the row's value as text; a missing field becomes empty, as in Splunk. */
export function fillTokens(template: string, row: Row): string {
  return template.replace(/\$([^$\s]+)\$/g, (_m, field: string) => {
    const v = row[field];
    if (Array.isArray(v))
      throw new Error(`map: $${field}$ is multivalue; vigil substitutes single values only`);
    return v === undefined || v === null ? '' : (toText(v) ?? '');
  });
}

/** `map search="<spl with $field$>" [maxsearches=N]`: one search per input row (the first N), results concatenated. */
export const map = defineCommand<MapNode>({
  name: 'map',
  parse(args) {
    const c = args.cursor();
    let search: string | undefined;
    let maxSearches = MAX_SEARCHES;
    while (!c.atEnd()) {
      const opt = c.acceptOption();
      if (!opt) {
        c.fail(
          'SPL1004',
          `map takes search="..." and maxsearches=N${c.describeHere()}`,
          c.here(),
          'a saved search name is not supported',
        );
        c.skipRest();
        break;
      }
      if (opt.name === 'search') search = opt.value.value;
      else if (opt.name === 'maxsearches')
        maxSearches = intOption(c, 'maxsearches', opt.value.value, opt.span, MAX_SEARCHES, 1);
      else c.fail('SPL1015', `map option ${opt.name}= is not supported by vigil`, opt.span);
    }
    if (search === undefined) c.fail('SPL1004', 'map needs search="..."', args.span);
    return { kind: 'map', span: args.span, search: search ?? '', maxSearches };
  },
  async exec(node, rows, env) {
    if (!env.searchText) throw new Error('map needs a store to run its searches');
    const out: Row[] = [];
    for (const row of rows.slice(0, node.maxSearches))
      out.push(...(await env.searchText(fillTokens(node.search, row))));
    return out;
  },
});
