import { DiagnosticError, error } from '../../core/diagnostics.js';
import type { Row } from '../../core/value.js';
import { toText, valuesOf } from '../../engine/values.js';
import { defaultGeoDatabase, type GeoLocation, type GeoLookup } from '../../geo/database.js';
import type { CommandNode } from '../ast.js';
import { defineCommand } from '../command.js';
import type { CommandOption, Cursor } from '../cursor.js';
import { boolOption } from '../options.js';

export interface IplocationNode extends CommandNode {
  readonly kind: 'iplocation';
  readonly field: string;
  readonly prefix: string;
}

/** The fields `iplocation` adds without allfields=true (Search Reference, iplocation). */
const FIELDS = ['City', 'Country', 'Region', 'lat', 'lon'] as const satisfies readonly (keyof GeoLocation)[];

/** Options other than prefix=: allfields= and lang= are read only at the values vigil can honour. */
function refuseOption(c: Cursor, o: CommandOption): void {
  const value = o.value.value;
  if (o.name === 'allfields') {
    // DB-IP Lite has no metro codes or time zones, so Splunk's extra fields cannot be given faithfully
    if (boolOption(c, o.name, value, o.value.span, false))
      c.fail(
        'SPL1521',
        'iplocation allfields=true is not supported: the database has no MetroCode or Timezone',
        o.span,
      );
  } else if (o.name === 'lang') {
    if (value.toLowerCase() !== 'en')
      c.fail(
        'SPL1522',
        `iplocation lang=${value} is not supported: the database names places in English only`,
        o.span,
      );
  } else c.fail('SPL1523', `iplocation option "${o.name}=" is not supported by vigil`, o.span);
}

/**
 * `iplocation [prefix=<s>] [allfields=false] [lang=en] <ip-field>`: City, Country, Region, lat, lon from the
 * bundled DB-IP City Lite database (spec §3); an address it does not know (private, reserved, not an address)
 * leaves those fields empty.
 */
export const iplocation = defineCommand<IplocationNode>({
  name: 'iplocation',
  parse(args) {
    const c = args.cursor();
    let prefix = '';
    let field: string | undefined;
    c.eachArgument(
      (o) => {
        if (o.name === 'prefix') prefix = o.value.value;
        else refuseOption(c, o);
      },
      () => {
        const t = c.expectValue('the field holding IP addresses');
        if (!t) c.skipRest();
        else if (field !== undefined) c.fail('SPL1520', 'iplocation takes one field', t.span);
        else field = t.value;
      },
    );
    if (field === undefined) c.fail('SPL1004', 'iplocation needs the field holding IP addresses', args.span);
    return { kind: 'iplocation', span: args.span, field: field ?? '', prefix };
  },
  async exec(node, rows) {
    const locate = await openDatabase(node);
    return rows.map((row) => locateRow(row, node, locate));
  },
});

async function openDatabase(node: IplocationNode): Promise<GeoLookup> {
  try {
    return await defaultGeoDatabase();
  } catch (e) {
    const hint = 'install vigil with its dependencies (npm install) to get the offline database';
    throw new DiagnosticError([error('ENG3520', (e as Error).message, node.span, hint)]);
  }
}

function locateRow(row: Row, node: IplocationNode, locate: GeoLookup): Row {
  // a multivalue field is located by its first value (UNCONFIRMED: Splunk's rule is undocumented)
  const first = valuesOf(row[node.field] ?? null)[0];
  const loc = first === undefined ? null : locate(toText(first) as string);
  const out: Row = { ...row };
  for (const f of FIELDS) {
    const v = loc?.[f] ?? null;
    if (v === null) delete out[node.prefix + f];
    else out[node.prefix + f] = v;
  }
  return out;
}
