import assert from 'node:assert/strict';
import { describeGaps, formatSl, frsBelow, slAt, slDominated, slMin, slVector, zoneCapability } from '../../src/core/analysis/security-levels';
import { graphOf, z } from './graph-of';

const U = undefined;

describe('security levels', () => {
  it('a scalar k means k on FR1..FR7', () => {
    assert.deepEqual(slVector(2), [2, 2, 2, 2, 2, 2, 2]);
    assert.deepEqual(slVector(0), [0, 0, 0, 0, 0, 0, 0]);
  });

  it('a mapping sets FRs one by one; FRs left out are unknown, never 0', () => {
    assert.deepEqual(slVector({ FR1: 2, FR4: 1 }), [2, U, U, 1, U, U, U]);
  });

  it('absent or malformed values give no vector', () => {
    for (const v of [undefined, null, 5, -1, 1.5, 'high', [1, 2], {}, { FR9: 2 }, { FR1: 'x' }]) assert.equal(slVector(v), undefined, JSON.stringify(v));
  });

  it('compares per FR, skipping FRs unknown on either side', () => {
    const a = slVector({ FR1: 1, FR3: 3, FR5: 0 })!;
    const b = slVector({ FR1: 2, FR3: 2, FR4: 4 })!;
    assert.deepEqual(frsBelow(a, b), ['FR1']);
    assert.equal(describeGaps(a, b), 'FR1 1 < 2');
    assert.equal(describeGaps(slVector(0)!, slVector(1)!), 'FR1..FR7 0 < 1');
    assert.equal(slAt(a, 'FR3'), 3);
    assert.equal(slAt(a, 'FR4'), undefined);
  });

  it('takes the per-FR minimum over the vectors that know each FR', () => {
    assert.deepEqual(slMin([slVector({ FR1: 3, FR2: 1 })!, slVector({ FR1: 2 })!]), [2, 1, U, U, U, U, U]);
    assert.equal(slMin([]), undefined);
  });

  it('dominated means lower somewhere and higher nowhere', () => {
    assert.equal(slDominated(slVector(1)!, slVector(2)!), true);
    assert.equal(slDominated(slVector({ FR1: 1, FR2: 3 })!, slVector(2)!), false);
    assert.equal(slDominated(slVector(2)!, slVector(2)!), false);
    assert.equal(slDominated(slVector({ FR1: 1 })!, slVector({ FR2: 3 })!), false);
  });

  it('formats uniform vectors as a scalar and others as a mapping', () => {
    assert.equal(formatSl(slVector(3)!), '3');
    assert.equal(formatSl(slVector({ FR1: 2, FR7: 1 })!), '{FR1: 2, FR7: 1}');
  });

  it('zone SL-C is the declared one, else the minimum over its assets', async () => {
    const g = await graphOf(
      `zones:\n${z('Z-A', 'ot', 'sl_c: {FR1: 3}')}${z('Z-B', 'ot')}${z('Z-C', 'ot')}assets:\n` +
        `  - {id: AST-1, name: a, kind: device, zone: Z-B, sl_c: {FR1: 2, FR2: 3}}\n` +
        `  - {id: AST-2, name: b, kind: device, zone: Z-B, sl_c: 1}\n` +
        `  - {id: AST-3, name: c, kind: device, zone: Z-B}\n`,
    );
    const zone = (id: string) => g.byId.get(id)!;
    const assets = g.byKind.asset;
    assert.deepEqual(zoneCapability(zone('Z-A'), assets), { sl: [3, U, U, U, U, U, U], derived: false });
    assert.deepEqual(zoneCapability(zone('Z-B'), assets), { sl: [1, 1, 1, 1, 1, 1, 1], derived: true });
    assert.equal(zoneCapability(zone('Z-C'), []), undefined);
  });
});
