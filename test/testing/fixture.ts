import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What differs between the test detections; everything else is a plain old-form TTP over Web. */
export interface FixtureDetection {
  readonly file: string;
  readonly name: string;
  readonly id: string;
  readonly search: string;
  readonly status?: string;
  readonly data?: string;
  readonly sourcetype?: string;
}

const WS_FTP =
  'https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/attack_techniques/T1190/ws_ftp/wsftpweb.log';
const BY = 'by Web.src Web.dest Web.url | `drop_dm_object_name("Web")`';

/** Detections each meant to end one way under `vigil test` (the bundled attack data is the data). */
export const FIXTURES: readonly FixtureDetection[] = [
  {
    file: 'lacks_attack.yml',
    name: 'Test Lacks The Attack',
    id: '0b6f9d3e-0000-4000-8000-000000000001',
    search: `| tstats count from datamodel=Web where Web.url="/nothing/here" Web.http_method=POST ${BY}`,
  },
  {
    file: 'missing_file.yml',
    name: 'Test Missing File',
    id: '0b6f9d3e-0000-4000-8000-000000000002',
    search: `| tstats count from datamodel=Web where Web.http_method=POST ${BY}`,
    data: 'datasets/attack_techniques/T0000/none/absent.log',
  },
  {
    file: 'experimental.yml',
    name: 'Test Experimental',
    id: '0b6f9d3e-0000-4000-8000-000000000003',
    search: `| tstats count from datamodel=Web where Web.http_method=POST ${BY}`,
    status: 'experimental',
  },
  {
    file: 'unsupported.yml',
    name: 'Test Unsupported Command',
    id: '0b6f9d3e-0000-4000-8000-000000000004',
    search: `| tstats count from datamodel=Web where Web.http_method=POST ${BY} | apply some_model`,
  },
  {
    file: 'invalid.yml',
    name: 'Test Does Not Validate',
    id: '0b6f9d3e-0000-4000-8000-000000000005',
    search: `| tstats count from datamodel=Web where (Web.http_method=POST ${BY}`,
  },
  {
    file: 'unknown_sourcetype.yml',
    name: 'Test Unknown Sourcetype',
    id: '0b6f9d3e-0000-4000-8000-000000000006',
    search: `| tstats count from datamodel=Web where Web.http_method=POST ${BY}`,
    sourcetype: 'WinEventLog:Security',
  },
  {
    file: 'fires.yml',
    name: 'Test Fires',
    id: '0b6f9d3e-0000-4000-8000-000000000007',
    search: `| tstats count from datamodel=Web where Web.http_method=POST Web.status=200 ${BY}`,
  },
];

function yaml(f: FixtureDetection): string {
  return [
    `name: ${f.name}`,
    `id: ${f.id}`,
    'version: 1',
    "date: '2026-11-28'",
    'author: vigil tests',
    `status: ${f.status ?? 'production'}`,
    'type: TTP',
    'data_source:',
    '  - Suricata',
    'description: A detection written for the tests of vigil test.',
    `search: '${f.search.replaceAll("'", "''")}'`,
    'how_to_implement: Nothing to implement.',
    'known_false_positives: None.',
    'references: []',
    'tags:',
    '  analytic_story:',
    '    - WS FTP Server Critical Vulnerabilities',
    '  asset_type: Web Server',
    '  confidence: 80',
    '  impact: 50',
    '  message: POST to $url$ on $dest$ from $src$',
    '  mitre_attack_id:',
    '    - T1190',
    '  observable:',
    '    - name: dest',
    '      type: Hostname',
    '      role:',
    '        - Victim',
    '    - name: src',
    '      type: IP Address',
    '      role:',
    '        - Attacker',
    '  product:',
    '    - Splunk Enterprise',
    '  required_fields:',
    '    - Web.url',
    '  security_domain: network',
    'tests:',
    '  - name: True Positive Test',
    '    attack_data:',
    `      - data: ${f.data ?? WS_FTP}`,
    '        source: suricata',
    `        sourcetype: ${f.sourcetype ?? 'suricata'}`,
    '',
  ].join('\n');
}

/** A fresh content folder (detections/ only) holding the fixtures. */
export function fixtureContent(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-test-content-'));
  const detections = join(dir, 'detections');
  mkdirSync(detections);
  for (const f of FIXTURES) writeFileSync(join(detections, f.file), yaml(f));
  return dir;
}
