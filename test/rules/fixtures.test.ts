// @spdf verifies SPDF-CT-001, SPDF-ENG-002, SPDF-ENG-003, SPDF-HZ-001, SPDF-RQ-001, SPDF-SB-001, SPDF-TM-001, SPDF-TR-001, SPDF-VT-001, SPDF-ZC-001
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../src/core/rules/registry';
import { diffExpectations, parseMarkers } from '../support/markers';
import { readTree } from '../support/read-tree';
import { lintFiles } from '../support/workspace';

const ROOT = join(__dirname, '..', 'fixtures', 'rules');

/**
 * One folder per rule code. Every finding of the folder's rule, and of any other rule the folder marks,
 * must be marked, and every marker found. (Rules the fixture does not mention are not its subject;
 * the rule examples test is the one that demands silence from every other rule.) Every YAML file of a
 * folder counts as named by the user, as in `spdf lint FILE...` (TM012).
 */
describe('rule fixtures', () => {
  const dirs = readdirSync(ROOT).sort();
  it('every rule has a fixture folder', () => {
    const missing = RULES.filter((r) => !r.meta.needs?.includes('git') && !dirs.includes(r.meta.code)).map((r) => r.meta.code);
    assert.deepEqual(missing, []);
  });
  for (const code of dirs) {
    it(`${code} fixture matches its inline markers`, async () => {
      const files = readTree(join(ROOT, code));
      const expected = Object.entries(files).flatMap(([f, t]) => parseMarkers(f, t));
      assert.ok(
        expected.some((e) => e.code === code),
        `fixture ${code} must mark at least one ${code}`,
      );
      const { result } = await lintFiles(files, { inputs: { explicitFiles: Object.keys(files).filter((f) => /\.ya?ml$/.test(f)) } });
      assert.deepEqual(result.internalErrors, []);
      const codes = new Set([code, ...expected.map((e) => e.code)]);
      assert.deepEqual(
        diffExpectations(
          expected,
          result.findings.filter((f) => codes.has(f.code)),
        ),
        [],
      );
    });
  }
});
