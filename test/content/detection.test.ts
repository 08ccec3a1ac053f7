import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectionFromYaml, filterMacroName, ruleNameOf } from '../../src/content/detection.js';
import { bundledContentDir } from '../../src/content/paths.js';
import { parseYamlFile } from '../../src/content/yaml-file.js';

const WS_FTP_FILE = join(bundledContentDir(), 'detections', 'web', 'ws_ftp_remote_code_execution.yml');
const NEW_FORM_DIR = join(import.meta.dirname, 'fixtures', 'new-form', 'detections');

function load(file: string) {
  return detectionFromYaml(parseYamlFile(readFileSync(file, 'utf8'), file));
}

function loadText(text: string) {
  return detectionFromYaml(parseYamlFile(text, 'test.yml'));
}

const wsftp = load(WS_FTP_FILE);
const ws = wsftp.detection;
if (ws === null) throw new Error(`bundled WS FTP did not load: ${JSON.stringify(wsftp.problems)}`);

describe('old form: the bundled WS FTP detection', () => {
  it('loads with no problems', () => {
    expect(wsftp.problems).toEqual([]);
    expect(ws.form).toBe('old');
  });

  it('has Splunk identity and the exact search', () => {
    expect(ws).toMatchObject({
      name: 'WS FTP Remote Code Execution',
      id: 'b84e8f39-4e7b-4d4f-9e7c-fcd29a227845',
      version: 4,
      date: '2024-09-30',
      type: 'TTP',
      status: 'production',
      securityDomain: 'network',
      ruleName: 'ESCU - WS FTP Remote Code Execution - Rule',
      filterMacro: 'ws_ftp_remote_code_execution_filter',
      enabled: true,
    });
    expect(ws.search).toContain('`ws_ftp_remote_code_execution_filter`');
  });

  it('computes risk score 72, severity high and the observable risk/threat objects', () => {
    expect(ws.riskScore).toBe(72);
    expect(ws.severity).toBe('high');
    expect(ws.riskObjects).toEqual([{ field: 'dest', type: 'system', score: 72 }]);
    expect(ws.threatObjects).toEqual([{ field: 'src', type: 'ip_address' }]);
    expect(ws.riskMessage).toBe(
      'Potential WS FTP Remote Code Execution detected against URL $url$ on $dest$ from $src$',
    );
  });

  it('computes the annotations contentctl 4.4 writes, keys sorted', () => {
    expect(ws.annotations).toEqual({
      analytic_story: ['WS FTP Server Critical Vulnerabilities'],
      cis20: ['CIS 13'],
      confidence: 80,
      cve: ['CVE-2023-40044'],
      data_source: ['Suricata'],
      impact: 90,
      kill_chain_phases: ['Delivery'],
      mitre_attack: ['T1190'],
      nist: ['DE.CM'],
      type: 'TTP',
      type_list: ['TTP'],
    });
    expect(Object.keys(ws.annotations)).toEqual(Object.keys(ws.annotations).sort());
    expect(ws.tactics).toEqual([{ id: 'TA0001', name: 'Initial Access', shortname: 'initial-access' }]);
  });

  it('gets the TTP deployment with build-time tokens filled', () => {
    expect(ws.deployment).toMatchObject({
      kind: 'TTP',
      cron: '0 * * * *',
      earliest: '-70m@m',
      latest: '-10m@m',
      rba: true,
    });
    expect(ws.deployment.notable).toEqual({
      ruleTitle: 'WS FTP Remote Code Execution',
      ruleDescription: ws.description,
      nesFields: ['user', 'dest'],
    });
  });

  it('fills %original_detection_search% in drilldowns and leaves $tokens$', () => {
    const [first, second] = ws.drilldownSearches;
    expect(first?.search).toBe(`${ws.search} | search  dest = $dest$`);
    expect(first?.name).toBe('View the detection results for $dest$');
    expect(first?.earliestOffset).toBe('$info_min_time$');
    expect(second?.search.startsWith('| from datamodel Risk.All_Risk')).toBe(true);
  });

  it('keeps the test block', () => {
    expect(ws.tests).toHaveLength(2);
    expect(ws.tests[0]?.attackData[0]).toMatchObject({ source: 'suricata', sourcetype: 'suricata' });
    expect(ws.tests[1]?.attackData[0]).toMatchObject({ source: 'iis', sourcetype: 'ms:iis:auto' });
  });
});

