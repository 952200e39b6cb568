// @spdf verifies SPDF-CL-001
import * as assert from 'node:assert/strict';
import { MemoryHost } from '../../src/core/host';
import { clRules } from '../../src/core/rules/cl';
import type { RuleExample } from '../../src/core/rules/types';
import { resolveConfig } from '../../src/core/model/config';
import { buildCodeIndex } from '../../src/node/codeindex/build-code-index';
import { tagSyntaxOptions } from '../../src/node/workspace';
import { diffExpectations, parseMarkers } from '../support/markers';
import { exampleFiles, lintFiles } from '../support/workspace';

/** Lints an example with a code index built from its source files and its lock file, as the CLI does. */
async function lintWithCode(example: RuleExample) {
  const files = exampleFiles(example);
  const { config } = resolveConfig(files['spdf.config.yaml'] === undefined ? undefined : new TextEncoder().encode(files['spdf.config.yaml']));
  const index = await buildCodeIndex({ root: '/example', host: new MemoryHost(new Map(Object.entries(files))), workers: 0, tagSyntaxes: tagSyntaxOptions(config) });
  assert.deepEqual(index.notes, []);
  return lintFiles(files, { inputs: { code: index, lock: files['spdf.lock.json'] } });
}

describe('CL rules: examples with a code index', function () {
  this.timeout(60_000);
  for (const rule of clRules) {
    describe(`${rule.meta.code} ${rule.meta.alias}`, () => {
      it('has full metadata', () => {
        assert.match(rule.meta.code, /^CL\d{3}$/);
        assert.match(rule.meta.alias, /^[a-z]+(-[a-z]+)*$/);
        for (const k of ['description', 'rationale', 'source'] as const) assert.ok(rule.meta[k], `${k}: ${JSON.stringify(rule.meta[k])}`);
        assert.deepEqual(
          rule.meta.needs?.filter((n) => n !== 'lock'),
          ['code'],
        );
        assert.deepEqual({ valid: rule.meta.examples.valid.length > 0, invalid: rule.meta.examples.invalid.length > 0 }, { valid: true, invalid: true }, 'valid and invalid examples');
      });
      rule.meta.examples.invalid.forEach((example, i) => {
        it(`invalid example ${i + 1} fires exactly its markers`, async () => {
          const expected = Object.entries(exampleFiles(example)).flatMap(([f, t]) => parseMarkers(f, t));
          const { result } = await lintWithCode(example);
          assert.deepEqual(result.internalErrors, []);
          const own = result.findings.filter((f) => f.code.startsWith('CL'));
          assert.deepEqual(diffExpectations(expected, own), []);
        });
      });
      rule.meta.examples.valid.forEach((example, i) => {
        it(`valid example ${i + 1} fires no CL finding`, async () => {
          const { result } = await lintWithCode(example);
          assert.deepEqual(result.internalErrors, []);
          assert.deepEqual(
            result.findings.filter((f) => f.code.startsWith('CL')).map((f) => `${f.code} ${f.file}:${f.range.start.line + 1} ${f.message}`),
            [],
          );
        });
      });
    });
  }

  it('CL001 suggests the nearest existing ID without a fix', async () => {
    const { result } = await lintWithCode(clRules[0].meta.examples.invalid[0]);
    const finding = result.findings.find((f) => f.code === 'CL001');
    assert.equal(finding?.fix, undefined);
    assert.equal(finding?.suggestions?.[0].edits[0].newText, 'SEC-REQ-014');
  });

  it('CL008 offers the intended relation as a suggestion, never as a fix', async () => {
    const rule = clRules.find((r) => r.meta.code === 'CL008')!;
    const { result } = await lintWithCode(rule.meta.examples.invalid[0]);
    const finding = result.findings.find((f) => f.code === 'CL008' && f.message.includes("'implement'"));
    assert.equal(finding?.severity, 'error');
    assert.equal(finding?.fix, undefined);
    assert.deepEqual(finding?.suggestions?.[0].edits[0], {
      file: 'src/dose.c',
      range: { start: { line: 0, character: 9 }, end: { line: 0, character: 18 } },
      newText: 'implements',
    });
  });

  it('a tag at the end of a #define line is read: an unknown ID there is CL001', async () => {
    const { result } = await lintWithCode({
      'model.spdf.yaml': 'requirements:\n  - id: SEC-REQ-014\n    title: Signed commands\n',
      'src/limits.h': '#define RATE_MAX 500 // @spdf implements SEC-REQ-041\n',
    });
    assert.deepEqual(
      result.findings.filter((f) => f.code.startsWith('CL')).map((f) => `${f.code} ${f.range.start.line}:${f.range.start.character}`),
      ['CL001 0:41'],
    );
  });
});
