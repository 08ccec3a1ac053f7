import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

// runs the built program (npm test compiles before it tests)
describe('bin/vigil.js', () => {
  it('stops quietly when the reader closes the pipe early', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-bin-'));
    try {
      const child = spawn(
        process.execPath,
        [
          join(ROOT, 'bin', 'vigil.js'),
          'run',
          join(ROOT, 'examples', 'ws-ftp.eve.json'),
          '--store',
          join(dir, 's.duckdb'),
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stderr = '';
      child.stderr.on('data', (d) => {
        stderr += String(d);
      });
      child.stdout.once('data', () => child.stdout.destroy());
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(stderr).not.toContain('EPIPE');
      expect(code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
