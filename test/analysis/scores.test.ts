import assert from 'node:assert/strict';
import { exploitabilityRank, isHighRiskScore, parseCvss, scoreAgrees, threatScore, versionsOf } from '../../src/core/analysis/scores';
import type { Item } from '../../src/core/model/graph';

const threat = (score: unknown): Item => ({ kind: 'threat', id: 'THR-1', file: 'm.spdf.yaml', data: { id: 'THR-1', score } }) as unknown as Item;

describe('scores', () => {
  describe('parseCvss', () => {
    it('scores CVSS 3.0, 3.1 and 4.0 base vectors (FIRST reference values)', () => {
      const v30 = parseCvss('CVSS:3.0/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H');
      assert.ok(v30.ok && v30.version === '3.0' && v30.base === 8.1);
      const v31 = parseCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H');
      assert.ok(v31.ok && v31.version === '3.1' && v31.base === 9.8);
      const v40 = parseCvss('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N');
      assert.ok(v40.ok && v40.version === '4.0' && v40.base === 9.3);
    });

    it('keeps the base score apart from the score of the whole vector', () => {
      const t = parseCvss('CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H/E:P');
      assert.ok(t.ok && t.base === 8.1 && t.overall === 7.7);
      const v4 = parseCvss('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U');
      assert.ok(v4.ok && v4.base === 9.3 && v4.overall === 8.1);
      assert.ok(scoreAgrees(8.1, v4) && scoreAgrees(9.3, v4) && !scoreAgrees(9.0, v4));
    });

    it('accepts rounding within 0.05 only', () => {
      const p = parseCvss('CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H');
      assert.ok(p.ok);
      assert.ok(scoreAgrees(8.1, p) && scoreAgrees(8.14, p) && scoreAgrees(8.05, p));
      assert.ok(!scoreAgrees(8.2, p) && !scoreAgrees(8.0, p));
    });

    for (const [vector, why] of [
      ['', 'empty'],
      ['garbage', 'no prefix'],
      ['AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H', 'no version prefix'],
      ['AV:N/AC:L/Au:N/C:P/I:P/A:P', 'CVSS v2'],
      ['CVSS:3.2/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H', 'unknown version'],
      ['CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H', 'unknown value'],
      ['CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H/ZZ:Q', 'unknown metric'],
      ['CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H/A:L', 'repeated metric'],
      ['CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H/', 'trailing slash'],
      ['CVSS:3.1/av:a/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H', 'lower-case metric'],
      ['CVSS:3.1/AV:A/AC:L', 'missing base metrics'],
      ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N', 'missing 4.0 base metric'],
      ['CVSS:4.0/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H', '3.x metrics under a 4.0 prefix'],
    ]) {
      it(`rejects a malformed vector (${why})`, () => {
        const p = parseCvss(vector);
        assert.equal(p.ok, false);
        assert.ok(!p.ok && p.error.length > 0);
      });
    }
  });

  it('maps methods to the CVSS versions they accept', () => {
    assert.deepEqual(versionsOf('cvss-3.1'), ['3.1']);
    assert.deepEqual(versionsOf('cvss-4.0'), ['4.0']);
    assert.deepEqual(versionsOf('mitre-cvss-rubric'), ['3.0', '3.1']);
    assert.deepEqual(versionsOf(undefined), ['3.0', '3.1', '4.0']);
  });

  it('reads pre and post scores, stated or computed from the vectors', () => {
    const s = threatScore(threat({ vector: 'CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H', post: 3.1, exploitability: 'high' }));
    assert.equal(s.pre, 8.1);
    assert.equal(s.post, 3.1);
    assert.ok(s.hasPre && s.hasPost && isHighRiskScore(s));
    const e = threatScore(threat({ exploitability: 'low' }));
    assert.ok(e.hasPre && !e.hasPost && !isHighRiskScore(e));
    const none = threatScore(threat(undefined));
    assert.ok(!none.hasPre && !none.hasPost);
    const bad = threatScore(threat({ vector: 'nonsense' }));
    assert.equal(bad.pre, undefined);
    assert.ok(bad.hasPre, 'a malformed vector still counts as an attempt (TR004 reports it, not TR003)');
  });

  it('ranks exploitability', () => {
    assert.equal(exploitabilityRank('very-low'), 0);
    assert.equal(exploitabilityRank('very-high'), 4);
    assert.equal(exploitabilityRank('extreme'), undefined);
  });
});
