import { describe, expect, it } from 'vitest';
import { communityId, eveTimestamp, type Flow } from '../../src/gen/envelope.js';
import { Rng } from '../../src/gen/random.js';

const flow = (
  srcIp: string,
  srcPort: number,
  destIp: string,
  destPort: number,
  proto: Flow['proto'],
): Flow => ({
  flowId: 1,
  srcIp,
  srcPort,
  destIp,
  destPort,
  proto,
});

describe('community id v1', () => {
  // vector from tenzir's community_id documentation (corelight community-id-spec algorithm)
  it('matches a published vector in both directions', () => {
    const id = '1:koNcqhFRD5kb254ZrLsdv630jCM=';
    expect(communityId(flow('1.2.3.4', 4584, '43.3.132.3', 3483, 'TCP'))).toBe(id);
    expect(communityId(flow('43.3.132.3', 3483, '1.2.3.4', 4584, 'TCP'))).toBe(id);
  });

  it('depends on the protocol and, for equal addresses, orders by port', () => {
    const tcp = communityId(flow('10.0.0.1', 80, '10.0.0.1', 5000, 'TCP'));
    expect(communityId(flow('10.0.0.1', 5000, '10.0.0.1', 80, 'TCP'))).toBe(tcp);
    expect(communityId(flow('10.0.0.1', 80, '10.0.0.1', 5000, 'UDP'))).not.toBe(tcp);
  });
});

describe('eveTimestamp', () => {
  it.each([
    [1_696_177_867_412_345, 0, '2023-10-01T16:31:07.412345+0000'],
    [1_696_177_867_000_001, -300, '2023-10-01T11:31:07.000001-0500'],
    [1_696_118_400_000_000, 330, '2023-10-01T05:30:00.000000+0530'],
    [1_696_118_399_999_999, 0, '2023-09-30T23:59:59.999999+0000'],
  ])('%d µs at offset %d min → %s', (micros, offset, text) => {
    expect(eveTimestamp(micros, offset)).toBe(text);
  });
});

describe('Rng', () => {
  it('repeats a sequence for a seed and stays in range', () => {
    const a = new Rng('seed');
    const b = new Rng('seed');
    const draws = Array.from({ length: 1000 }, () => a.range(3, 7));
    expect(Array.from({ length: 1000 }, () => b.range(3, 7))).toEqual(draws);
    expect(new Set(draws)).toEqual(new Set([3, 4, 5, 6, 7]));
    expect(new Rng('other').uint32()).not.toBe(new Rng('seed').uint32());
  });

  it('is roughly uniform', () => {
    const r = new Rng(42);
    const n = 20_000;
    const mean = Array.from({ length: n }, () => r.float()).reduce((s, x) => s + x, 0) / n;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
  });

  it('makes flow ids below 2^51', () => {
    const r = new Rng(1);
    const ids = Array.from({ length: 1000 }, () => r.bigInt(51));
    expect(ids.every((id) => Number.isSafeInteger(id) && id >= 0 && id < 2 ** 51)).toBe(true);
    expect(Math.max(...ids)).toBeGreaterThan(2 ** 49);
  });
});
