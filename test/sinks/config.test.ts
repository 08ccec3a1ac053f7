import { describe, expect, it } from 'vitest';
import { sinksFromConfig } from '../../src/sinks/index.js';

describe('sinksFromConfig', () => {
  it('builds each configured sink with its name (default: its type)', () => {
    const { sinks, diagnostics } = sinksFromConfig([
      { type: 'file', path: '/tmp/alerts.jsonl', maxBytes: 1000, keep: 3 },
      { type: 'webhook', name: 'soar', url: 'https://soar.example/hook', secret: 's' },
      { type: 'hec', url: 'https://splunk.example:8088', token: 't', index: 'notable' },
    ]);
    expect(diagnostics).toEqual([]);
    expect(sinks.map((s) => s.name)).toEqual(['file', 'soar', 'hec']);
  });

  it.each([
    ['unknown type', [{ type: 'email', to: 'x' }], 'SNK6010'],
    ['webhook without secret', [{ type: 'webhook', url: 'https://a.example/' }], 'SNK6010'],
    ['non-http url', [{ type: 'hec', url: 'ftp://a.example/', token: 't' }], 'SNK6010'],
    ['unknown key', [{ type: 'file', path: 'a', rotate: true }], 'SNK6010'],
    [
      'duplicate names',
      [
        { type: 'file', path: 'a' },
        { type: 'file', path: 'b' },
      ],
      'SNK6011',
    ],
  ])('%s is refused', (_name, config, code) => {
    const { sinks, diagnostics } = sinksFromConfig(config);
    expect(sinks).toEqual([]);
    expect(diagnostics.map((d) => d.code)).toContain(code);
  });
});
