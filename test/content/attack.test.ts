import { describe, expect, it } from 'vitest';
import { attackData, killChainPhases, tacticsOf, techniqueTactics } from '../../src/content/attack.js';

describe('ATT&CK table (data/attack.json)', () => {
  it('maps T1190 to Initial Access', () => {
    expect(techniqueTactics('T1190')).toEqual([
      { id: 'TA0001', name: 'Initial Access', shortname: 'initial-access' },
    ]);
  });

  it('knows sub-techniques and returns nothing for unknown ids', () => {
    expect(techniqueTactics('T1059.001').map((t) => t.id)).toEqual(['TA0002']);
    expect(techniqueTactics('T9999')).toEqual([]);
  });

  it.each([
    [['T1190'], ['Delivery']],
    [['T1059.001'], ['Installation']],
    [
      ['T1190', 'T1059.001', 'T1071'],
      ['Command and Control', 'Delivery', 'Installation'],
    ],
    [[], []],
  ])('kill chain phases of %j are %j (sorted, as contentctl)', (ids, phases) => {
    expect(killChainPhases(ids)).toEqual(phases);
  });

  it('deduplicates tactics across techniques in matrix order', () => {
    expect(tacticsOf(['T1059.001', 'T1190', 'T1133']).map((t) => t.name)).toEqual([
      'Initial Access',
      'Execution',
      'Persistence',
    ]);
  });

  it('carries all 14 enterprise tactics', () => {
    expect(attackData().tactics).toHaveLength(14);
  });
});
