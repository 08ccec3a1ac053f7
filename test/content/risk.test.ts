import { describe, expect, it } from 'vitest';
import { detectionSeverity, mapObservable, oldFormRiskScore, severityOf } from '../../src/content/risk.js';

describe('old-form observable → risk mapping (spec §1.1)', () => {
  it.each([
    ['User', 'Victim', { field: 'f', type: 'user', score: 72 }],
    ['User Name', 'Victim', { field: 'f', type: 'other', score: 72 }],
    ['Email Address', 'Victim', { field: 'f', type: 'user', score: 72 }],
    ['Hostname', 'Victim', { field: 'f', type: 'system', score: 72 }],
    ['Endpoint', 'Victim', { field: 'f', type: 'system', score: 72 }],
    ['IP Address', 'Victim', { field: 'f', type: 'system', score: 72 }],
    ['URL String', 'Victim', { field: 'f', type: 'other', score: 72 }],
    ['File Name', 'Victim', { field: 'f', type: 'other', score: 72 }],
    ['Process', 'Victim', { field: 'f', type: 'other', score: 72 }],
    ['Process', 'Attacker', { field: 'f', type: 'process' }],
    ['Process Name', 'Attacker', { field: 'f', type: 'process' }],
    ['File Name', 'Attacker', { field: 'f', type: 'file_name' }],
    ['File Hash', 'Attacker', { field: 'f', type: 'file_name' }],
    ['IP Address', 'Attacker', { field: 'f', type: 'ip_address' }],
    ['URL String', 'Attacker', { field: 'f', type: 'url' }],
    ['User', 'Attacker', { field: 'f', type: 'user' }],
    ['Email Address', 'Attacker', { field: 'f', type: 'email address' }],
    ['Other', 'Attacker', { field: 'f', type: 'other' }],
  ])('%s / %s', (type, role, expected) => {
    expect(mapObservable({ name: 'f', type, role: [role] }, 72)).toEqual(expected);
  });
});

describe('old-form risk score: Python round(confidence * impact / 100)', () => {
  it.each([
    [80, 90, 72],
    [50, 5, 2], // 2.5 → 2 (half to even)
    [50, 7, 4], // 3.5 → 4
    [50, 1, 0], // 0.5 → 0
    [30, 5, 2], // 1.5 → 2
    [45, 33, 15], // 14.85 → 15
    [100, 100, 100],
    [0, 90, 0],
  ])('confidence %i × impact %i → %i', (confidence, impact, score) => {
    expect(oldFormRiskScore(confidence, impact)).toBe(score);
  });
});

describe('severity bands', () => {
  it.each([
    [0, 'informational'],
    [20, 'informational'],
    [21, 'low'],
    [40, 'low'],
    [41, 'medium'],
    [60, 'medium'],
    [61, 'high'],
    [72, 'high'],
    [80, 'high'],
    [81, 'critical'],
    [100, 'critical'],
  ])('score %i → %s', (score, severity) => {
    expect(severityOf(score)).toBe(severity);
  });

  it('a new-form detection without risk objects (Correlation) is high', () => {
    expect(detectionSeverity([], 0)).toBe('high');
    expect(detectionSeverity([{ field: 'dest', type: 'system', score: 30 }], 30)).toBe('low');
  });
});
