import { describe, expect, it } from 'vitest';
import { fillBuildTokens, fillDrilldownTokens } from '../../src/content/build-tokens.js';

const D = { name: 'N', description: 'D with 100% %name% inside', search: '| tstats count where x="%a%"' };

describe('build-time %token% substitution (spec §1.5, §8.11)', () => {
  it.each([
    ['%name%', 'N', []],
    ['RBA: %name%', 'RBA: N', []],
    ['%description%', D.description, []],
    ['%security_domain% / %nope%', 'network / %nope%', ['nope']],
  ])('notable template %j → %j', (template, text, unknown) => {
    const values = { name: D.name, description: D.description, security_domain: 'network' };
    expect(fillBuildTokens(template, values)).toEqual({ text, unknown });
  });

  it.each([
    ['%original_detection_search% | search dest=$dest$', `${D.search} | search dest=$dest$`],
    ['%name% for $user$', 'N for $user$'],
    ['| where like(cmd, "%powershell%")', '| where like(cmd, "%powershell%")'],
  ])('drilldown %j → %j', (template, text) => {
    expect(fillDrilldownTokens(template, D)).toBe(text);
  });
});
