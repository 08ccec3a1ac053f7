import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { checkEveOptions, type EveOptions, type EveTruth, generateEve } from './eve.js';

/** Path of the truth file written beside a generated EVE file. */
export function truthPath(out: string): string {
  return `${out}.truth.json`;
}

/** Generates EVE into `out` (overwritten) and its truth into `out.truth.json`; returns the truth. */
export function writeEveFile(opts: EveOptions, out: string): EveTruth {
  checkEveOptions(opts);
  const fd = openSync(out, 'w');
  let truth: EveTruth;
  try {
    truth = generateEve(opts, (chunk) => {
      writeSync(fd, chunk);
    });
  } finally {
    closeSync(fd);
  }
  writeFileSync(truthPath(out), `${JSON.stringify(truth, null, 2)}\n`);
  return truth;
}
