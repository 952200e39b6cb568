// @spdf verifies SPDF-CMD-TRACE
import assert from 'node:assert/strict';
import { VIEWS } from '../../src/core/matrix/model';
import { traceMatrix } from '../../src/core/matrix/trace-matrix';
import { lint, type LintResult } from '../../src/core/rules/engine';
import { RULES } from '../../src/core/rules/registry';
import type { RuleInputs } from '../../src/core/rules/types';
import type { CodeLinksInput } from '../../src/core/codelinks/rule-input';
import { codeExampleWorkspaces, codeRuleInputs } from '../support/code-workspaces';

/**
 * `spdf trace` lints with `modelFilesOnly`: rules that report only in source files (`meta.codeScope`) do not run.
 * The oracle is a full lint: its findings and suppressed findings in model files, and the matrix built from it, must
 * be those of the partial lint, on every rule example with source files and a workspace with suppressions of
 * code rules in model and source files.
 */
const CODE_SCOPED = new Set(RULES.filter((r) => r.meta.codeScope === 'file').map((r) => r.meta.code));

/** Unknown IDs, wrong relations, tags without a symbol; suppressions of code rules in a model file and in a source file. */
const SUPPRESSIONS: Record<string, string> = {
  'model/reqs.spdf.yaml': [
    'requirements:',
    '  - id: REQ-1',
    '    title: One',
    '    # spdf-disable-next-line CL001 -- a code rule never reports in a model file',
    '    text: The pump shall stop.',
    '  - id: REQ-2',
    '    title: Two',
    '    # spdf-disable-next-line CL002',
    '    text: The pump shall start.',
    'threats:',
    '  - id: THR-1',
    '    title: Tampering',
    '    stride: [T]',
    '',
  ].join('\n'),
  'src/pump.py': [
    '# @spdf implements REQ-1',
    'def stop(a):',
    '    return a',
    '',
    '# spdf-disable-next-line CL001 -- planned requirement',
    '# @spdf implements REQ-9',
    'def later(b):',
    '    return b',
    '',
    '# @spdf implements REQ-404',
    'def start(c):',
    '    return c',
    '',
    '# @spdf verifies THR-1',
    '',
  ].join('\n'),
};

function inModelFiles(inputs: RuleInputs, r: LintResult) {
  const model = (f: { file: string }) => inputs.graph.fileByPath.has(f.file);
  return { findings: r.findings.filter(model), suppressed: r.suppressed.filter(model) };
}

const matrixOf = (inputs: RuleInputs, r: LintResult) => JSON.stringify(traceMatrix(inputs, r, { views: VIEWS }));

describe('spdf trace lints model files only, with the findings there of a full lint', function () {
  this.timeout(120000);
  let workspaces: { name: string; inputs: RuleInputs & { code: CodeLinksInput } }[] = [];

  before(async () => {
    const examples = codeExampleWorkspaces();
    workspaces = await Promise.all([...examples, { name: 'suppressions of code rules', files: SUPPRESSIONS }].map(async ({ name, files }) => ({ name, inputs: await codeRuleInputs(files) })));
  });

  it('every workspace: the same findings and suppressed findings in model files, and the same matrix', () => {
    for (const { name, inputs } of workspaces) {
      const full = lint(inputs);
      const part = lint(inputs, { modelFilesOnly: true });
      assert.deepStrictEqual(inModelFiles(inputs, part), inModelFiles(inputs, full), name);
      assert.equal(matrixOf(inputs, part), matrixOf(inputs, full), name);
    }
  });

  it('no code-scoped rule runs, and a suppression of one in a model file is still unused (TM010)', () => {
    const { inputs } = workspaces.find((w) => w.name === 'suppressions of code rules')!;
    const full = lint(inputs);
    const part = lint(inputs, { modelFilesOnly: true });
    assert.ok(
      full.findings.some((f) => CODE_SCOPED.has(f.code)),
      'the full lint reports code-scoped findings',
    );
    assert.deepEqual(
      part.findings.filter((f) => CODE_SCOPED.has(f.code)),
      [],
    );
    const unused = (r: LintResult) => r.findings.filter((f) => f.code === 'TM010' && f.file === 'model/reqs.spdf.yaml').map((f) => `${f.range.start.line} ${f.message}`);
    assert.deepEqual(unused(part), unused(full));
    assert.ok(
      unused(full).some((m) => m.includes('unused suppression: CL001')),
      unused(full).join('\n'),
    );
  });

  it('a model file in the code index: every rule runs', () => {
    const { inputs } = workspaces.find((w) => w.name === 'suppressions of code rules')!;
    const source = inputs.code.files.find((f) => f.file === 'src/pump.py')!;
    const odd = { ...inputs, code: { ...inputs.code, files: [...inputs.code.files, { ...source, file: 'model/reqs.spdf.yaml' }] } };
    assert.deepStrictEqual(lint(odd, { modelFilesOnly: true }), lint(odd));
  });
});
