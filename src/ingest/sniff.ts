import { AUTO_FORMAT, formatNames, getFormat, listFormats } from './formats/registry.js';
import type { LogFormat } from './formats/types.js';
import { decodeLine } from './records.js';

/** How much of a file `--format auto` looks at. */
const SAMPLE_BYTES = 64 << 10;
const SAMPLE_LINES = 50;

/**
 * The format named by `--format` (or recorded for the file when it was first read), or under `auto`
 * the first registered format whose sniffer recognises the sample. Returns a one-line reason when
 * there is none, naming what to do, and `format: null` when the sample holds no line to tell by yet.
 */
export async function chooseFormat(
  name: string,
  sample: () => Promise<Buffer>,
  recorded?: string,
): Promise<{ format: LogFormat | null } | { error: string }> {
  const wanted = recorded ?? name;
  if (wanted !== AUTO_FORMAT) {
    const format = getFormat(wanted);
    return format ? { format } : { error: `unknown log format "${wanted}" (${knownFormats()})` };
  }
  const lines = sampleLines(await sample());
  if (lines.length === 0) return { format: null };
  const format = listFormats().find((f) => f.sniff(lines));
  if (format) return { format };
  return {
    error: `the log format is not one vigil knows from its first lines; give --format NAME (${knownFormats()})`,
  };
}

export function knownFormats(): string {
  return `one of ${formatNames().join(', ')}, or ${AUTO_FORMAT}`;
}

/** The sample's non-blank lines, the last one dropped when the sample cuts it. */
export function sampleLines(bytes: Buffer): string[] {
  const head = bytes.subarray(0, SAMPLE_BYTES);
  const cut = head.length === SAMPLE_BYTES ? head.lastIndexOf(0x0a) : head.length;
  return decodeLine(head.subarray(0, Math.max(cut, 0)))
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '')
    .slice(0, SAMPLE_LINES);
}

/**
 * The first SAMPLE_BYTES (or fewer) of a stream, which is then left. A stream that fails (a cut-off
 * gzip file) gives what it yielded before: reading the file reports the failure at its line.
 */
export async function headOf(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const taken: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      taken.push(chunk);
      size += chunk.length;
      if (size >= SAMPLE_BYTES) break;
    }
  } catch {
    // keep what was read
  }
  return Buffer.concat(taken);
}

/** The first SAMPLE_BYTES of a stream, and the whole stream again (sample included) to read on. */
export async function peek(
  stream: AsyncIterable<Buffer>,
): Promise<{ sample: Buffer; stream: AsyncIterable<Buffer> }> {
  const iterator = stream[Symbol.asyncIterator]();
  const taken: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < SAMPLE_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : next.value;
    taken.push(chunk);
    size += chunk.length;
  }
  async function* replay(): AsyncGenerator<Buffer> {
    yield* taken;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { sample: Buffer.concat(taken), stream: replay() };
}
