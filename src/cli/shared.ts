import type { Content } from '../content/load.js';
import type { ContentProblem } from '../content/types.js';
import { DiagnosticError } from '../core/diagnostics.js';
import { loadAllContent } from '../jobs/content.js';
import { type IngestStore, openStore, resolveStorePath } from '../store/index.js';
import { isAllTime, parseTimeModifier, resolveTime } from '../time/modifiers.js';
import { type CliIO, listOpt, stringOpt, UsageError } from './command.js';
import { OUTPUT_FORMATS, type OutputFormat } from './format.js';

type Values = Record<string, unknown>;

export const STORE_OPTION = { store: { type: 'string' } } as const;
export const CONTENT_OPTIONS = {
  content: { type: 'string', multiple: true },
  macros: { type: 'string', multiple: true },
} as const;
export const TIME_OPTIONS = {
  earliest: { type: 'string' },
  latest: { type: 'string' },
  now: { type: 'string' },
} as const;

export const STORE_USAGE =
  '  --store PATH       DuckDB store file (default $VIGIL_STORE, else ./vigil.duckdb)';
export const CONTENT_USAGE = [
  '  --content DIR      a security_content folder (detections/, macros/, stories/); repeatable',
  '  --macros FILE      local macro overrides in macros.conf format (default ./local/macros.conf if present)',
].join('\n');
export const TIME_USAGE = [
  '  --earliest T       window start, a Splunk time modifier (-70m@m, @d, 0, 10/01/2023:16:00:00, ISO-8601)',
  '  --latest T         window end, exclusive (default: no bound)',
  '  --now T            the time relative modifiers are taken from (default: the clock)',
].join('\n');

const lent = new WeakMap<CliIO, () => Promise<IngestStore>>();

/** Commands run with `io` borrow a store someone else holds open (the running service's) instead of opening it. */
export function lendStore(io: CliIO, borrow: () => Promise<IngestStore>): void {
  lent.set(io, borrow);
}

export function storeLent(io: CliIO): boolean {
  return lent.has(io);
}

export async function openStoreFrom(values: Values, io: CliIO): Promise<IngestStore> {
  const borrow = lent.get(io);
  return borrow ? borrow() : openStore(resolveStorePath(stringOpt(values, 'store'), io.env));
}

export function formatProblem(p: ContentProblem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return `${where}  ${p.path || '-'}  ${p.severity}: ${p.message}`;
}

/** Loads bundled + given content; problems that stopped a file from loading are printed to stderr. */
export async function contentFrom(values: Values, io: CliIO): Promise<Content> {
  const macroFiles = listOpt(values, 'macros');
  const content = await loadAllContent({
    contentDirs: listOpt(values, 'content'),
    ...(macroFiles.length ? { macroFiles } : {}),
    cwd: io.cwd,
  });
  for (const p of content.problems) if (p.severity === 'error') io.err(formatProblem(p));
  return content;
}

function timeArg(text: string, now: number, flag: string): number | null {
  const parsed = parseTimeModifier(text);
  if (!parsed.ok)
    throw new DiagnosticError(
      [{ ...parsed.diagnostic, message: `--${flag}: ${parsed.diagnostic.message}` }],
      text,
    );
  return isAllTime(parsed.value) ? null : resolveTime(parsed.value, now);
}

export interface TimeFlags {
  readonly now: number;
  readonly earliest: number | null;
  readonly latest: number | null;
}

/** `--now` first (relative to the clock), then `--earliest`/`--latest` relative to it. */
export function timeFrom(values: Values): TimeFlags {
  const clock = Date.now() / 1000;
  const nowText = stringOpt(values, 'now');
  const now = nowText === undefined ? clock : (timeArg(nowText, clock, 'now') ?? 0);
  const e = stringOpt(values, 'earliest');
  const l = stringOpt(values, 'latest');
  return {
    now,
    earliest: e === undefined ? null : timeArg(e, now, 'earliest'),
    latest: l === undefined ? null : timeArg(l, now, 'latest'),
  };
}

export function formatFrom(values: Values, allowed: readonly OutputFormat[] = OUTPUT_FORMATS): OutputFormat {
  const f = stringOpt(values, 'format') ?? 'table';
  if (!(allowed as readonly string[]).includes(f))
    throw new UsageError(`--format must be one of ${allowed.join(', ')}`);
  return f as OutputFormat;
}
