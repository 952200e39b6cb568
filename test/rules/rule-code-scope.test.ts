// @spdf verifies SPDF-FC-CACHE
import assert from 'node:assert/strict';
import { lint, runRules, type RuleOutcomeStore } from '../../src/core/rules/engine';
import { RULES } from '../../src/core/rules/registry';
import type { Rule, RuleInputs } from '../../src/core/rules/types';
import type { CodeLinksInput } from '../../src/core/codelinks/rule-input';
import type { Finding } from '../../src/core/types';
import { codeExampleWorkspaces, codeRuleInputs, isSource } from '../support/code-workspaces';

/** Every source file once more under `copy/`: a rule that compares tags across files sees each tag twice. */
function withCopies(files: Record<string, string>): Record<string, string> {
  return { ...files, ...Object.fromEntries(Object.entries(files).flatMap(([p, t]) => (isSource(p) ? [[`copy/${p}`, t]] : []))) };
}

/** A workspace with every kind of tag these rules look at, spread over several files and folders. */
function generated(): Record<string, string> {
  const reqs = Array.from({ length: 30 }, (_, i) => `  - id: GEN-REQ-${i}\n    title: Requirement ${i}\n    text: The pump shall do ${i}.${i % 3 === 0 ? `\n    revision: ${1 + (i % 2)}` : ''}`);
  const model = [
    `requirements:\n${reqs.join('\n')}`,
    'threats:\n  - id: THR-1\n    title: Tampering\n    stride: [T]',
    'controls:\n  - id: CTRL-1\n    title: Signing\n    threats: [THR-1]',
    'assets:\n  - id: AST-FW\n    name: Firmware\n    kind: component\n    safety_critical: true\n    code: ["fw/**"]',
  ].join('\n');
  const files: Record<string, string> = { 'spdf.config.yaml': 'profile: all\ncode:\n  tag_syntaxes: [spdf, oft]\n', 'model/all.spdf.yaml': `${model}\n` };
  const relations = ['implements', 'verifies', 'mitigates', 'implement', 'implements'];
  const ids = (i: number) => [`GEN-REQ-${i}`, `GEN-REQ-${i + 100}`, 'THR-1', `GEN-RQE-${i}`, 'CTRL-1', `gen-req-${i}`];
  for (let f = 0; f < 9; f++) {
    const dir = ['src', 'tests', 'fw'][f % 3];
    const body = Array.from({ length: 6 }, (_, k) => {
      const n = f * 6 + k;
      const tag = n % 7 === 6 ? `# [impl->dsn~GEN-REQ-${n % 30}~${n % 3}]` : `# @spdf ${relations[n % relations.length]} ${ids(n % 30)[n % 6]}`;
      return `${tag}\ndef f_${n}(a):\n    return a\n${n % 5 === 0 ? `\ndef untraced_${n}(b${n % 10 === 0 ? '' : ')'}:\n    return b\n` : ''}`;
    });
    files[`${dir}/m${f}.py`] = `${body.join('\n')}\ndef helper_${f}(c):\n    return c\n\n# @spdf implements GEN-REQ-${f}\n`;
  }
  return files;
}

/** A rule's findings, or the crash as one finding. */
function findingsOf(rule: Rule, inputs: RuleInputs): Finding[] {
  const r = runRules(inputs, [rule]);
  return r.internalErrors.length ? [{ code: 'crash', message: r.internalErrors[0].message } as Finding] : (r.raw.get(rule.meta.code) ?? []);
}

/** Where a rule's findings on the whole code index differ from its findings on each source file's entry alone (order included). */
function codeScopeViolations(rule: Rule, inputs: RuleInputs & { code: CodeLinksInput }): string[] {
  const whole = findingsOf(rule, inputs);
  const out: string[] = [];
  const joined: Finding[] = [];
  for (const file of inputs.code.files) {
    const alone = findingsOf(rule, { ...inputs, code: { files: [file] } });
    if (alone.some((f) => f.file !== file.file)) out.push(`${file.file} alone reports outside it: ${JSON.stringify(alone)}`);
    joined.push(...alone);
  }
  if (JSON.stringify(joined) !== JSON.stringify(whole)) out.push(`whole index ${JSON.stringify(whole)}, file by file ${JSON.stringify(joined)}`);
  return out;
}

/** A rule that reads other source files than the one it reports in: tags whose ID another file tags too. */
const sharedIdRule: Rule = {
  meta: { ...RULES[0].meta, code: 'XX001', codeScope: 'file', needs: ['code'] },
  check(ctx) {
    const files = ctx.code?.files ?? [];
    for (const f of files)
      for (const tag of f.tags) if (files.some((g) => g !== f && g.tags.some((t) => t.id === tag.id))) ctx.report({ file: f.file, range: tag.idRange, message: `${tag.id} is tagged elsewhere too` });
  },
};

/** A store that holds, for some source files, the findings a full run gave there. */
function storeWith(known: Map<string, Map<string, Finding[]>>): RuleOutcomeStore & { told: Map<string, ReadonlyMap<string, Finding[]>> } {
  const told = new Map<string, ReadonlyMap<string, Finding[]>>();
  return {
    told,
    get: () => undefined,
    set: () => undefined,
    fileOutcomes: (rule) => known.get(rule.meta.code),
    setFileOutcomes: (rule, byFile) => void told.set(rule.meta.code, byFile),
  };
}

const CODE_RULES = RULES.filter((r) => r.meta.codeScope === 'file');

describe('rules with meta.codeScope file report the same on a source file alone as on the whole code index', function () {
  this.timeout(120000);
  let workspaces: { name: string; inputs: RuleInputs & { code: CodeLinksInput } }[] = [];

  before(async () => {
    const examples = codeExampleWorkspaces();
    const all = [...examples, { name: 'generated workspace', files: generated() }];
    const copies = all.map(({ name, files }) => ({ name: `${name}, every source file twice`, files: withCopies(files) }));
    workspaces = await Promise.all([...all, ...copies].map(async ({ name, files }) => ({ name, inputs: await codeRuleInputs(files) })));
    assert.deepEqual(
      CODE_RULES.filter((rule) => !workspaces.some(({ inputs }) => findingsOf(rule, inputs).length > 1)).map((r) => r.meta.code),
      [],
      'every code-scoped rule reports on some workspace',
    );
  });

  for (const rule of CODE_RULES)
    it(`${rule.meta.code} ${rule.meta.alias}, on every example with source files and a generated workspace`, () => {
      assert.deepEqual(
        (rule.meta.needs ?? []).filter((n) => n !== 'files' && n !== 'code'),
        [],
        'reads nothing but the model, the listing and the code index (a host keeps its findings while the file is unchanged)',
      );
      for (const { name, inputs } of workspaces) assert.deepEqual(codeScopeViolations(rule, inputs), [], `${rule.meta.code} on ${name}`);
    });

  it('the proof fails for a rule that reads other source files or reports in model files', () => {
    for (const rule of [sharedIdRule, RULES.find((r) => r.meta.code === 'CL007')!])
      assert.ok(
        workspaces.some(({ inputs }) => codeScopeViolations(rule, inputs).length > 0),
        `${rule.meta.code} marked code-scoped would be caught`,
      );
  });

  it('lint with stored findings for some source files gives what a full lint gives, and is told every file', () => {
    for (const { name, inputs } of workspaces) {
      const full = lint(inputs);
      const files = inputs.code.files.map((f) => f.file);
      for (const keep of [files, files.filter((_, i) => i % 2 === 0), files.slice(1), []]) {
        const known = new Map(CODE_RULES.map((rule) => [rule.meta.code, new Map(keep.map((file) => [file, findingsOf(rule, inputs).filter((f) => f.file === file)]))]));
        const store = storeWith(known);
        assert.equal(JSON.stringify(lint(inputs, { outcomes: store })), JSON.stringify(full), `${name}, ${keep.length} of ${files.length} files stored`);
        for (const rule of CODE_RULES) assert.deepEqual([...(store.told.get(rule.meta.code)?.keys() ?? [])], files, `${rule.meta.code} on ${name}`);
      }
    }
  });

  it('stored findings are used for the files they are given for (a wrong stored answer shows)', () => {
    const { inputs } = workspaces.find(({ name }) => name === 'generated workspace')!;
    const planted = { code: 'CL001', severity: 'error', file: inputs.code.files[0].file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'planted' } as Finding;
    const store = storeWith(new Map([['CL001', new Map([[inputs.code.files[0].file, [planted]]])]]));
    assert.ok(lint(inputs, { outcomes: store }).findings.some((f) => f.message === 'planted'));
  });
});
