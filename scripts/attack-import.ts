/**
 * Derives vigil's compact ATT&CK table `data/attack.json` from the shared ATT&CK extract.
 *
 *   npm run build && node dist/scripts/attack-import.js [input.json] [output.json]
 *
 * Keeps only what annotations need: tactics (id, name, shortname), each technique's name and tactic
 * shortnames (plus deprecated/revoked flags), and the tactic → kill chain phase map contentctl uses.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../src/core/paths.js';

const Source = z.object({
  source: z.object({ commit: z.string(), attack_version: z.string(), license: z.string() }),
  tactics: z.array(z.object({ id: z.string(), name: z.string(), shortname: z.string() })),
  techniques: z.record(
    z.string(),
    z.object({
      name: z.string(),
      tactics: z.array(z.string()),
      deprecated: z.boolean(),
      revoked: z.boolean(),
    }),
  ),
  killchain: z.record(z.string(), z.string()),
});
type Source = z.infer<typeof Source>;

function techniqueLine(id: string, t: Source['techniques'][string]): string {
  const entry = {
    name: t.name,
    tactics: t.tactics,
    ...(t.deprecated ? { deprecated: true } : {}),
    ...(t.revoked ? { revoked: true } : {}),
  };
  return `    ${JSON.stringify(id)}: ${JSON.stringify(entry)}`;
}

/** One technique or tactic per line, so a new ATT&CK release diffs line by line. */
function renderAttack(src: Source): string {
  const ids = Object.keys(src.techniques).sort();
  const source = {
    attack_version: src.source.attack_version,
    mitre_cti_commit: src.source.commit,
    license: src.source.license,
  };
  return [
    '{',
    `  "source": ${JSON.stringify(source)},`,
    '  "tactics": [',
    src.tactics.map((t) => `    ${JSON.stringify(t)}`).join(',\n'),
    '  ],',
    `  "killchain": ${JSON.stringify(src.killchain)},`,
    '  "techniques": {',
    ids.map((id) => techniqueLine(id, src.techniques[id] as Source['techniques'][string])).join(',\n'),
    '  }',
    '}',
    '',
  ].join('\n');
}

function main(argv: readonly string[]): void {
  const root = packageRoot();
  const input = argv[0] ?? join(root, '..', 'shared', 'attack', 'enterprise-attack-compact.json');
  const output = argv[1] ?? join(root, 'data', 'attack.json');
  const src = Source.parse(JSON.parse(readFileSync(input, 'utf8')));
  writeFileSync(output, renderAttack(src));
  console.log(
    `wrote ${output}: ${src.tactics.length} tactics, ${Object.keys(src.techniques).length} techniques`,
  );
}

main(process.argv.slice(2));
