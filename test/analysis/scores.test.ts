import assert from 'node:assert/strict';
import { exploitabilityRank, isHighRiskScore, parseCvss, scoreAgrees, threatScore, versionsOf, type ParsedCvss } from '../../src/core/analysis/scores';
import type { ModelItem } from '../../src/core/model/graph';

/** The parsed vector, or a failure that names the parser's error. */
function valid(p: ParsedCvss): Extract<ParsedCvss, { ok: true }> {
  if (!p.ok) assert.fail(`expected a valid vector, got: ${p.error}`);
  return p;
}

const threat = (score: unknown): ModelItem => ({ kind: 'threat', id: 'THR-1', file: 'm.spdf.yaml', data: { id: 'THR-1', score } }) as unknown as ModelItem;

describe('scores', () => {
  describe('parseCvss', () => {
    it('scores CVSS 3.0, 3.1 and 4.0 base vectors (FIRST reference values)', () => {
      const v30 = valid(parseCvss('CVSS:3.0/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H'));
      assert.deepEqual([v30.version, v30.base], ['3.0', 8.1]);
      const v31 = valid(parseCvss('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'));
      assert.deepEqual([v31.version, v31.base], ['3.1', 9.8]);
      const v40 = valid(parseCvss('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'));
      assert.deepEqual([v40.version, v40.base], ['4.0', 9.3]);
    });

    it('keeps the base score apart from the score of the whole vector', () => {
      const t = valid(parseCvss('CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H/E:P'));
      assert.deepEqual({ base: t.base, overall: t.overall }, { base: 8.1, overall: 7.7 });
      const v4 = valid(parseCvss('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U'));
      assert.deepEqual({ base: v4.base, overall: v4.overall }, { base: 9.3, overall: 8.1 });
      assert.deepEqual(
        [8.1, 9.3, 9.0].map((stated) => [stated, scoreAgrees(stated, v4)]),
        [
          [8.1, true],
          [9.3, true],
          [9.0, false],
        ],
      );
    });

    it('accepts rounding within 0.05 only', () => {
      const p = valid(parseCvss('CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H'));
      assert.deepEqual(
        [8.1, 8.14, 8.05, 8.2, 8.0].map((stated) => [stated, scoreAgrees(stated, p)]),
        [
          [8.1, true],
          [8.14, true],
          [8.05, true],
          [8.2, false],
          [8.0, false],
        ],
      );
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
        assert.equal(p.ok, false, JSON.stringify(p));
        assert.match(p.ok ? '' : p.error, /[^]/, 'the error says why');
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
    assert.deepEqual({ hasPre: s.hasPre, hasPost: s.hasPost, highRisk: isHighRiskScore(s) }, { hasPre: true, hasPost: true, highRisk: true });
    const e = threatScore(threat({ exploitability: 'low' }));
    assert.deepEqual({ hasPre: e.hasPre, hasPost: e.hasPost, highRisk: isHighRiskScore(e) }, { hasPre: true, hasPost: false, highRisk: false });
    const none = threatScore(threat(undefined));
    assert.deepEqual({ hasPre: none.hasPre, hasPost: none.hasPost }, { hasPre: false, hasPost: false });
    const bad = threatScore(threat({ vector: 'nonsense' }));
    assert.equal(bad.pre, undefined);
    assert.equal(bad.hasPre, true, 'a malformed vector still counts as an attempt (TR004 reports it, not TR003)');
  });

  it('ranks exploitability', () => {
    assert.equal(exploitabilityRank('very-low'), 0);
    assert.equal(exploitabilityRank('very-high'), 4);
    assert.equal(exploitabilityRank('extreme'), undefined);
  });
});
