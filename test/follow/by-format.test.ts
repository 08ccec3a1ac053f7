import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followInputs } from '../../src/follow/by-format.js';
import { openStore } from '../../src/store/index.js';

// generated logs of the WS_FTP shapes (test/fixtures/ws-ftp-shapes/README.md)
const SHAPES = join(import.meta.dirname, '..', 'fixtures', 'ws-ftp-shapes');

describe('following inputs of several formats', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigil-by-format-'));
    await mkdir(join(dir, 'iis'));
    await mkdir(join(dir, 'any'));
    await copyFile(join(SHAPES, 'iis.log'), join(dir, 'iis', 'u_ex231001.log'));
    // an EVE file under the folder configured as IIS is read as IIS: every line rejected, none guessed
    await copyFile(join(SHAPES, 'suricata.eve.json'), join(dir, 'iis', 'stray.json'));
    await copyFile(
      join(SHAPES, '..', '..', '..', 'examples', 'ws-ftp.eve.json'),
      join(dir, 'any', 'eve.json'),
    );
    await copyFile(join(SHAPES, 'zeek-http.log'), join(dir, 'any', 'http.log'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads each input as its configured format, auto telling each file’s own', async () => {
    const store = await openStore(':memory:');
    const following = followInputs(
      [
        { path: join(dir, 'iis'), format: 'iis' },
        { path: join(dir, 'any'), format: 'auto' },
      ],
      { store },
    );
    try {
      const batch = await following.round();
      expect(batch?.files.map((f) => [f.file.slice(dir.length + 1), f.format, f.rejected])).toEqual([
        ['iis/stray.json', 'iis', 5],
        ['iis/u_ex231001.log', 'iis', 0],
        ['any/eve.json', 'suricata', 0],
        ['any/http.log', 'zeek', 0],
      ]);
      const rows = await store.query('SELECT sourcetype, count(*) AS n FROM web GROUP BY 1 ORDER BY 1');
      expect(rows).toEqual([
        { sourcetype: 'bro_http', n: 5 },
        { sourcetype: 'ms:iis:auto', n: 5 },
        { sourcetype: 'suricata', n: 8 },
      ]);
      expect(await following.round()).toBeNull();
    } finally {
      await following.close();
      await store.close();
    }
  });
});
