import { explainDetection, type WhyReport } from '../../jobs/why.js';
import { isoTime, type NearRows } from '../../jobs/why-verdict.js';
import { servable } from '../../service/client.js';
import { type CliCommand, stringOpt, UsageError } from '../command.js';
import {
  CONTENT_OPTIONS,
  CONTENT_USAGE,
  contentFrom,
  formatFrom,
  openStoreFrom,
  STORE_OPTION,
  STORE_USAGE,
  TIME_OPTIONS,
  TIME_USAGE,
  timeFrom,
} from '../shared.js';

/** A label, its counts and a note after them; a line without counts is a heading. */
interface Line {
  readonly label: string;
  readonly counts?: readonly (number | string)[];
  readonly note?: string;
}

const range = (r: { earliest: number | null; latest: number | null }) =>
  `[${isoTime(r.earliest)}, ${isoTime(r.latest)})`;

function nearLine(side: string, n: NearRows | null): Line[] {
  if (!n) return [];
  const note = n.rows ? `first ${isoTime(n.first)}, last ${isoTime(n.last)}` : undefined;
  return [{ label: `  ${side} ${range(n)}`, counts: [n.rows], ...(note && { note }) }];
}

function conditionLines(r: WhyReport): Line[] {
  if (!r.conditions.length) return [];
  return [
    { label: 'where clause, term by term', counts: ['alone', 'in sequence'] },
    ...r.conditions.map((c) => ({ label: `  ${c.text}`, counts: [c.alone, c.inSequence] })),
  ];
}

function reportLines(r: WhyReport): Line[] {
  const near = r.near.before || r.near.after;
  return [
    { label: `rows in ${r.dataset} in the window`, counts: [r.inWindow] },
    ...conditionLines(r),
    { label: 'rows passing the where clause', counts: [r.afterWhere] },
    {
      label:
        r.fillnull === undefined ? 'null BY values' : `null BY values (kept: fillnull_value=${r.fillnull})`,
    },
    ...r.by.map((b) => ({ label: `  ${b.field}`, counts: [b.nulls] })),
    { label: 'rows dropped for a null BY value', counts: [r.nullDropped] },
    { label: 'tstats result rows', counts: [r.results.tstats] },
    { label: 'rows after the pipeline, filter macro as search *', counts: [r.results.withoutFilter] },
    { label: 'rows after the whole search (what fires)', counts: [r.results.asDefined] },
    ...(near ? [{ label: 'rows passing the where clause just outside the window' }] : []),
    ...nearLine('before', r.near.before),
    ...nearLine('after ', r.near.after),
  ];
}

/** Labels padded to one width, counts right-aligned in columns, notes after them. */
function align(lines: readonly Line[]): string[] {
  const width = Math.max(...lines.filter((l) => l.counts).map((l) => l.label.length));
  return lines.map(({ label, counts, note }) => {
    if (!counts) return label;
    const cells = counts.map((c, i) => String(c).padStart(i === 0 ? 8 : 13)).join('');
    return `${label.padEnd(width)}${cells}${note ? `  ${note}` : ''}`;
  });
}

export function formatWhy(r: WhyReport): string {
  const filter = r.filter.used ? r.filter.definition : 'not used by the search';
  return [
    `${r.detection.name}: ${r.verdict.text}`,
    '',
    `dataset ${r.dataset}, window ${range(r.window)}`,
    `filter macro ${r.filter.name}: ${filter}`,
    ...r.warnings.map((w) => `warning: ${w}`),
    '',
    ...align(reportLines(r)),
  ].join('\n');
}

export const whyCommand: CliCommand = servable({
  name: 'why',
  summary: 'explain from the data why a detection did not fire (or that it does)',
  usage: [
    'usage: vigil why DETECTION [options]',
    '',
    'Explains a silent detection from the data in the store: rows of its data model in the window, rows',
    'passing each where-clause term alone and in sequence, rows tstats drops for a null BY value, what the',
    'filter macro removes and rows that just miss the window. DETECTION is a name or an id.',
    '',
    TIME_USAGE,
    "                     with neither --earliest nor --latest: the detection's own window from --now",
    '  --all-time         search all time',
    STORE_USAGE,
    CONTENT_USAGE,
    '  --format F         table (default) or json',
  ].join('\n'),
  options: {
    ...STORE_OPTION,
    ...CONTENT_OPTIONS,
    ...TIME_OPTIONS,
    'all-time': { type: 'boolean' },
    format: { type: 'string' },
  },
  async run(values, positionals, io) {
    const format = formatFrom(values, ['table', 'json']);
    const detection = positionals.join(' ');
    if (!detection) throw new UsageError('name the detection to explain');
    const time = timeFrom(values);
    const ranged = stringOpt(values, 'earliest') !== undefined || stringOpt(values, 'latest') !== undefined;
    if (values['all-time'] && ranged)
      throw new UsageError('--all-time cannot be combined with --earliest/--latest');
    const window = values['all-time'] || ranged ? { earliest: time.earliest, latest: time.latest } : {};
    const content = await contentFrom(values, io);
    const store = await openStoreFrom(values, io);
    try {
      const report = await explainDetection(store, { content, detection, now: time.now, ...window });
      io.out(format === 'json' ? JSON.stringify(report, null, 2) : formatWhy(report));
      return 0;
    } finally {
      await store.close();
    }
  },
});
