import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunContext } from '../../src/alerting/index.js';
import { detectionFromYaml } from '../../src/content/detection.js';
import { bundledContentDir } from '../../src/content/paths.js';
import type { Detection } from '../../src/content/types.js';
import { parseYamlFile } from '../../src/content/yaml-file.js';
import type { Row } from '../../src/core/value.js';

/** vigil's bundled WS FTP Remote Code Execution detection. */
export function wsFtpDetection(): Detection {
  const file = join(bundledContentDir(), 'detections', 'web', 'ws_ftp_remote_code_execution.yml');
  const { detection, problems } = detectionFromYaml(parseYamlFile(readFileSync(file, 'utf8'), file));
  if (detection === null) throw new Error(`bundled WS FTP did not load: ${JSON.stringify(problems)}`);
  return detection;
}

/** The WS FTP result row of spec §5 (one Suricata http event, 2023-10-01T16:31:07Z). */
export const WS_FTP_ROW: Row = {
  http_user_agent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)',
  status: '200',
  http_method: 'POST',
  url: '/AHT/AhtApiService.asmx/AuthUser',
  url_length: 32,
  src: '203.0.113.50',
  dest: '10.0.1.20',
  sourcetype: 'suricata',
  count: 1,
  firstTime: '2023-10-01T16:31:07',
  lastTime: '2023-10-01T16:31:07',
};

/** A run scheduled at 2023-10-01T18:00:00Z: window [16:50, 17:50), with a fixed notable GUID. */
export const WS_FTP_RUN: RunContext = {
  sid: 'scheduler__vigil__ws_ftp_at_1696183200',
  searchTime: 1696183200,
  earliest: 1696179000,
  latest: 1696182600,
  newId: () => '0b5a3f52-4c8e-4a51-9d0e-6f1e2d3c4b5a',
};