describe('new form (rba:), test-written files', () => {
  it('normalises risk objects, max score and severity', () => {
    const { detection, problems } = load(join(NEW_FORM_DIR, 'ws_ftp_remote_code_execution.yml'));
    expect(problems).toEqual([]);
    expect(detection).toMatchObject({
      form: 'new',
      version: 5,
      riskScore: 64,
      severity: 'high',
      riskMessage: 'RCE attempt on $dest$ from $src$ at $url$',
      riskObjects: [
        { field: 'dest', type: 'system', score: 64 },
        { field: 'user', type: 'user', score: 30 },
      ],
      threatObjects: [{ field: 'src', type: 'ip_address' }],
    });
    expect(detection?.annotations).not.toHaveProperty('confidence');
    expect(detection?.drilldownSearches[0]?.search).toBe(`${detection?.search} | search dest = "$dest$"`);
  });

  it('accepts a Hunting detection without rba: no risk objects, no notable, nist DE.AE', () => {
    const { detection, problems } = load(join(NEW_FORM_DIR, 'web_hunting_sample.yml'));
    expect(problems).toEqual([]);
    expect(detection?.riskObjects).toEqual([]);
    expect(detection?.deployment).toMatchObject({ kind: 'Hunting', notable: null, rba: false });
    expect(detection?.annotations).toMatchObject({ nist: ['DE.AE'], cis20: ['CIS 10'] });
    expect(detection?.annotations.kill_chain_phases).toEqual(['Delivery', 'Installation']);
    expect(detection?.enabled).toBe(false);
  });
});

const NEW_FORM_TTP = readFileSync(join(NEW_FORM_DIR, 'ws_ftp_remote_code_execution.yml'), 'utf8');

describe('rules contentctl enforces', () => {
  it('rejects an unknown key in the strict new form, pointing at its line', () => {
    const text = NEW_FORM_TTP.replace('status: production', 'status: production\nseverity: high');
    const { detection, problems } = loadText(text);
    expect(detection).toBeNull();
    const line = text.split('\n').findIndex((l) => l.startsWith('severity:')) + 1;
    expect(problems).toEqual([
      { file: 'test.yml', line, path: 'severity', message: 'unknown key "severity"', severity: 'error' },
    ]);
  });

  it('requires rba on a new-form TTP detection', () => {
    const text = NEW_FORM_TTP.replace(/^rba:[\s\S]*?(?=^tags:)/m, '');
    const { detection, problems } = loadText(text);
    expect(detection).toBeNull();
    expect(problems).toContainEqual(expect.objectContaining({ path: 'rba', severity: 'error' }));
  });

  it('rejects a risk object score above 100 at its line', () => {
    const text = NEW_FORM_TTP.replace('score: 64', 'score: 640');
    const { problems } = loadText(text);
    const line = text.split('\n').findIndex((l) => l.includes('score: 640')) + 1;
    expect(problems).toEqual([
      expect.objectContaining({ path: 'rba.risk_objects.0.score', line, severity: 'error' }),
    ]);
  });

  it('warns when the search does not call its filter macro', () => {
    const text = NEW_FORM_TTP.replace(' | `ws_ftp_remote_code_execution_filter`', '');
    const { detection, problems } = loadText(text);
    expect(detection).not.toBeNull();
    expect(problems).toEqual([expect.objectContaining({ path: 'search', severity: 'warning' })]);
  });

  it('honours an inline deployment instead of the type default', () => {
    const inline = [
      'deployment:',
      '  scheduling:',
      "    cron_schedule: '*/5 * * * *'",
      '    earliest_time: -15m@m',
      '    latest_time: -5m@m',
      '  alert_action:',
      '    rba:',
      "      enabled: 'true'",
      'tags:',
    ].join('\n');
    const { detection } = loadText(NEW_FORM_TTP.replace(/^tags:/m, inline));
    expect(detection?.deployment).toEqual({
      kind: 'Embedded',
      cron: '*/5 * * * *',
      earliest: '-15m@m',
      latest: '-5m@m',
      scheduleWindow: 'auto',
      notable: null,
      rba: true,
    });
  });
});

describe('names derived from the detection name', () => {
  it.each([
    ['WS FTP Remote Code Execution', 'ws_ftp_remote_code_execution_filter'],
    ['Detect Outlook.exe writing a zip file', 'detect_outlook_exe_writing_a_zip_file_filter'],
    ['Windows Curl Upload to Remote Destination', 'windows_curl_upload_to_remote_destination_filter'],
    ['O365 Multi-Source Failed Authentications', 'o365_multi_source_failed_authentications_filter'],
    ['Linux c89/c99 Privilege Escalation', 'linux_c89_c99_privilege_escalation_filter'],
  ])('%s → %s', (name, macro) => {
    expect(filterMacroName(name)).toBe(macro);
  });

  it('rule name is the ESCU stanza', () => {
    expect(ruleNameOf('WS FTP Remote Code Execution')).toBe('ESCU - WS FTP Remote Code Execution - Rule');
  });
});
