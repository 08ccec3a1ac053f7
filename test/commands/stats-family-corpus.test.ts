import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { macroLookup } from '../../src/content/macros.js';
import { packageRoot } from '../../src/core/paths.js';
import { loadAllContent } from '../../src/jobs/content.js';
import { expandMacros } from '../../src/spl/macros.js';
import { splitPipes } from '../../src/spl/parser.js';
import { parseAfterTstats } from './helpers.js';

// Every use of the stats-family and row-shaping commands in the detections of the corpus (all of them, not
// only the `| tstats` ones, for more forms) parses; the few forms vigil refuses on purpose are listed with the code they must get.
const CORPUS = join(packageRoot(), '..', 'shared', 'corpus', 'security_content');
const COMMANDS = new Set(
  'stats eventstats timechart bin bucket dedup sort fillnull addtotals makemv replace foreach transaction outlier head'.split(
    ' ',
  ),
);
/** Forms refused by name, with the code they get. */
const REFUSED: readonly [RegExp, string][] = [
  // startswith/endswith need Splunk's event-order state machine
  [/^transaction .*\b(startswith|endswith)=/i, 'SPL1417'],
  // sparkline draws a chart, which a detection's results do not need
  [/^stats sparkline\b/, 'SPL1401'],
];

/** The top-level commands of a search, and those of its [subsearches] (`appendpipe [| timechart ...]`). */
function segmentsOf(text: string): string[] {
  const insides = [...text.matchAll(/\[\s*\|?([^[\]]*)\]/g)].map((m) => m[1] ?? '');
  return [text, ...insides]
    .flatMap((t) => splitPipes(t).map((s) => t.slice(s.start, s.end).trim()))
    .filter((seg) => COMMANDS.has(/^[A-Za-z_]+/.exec(seg)?.[0]?.toLowerCase() ?? ''));
}

describe.skipIf(!existsSync(CORPUS))('corpus forms of the stats family', () => {
  it('parse', { timeout: 120_000 }, async () => {
    const content = await loadAllContent({ contentDirs: [CORPUS], macroFiles: [] });
    const lookup = macroLookup(content.macros);
    const searches = content.detections.map((d) => expandMacros(d.search, lookup).text);
    const forms = new Set(searches.flatMap(segmentsOf));
    const failures: string[] = [];
    for (const form of forms) {
      const got = parseAfterTstats(form).diagnostics.map((d) => `${d.code} ${d.message}`);
      const refusal = REFUSED.find(([re]) => re.test(form));
      const ok = refusal ? got.some((g) => g.startsWith(refusal[1])) : got.length === 0;
      if (!ok) failures.push(`${form}\n    ${got.join('\n    ') || '(no diagnostic)'}`);
    }
    expect(forms.size).toBeGreaterThan(600);
    expect(failures).toEqual([]);
  });
});
