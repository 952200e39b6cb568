import assert from 'node:assert/strict';
import { RULES } from '../../src/core/rules/registry';
import { diffExpectations, parseMarkers } from '../support/markers';
import { exampleFiles, lintFiles } from '../support/workspace';

/** Every rule's own examples: invalid ones fire exactly their markers (all of the rule's code), valid ones fire nothing. */
describe('rule examples', () => {
  for (const rule of RULES) {
    describe(`${rule.meta.code} ${rule.meta.alias}`, () => {
      rule.meta.examples.invalid.forEach((example, i) => {
        it(`invalid example ${i + 1} fires ${rule.meta.code} at the marked spans and nothing else`, async () => {
          const files = exampleFiles(example);
          const expected = Object.entries(files).flatMap(([f, t]) => parseMarkers(f, t));
          assert.ok(expected.some((e) => e.code === rule.meta.code), 'the example must mark at least one finding of its own rule');
          const { result } = await lintFiles(files);
          assert.deepEqual(result.internalErrors, []);
          assert.deepEqual(diffExpectations(expected, result.findings), []);
        });
      });
      rule.meta.examples.valid.forEach((example, i) => {
        it(`valid example ${i + 1} fires nothing`, async () => {
          const { result } = await lintFiles(exampleFiles(example));
          assert.deepEqual(result.internalErrors, []);
          assert.deepEqual(result.findings.map((f) => `${f.code} ${f.file}:${f.range.start.line + 1} ${f.message}`), []);
        });
      });
    });
  }
});
