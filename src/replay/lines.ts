import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

/**
 * A file's lines (gzip when named `.gz`), without their `\n` but with any `\r`, decoded as Latin-1 so
 * that writing them back as Latin-1 gives the same bytes whatever the encoding: times are ASCII.
 */
export async function* readLines(file: string): AsyncGenerator<string> {
  const raw = createReadStream(file);
  const stream = file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  raw.on('error', (err) => stream.destroy(err));
  stream.setEncoding('latin1');
  let rest = '';
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      yield* parts;
    }
  } catch (err) {
    throw new Error(`cannot read ${file}: ${(err as Error).message}`);
  }
  if (rest !== '') yield rest;
}

/** The bytes of lines read by `readLines`, each ended by `\n`. */
export function encodeLines(lines: readonly string[]): Buffer {
  return Buffer.from(lines.length === 0 ? '' : `${lines.join('\n')}\n`, 'latin1');
}
