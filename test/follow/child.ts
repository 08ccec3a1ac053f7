// Run by crash.test.ts as a separate, compiled program: node child.js STORE IDLE_EXIT_MS INPUT...
// Follows INPUT... into STORE, printing a line per committed batch; stops on SIGTERM, or after
// IDLE_EXIT_MS without a batch when that is above 0.
import { follow } from '../../src/follow/follow.js';
import { openStore } from '../../src/store/index.js';

const [storePath = '', idleText = '0', ...inputs] = process.argv.slice(2);
const idleMs = Number(idleText);
const store = await openStore(storePath);
const stop = new AbortController();
process.on('SIGTERM', () => stop.abort());
let idle: NodeJS.Timeout | undefined;
const stillBusy = () => {
  clearTimeout(idle);
  if (idleMs > 0) idle = setTimeout(() => stop.abort(), idleMs);
};
stillBusy();
await follow(inputs, {
  store,
  host: 'vigil-test',
  pollMs: 10,
  signal: stop.signal,
  onBatch: (batch) => {
    stillBusy();
    process.stdout.write(`batch ${batch.total.linesRead}\n`);
  },
});
clearTimeout(idle);
await store.close();
