import { describe, expect, it } from 'vitest';
import { loadConfig, parseConfig } from '../../src/config/load.js';

const GOOD = `store: ./data/vigil.duckdb
inputs:
  - path: /var/log/suricata/eve*.json
    format: suricata
  - path: logs/
content: [../security_content]
detections:
  enable: [WS FTP Remote Code Execution]
  overrides:
    WS FTP Remote Code Execution:
      cron: "*/5 * * * *"
      earliest: -15m@m
      latest: -5m@m
      realtime: true
      throttle: { fields: [dest], period: 1h }
sinks:
  - type: file
    path: alerts.jsonl
  - type: webhook
    url: https://soc.example/hooks/vigil
    secret_env: VIGIL_WEBHOOK_SECRET
  - type: hec
    url: https://splunk.example:8088
    token_env: VIGIL_HEC_TOKEN
    index: notable
`;

describe('vigil.yml', () => {
  it('reads a valid file, fills defaults and resolves paths from its folder', () => {
    const r = parseConfig(GOOD, '/etc/vigil/vigil.yml');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.config.store).toBe('/etc/vigil/data/vigil.duckdb');
    expect(r.config.inputs).toEqual([
      { path: '/var/log/suricata/eve*.json', format: 'suricata' },
      { path: '/etc/vigil/logs', format: 'auto' },
    ]);
    expect(r.config.content).toEqual(['/etc/security_content']);
    expect(r.config.detections.overrides['WS FTP Remote Code Execution']).toMatchObject({
      cron: '*/5 * * * *',
      realtime: true,
      throttle: { fields: ['dest'], period: '1h' },
    });
    expect(r.config.sinks[0]).toEqual({
      type: 'file',
      path: '/etc/vigil/alerts.jsonl',
      max_bytes: 10485760,
      keep: 5,
    });
    expect(r.config.schedule).toEqual({ catch_up_max: 48, poll_ms: 1000 });
    expect(r.config.risk_rules.risk_threshold).toEqual({ score: 100, window: '24h' });
  });

  it('lists every problem with its line and setting path, and returns no configuration', () => {
    const bad = `inputs:
  - path: eve.json
    formt: suricata
detections:
  overrides:
    X:
      cron: every hour
      earliest: -70q@x
sinks:
  - type: webhook
    url: not a url
    secret_env: my-secret
  - type: email
`;
    const r = parseConfig(bad, 'vigil.yml');
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems.map((p) => [p.line, p.path]);
    expect(problems).toEqual([
      [3, 'inputs.0.formt'],
      [7, 'detections.overrides.X.cron'],
      [8, 'detections.overrides.X.earliest'],
      [11, 'sinks.0.url'],
      [12, 'sinks.0.secret_env'],
      [13, 'sinks.1.type'],
    ]);
  });

  it.each([
    ['no inputs', 'store: x.duckdb\n', 'inputs'],
    ['an empty input list', 'inputs: []\n', 'inputs'],
    ['a YAML syntax error', 'inputs:\n  - path: a\n  path: b\n', ''],
    ['an unknown log format', 'inputs:\n  - path: a\n    format: syslog\n', 'inputs.0.format'],
  ])('refuses %s', (_name, text, path) => {
    const r = parseConfig(text, 'vigil.yml');
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual([path]);
  });

  it('says when the file cannot be read', async () => {
    const r = await loadConfig('/nonexistent/vigil.yml');
    expect(r.ok ? '' : r.problems[0]?.message).toBe('cannot read the configuration: ENOENT');
  });
});
