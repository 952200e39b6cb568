// @spdf verifies SPDF-CMD-CHECK
import assert from 'node:assert/strict';
import { MemoryHost } from '../../src/core/host';
import { runGate, type GateOptions } from '../../src/core/matrix/gate';
import { loadWorkspace } from '../../src/core/model/load-workspace';
import { lint } from '../../src/core/rules/engine';
import { ruleInputs } from '../../src/core/rules/inputs';
import { RULES } from '../../src/core/rules/registry';
import type { Rule } from '../../src/core/rules/types';
import { buildCodeIndex } from '../../src/node/codeindex/build-code-index';
import { CRASHING_RULE, VERIFIED } from '../support/gate-fixtures';

const CONFIG = 'evidence:\n  requirement: {implementation: false, verification: true}\n';

async function gate(files: Record<string, string>, opts: Partial<GateOptions> = {}, rules: readonly Rule[] = RULES) {
  const host = new MemoryHost(new Map(Object.entries({ 'spdf.config.yaml': CONFIG, ...files })));
  const code = Object.keys(files).some((f) => f.endsWith('.c')) ? await buildCodeIndex({ root: '/example', host, workers: 0 }) : undefined;
  const inputs = ruleInputs(await loadWorkspace(host), { code });
  const report = runGate(inputs, lint(inputs, { rules }), { minCoverage: 100, ...opts });
  return { pass: report.pass, reasons: report.reasons };
}

describe('gate (in process)', () => {
  it('passes a complete, well-formed model', async () => {
    assert.deepEqual(await gate({ 'model.spdf.yaml': VERIFIED }), { pass: true, reasons: [] });
  });

  it('fails on a load problem even when the config lowers its rule, unless a justified suppression excuses it', async () => {
    const model = VERIFIED.replace('    tests: [TC-001]\n', '    tests: [TC-001]\n    colour: red\n');
    const lowered = await gate({ 'model.spdf.yaml': model, 'spdf.config.yaml': `${CONFIG}rules: {TM008: warning}\n` });
    assert.deepEqual(lowered, { pass: false, reasons: ['1 load problem in model or config files'] });
    const suppressed = model.replace('    colour: red\n', '    # spdf-disable-next-line TM008 -- colour is read by the label printer\n    colour: red\n');
    assert.deepEqual(await gate({ 'model.spdf.yaml': suppressed }), { pass: true, reasons: [] });
  });

  describe('a config setting naming no rule is a config problem, like an unknown config key', () => {
    // [config line, options] -> the gate's verdict is the same as for an unknown config key (`rulez:`)
    const table: [string, string, Partial<GateOptions>, { pass: boolean; reasons: string[] }][] = [
      ['unknown rule code', 'rules: {XX999: off}\n', {}, { pass: false, reasons: ['1 load problem in model or config files'] }],
      ['unknown rule code with --allow-errors', 'rules: {XX999: off}\n', { allowErrors: true }, { pass: false, reasons: ['1 load problem in model or config files'] }],
      ['misspelt alias with TM008 off', 'rules: {TM008: off, dangling-refrence: warning}\n', {}, { pass: false, reasons: ['1 load problem in model or config files'] }],
      ['unknown config key with --allow-errors', 'rulez: {TM001: off}\n', { allowErrors: true }, { pass: false, reasons: ['1 load problem in model or config files'] }],
      ['unknown rule code with --allow-load-errors', 'rules: {XX999: off}\n', { allowLoadErrors: true }, { pass: true, reasons: [] }],
    ];
    for (const [title, config, opts, verdict] of table) it(title, async () => assert.deepEqual(await gate({ 'model.spdf.yaml': VERIFIED, 'spdf.config.yaml': `${CONFIG}${config}` }, opts), verdict));
  });

  it('fails on a tag marker in capitals, which reads no tag, even with --allow-errors and CL011 off', async () => {
    const files = { 'model.spdf.yaml': VERIFIED, 'spdf.config.yaml': `${CONFIG}rules: {CL011: off}\n`, 'src/dose.c': '// @Spdf implements SEC-REQ-001\nint dose(void) { return 0; }\n' };
    assert.deepEqual(await gate(files, { allowErrors: true }), { pass: false, reasons: ['1 input problem (review lock, source files and tags, test results)'] });
  });

  it('fails on a tag naming an unknown ID even with CL001 off', async () => {
    const files = { 'model.spdf.yaml': VERIFIED, 'spdf.config.yaml': `${CONFIG}rules: {CL001: off}\n`, 'src/dose.c': '// @spdf implements SEC-REQ-404\nint dose(void) { return 0; }\n' };
    assert.deepEqual(await gate(files), { pass: false, reasons: ['1 code tag naming unknown IDs'] });
    assert.deepEqual(await gate(files, { allowUnknownIds: true }), { pass: true, reasons: [] });
  });

  it('fails when a rule crashed, whatever is allowed', async () => {
    const r = await gate({ 'model.spdf.yaml': VERIFIED }, { allowErrors: true, allowLoadErrors: true, allowUnknownIds: true }, [...RULES, CRASHING_RULE]);
    assert.deepEqual(r, { pass: false, reasons: ['1 rule crashed (internal error)'] });
  });

  it('fails with no requirements in scope, even at minimum 0', async () => {
    assert.deepEqual(await gate({ 'model.spdf.yaml': 'requirements:\n  - id: SEC-REQ-001\n    title: Old\n    verification: [test]\n    status: obsolete\n' }, { minCoverage: 0 }), {
      pass: false,
      reasons: ['no requirements in scope'],
    });
  });
});
