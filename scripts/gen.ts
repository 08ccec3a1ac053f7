/**
 * Writes generated Suricata EVE JSON with planted WS_FTP cases, and FILE.truth.json beside it.
 *
 *   npm run build && node dist/scripts/gen.js --events N --seed S --out FILE
 *       [--start ISO] [--span-hours H] [--http-ratio 0.3]
 *   npm run gen -- --events N --seed S --out FILE
 */
import { parseArgs } from 'node:util';
import { EVE_DEFAULTS, type EveOptions } from '../src/gen/eve.js';
import { truthPath, writeEveFile } from '../src/gen/write.js';

const USAGE =
  'usage: gen --events N --seed S --out FILE [--start ISO] [--span-hours H] [--http-ratio R]\n' +
  `  defaults: --start ${new Date(EVE_DEFAULTS.start * 1000).toISOString()} --span-hours ${EVE_DEFAULTS.spanHours}` +
  ` --http-ratio ${EVE_DEFAULTS.httpRatio}`;

function number(text: string | undefined, name: string, fallback?: number): number {
  if (text === undefined && fallback !== undefined) return fallback;
  const n = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isFinite(n))
    throw new Error(`--${name} needs a number`);
  return n;
}

function readOptions(argv: string[]): { opts: EveOptions; out: string } {
  const { values } = parseArgs({
    args: argv,
    options: {
      events: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      start: { type: 'string' },
      'span-hours': { type: 'string' },
      'http-ratio': { type: 'string' },
    },
  });
  if (values.out === undefined || values.seed === undefined) throw new Error('--out and --seed are required');
  const start = values.start === undefined ? EVE_DEFAULTS.start : Date.parse(values.start) / 1000;
  if (!Number.isFinite(start)) throw new Error(`--start: not an ISO-8601 time: ${values.start}`);
  const opts: EveOptions = {
    events: number(values.events, 'events'),
    seed: values.seed,
    start,
    spanHours: number(values['span-hours'], 'span-hours', EVE_DEFAULTS.spanHours),
    httpRatio: number(values['http-ratio'], 'http-ratio', EVE_DEFAULTS.httpRatio),
  };
  return { opts, out: values.out };
}

function main(): number {
  let parsed: { opts: EveOptions; out: string };
  try {
    parsed = readOptions(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const began = performance.now();
  try {
    const truth = writeEveFile(parsed.opts, parsed.out);
    const seconds = (performance.now() - began) / 1000;
    const mb = truth.bytes / 1e6;
    process.stdout.write(
      `wrote ${truth.events} events (${mb.toFixed(1)} MB) to ${parsed.out} in ${seconds.toFixed(1)} s; ` +
        `${truth.planted.length} planted cases in ${truthPath(parsed.out)}\n`,
    );
    return 0;
  } catch (e) {
    process.stderr.write(`gen: ${(e as Error).message}\n`);
    return 1;
  }
}

process.exitCode = main();
