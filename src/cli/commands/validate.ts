import { loadAllContent } from '../../jobs/content.js';
import { validateContent } from '../../jobs/validate.js';
import type { CliCommand } from '../command.js';
import { listOpt, UsageError } from '../command.js';
import { CONTENT_OPTIONS, CONTENT_USAGE, formatProblem } from '../shared.js';

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'check detections, macros, lookups and stories the way contentctl validate does',
  usage: [
    'usage: vigil validate --content DIR [options]',
    '',
    'Checks each YAML file against the schema (both detection forms), that references resolve (stories,',
    'macros, lookups), that macros expand and that data-model searches parse. Prints one line a problem:',
    'file:line  field.path  severity: message. Exit code 1 when there is any error.',
    '',
    CONTENT_USAGE,
  ].join('\n'),
  options: { ...CONTENT_OPTIONS },
  async run(values, _positionals, io) {
    const dirs = listOpt(values, 'content');
    if (dirs.length === 0) throw new UsageError('give the content to check with --content DIR');
    const macroFiles = listOpt(values, 'macros');
    const content = await loadAllContent({
      contentDirs: dirs,
      ...(macroFiles.length ? { macroFiles } : {}),
      cwd: io.cwd,
    });
    const problems = await validateContent(content);
    for (const p of problems) io.out(formatProblem(p));
    const errors = problems.filter((p) => p.severity === 'error').length;
    io.err(
      `${content.detections.length} detections, ${content.macros.size} macros, ${content.lookups.length} lookups, ${content.stories.length} stories: ${errors} errors, ${problems.length - errors} warnings`,
    );
    return errors > 0 ? 1 : 0;
  },
};
