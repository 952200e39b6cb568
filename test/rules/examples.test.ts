// @spdf verifies SPDF-CT-001, SPDF-ENG-001, SPDF-HZ-001, SPDF-SB-001, SPDF-TR-001
import assert from 'node:assert/strict';
import { RULES } from '../../src/core/rules/registry';
import { diffExpectations, parseMarkers } from '../support/markers';
import { exampleFiles, lintFiles } from '../support/workspace';

/**
 * Every rule's own examples, run like ESLint's RuleTester: the rule under test together with the
 * rules that guard well-formedness (syntax, schema, vocabularies, unreadable files). Invalid examples
 * fire exactly their markers and nothing else; valid ones fire nothing. So examples stay minimal and
 * readable in the docs, yet can never be malformed models. (The example workspace test runs all rules.)
 * Every file of an example counts as named by the user, as in `spdf lint FILE...` (TM012).
 */
const WELL_FORMED = ['TM000', 'TM006', 'TM008', 'TM009'];

describe('rule examples', () => {
  it('every rule of the registry has at least one valid and one invalid example', () => {
    const missing = RULES.filter((r) => !r.meta.examples.valid.length || !r.meta.examples.invalid.length).map((r) => r.meta.code);
    assert.deepEqual(missing, []);
  });

  for (const rule of RULES) {
    const rules = [rule, ...RULES.filter((r) => WELL_FORMED.includes(r.meta.code) && r !== rule)];
    describe(`${rule.meta.code} ${rule.meta.alias}`, () => {
      rule.meta.examples.invalid.forEach((example, i) => {
        it(`invalid example ${i + 1} fires ${rule.meta.code} at the marked spans and nothing else`, async () => {
          const files = exampleFiles(example);
          const expected = Object.entries(files).flatMap(([f, t]) => parseMarkers(f, t));
          const marked = RULES.filter((r) => !rules.includes(r) && expected.some((e) => e.code === r.meta.code));
          assert.ok(
            expected.some((e) => e.code === rule.meta.code),
            'the example must mark at least one finding of its own rule',
          );
          const { result } = await lintFiles(files, { rules: [...rules, ...marked], inputs: { explicitFiles: Object.keys(files) } });
          assert.deepEqual(result.internalErrors, []);
          assert.deepEqual(diffExpectations(expected, result.findings), []);
        });
      });
      rule.meta.examples.valid.forEach((example, i) => {
        it(`valid example ${i + 1} fires nothing`, async () => {
          const files = exampleFiles(example);
          const { result } = await lintFiles(files, { rules, inputs: { explicitFiles: Object.keys(files) } });
          assert.deepEqual(result.internalErrors, []);
          assert.deepEqual(
            result.findings.map((f) => `${f.code} ${f.file}:${f.range.start.line + 1} ${f.message}`),
            [],
          );
        });
      });
    });
  }
});
