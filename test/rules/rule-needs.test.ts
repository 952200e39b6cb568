// @spdf verifies SPDF-ENG-NEEDS
import assert from 'node:assert/strict';
import { MemoryHost } from '../../src/core/host';
import { parseReviewLock } from '../../src/core/codelinks/review-lock';
import { loadWorkspace } from '../../src/core/model/load-workspace';
import { resolveConfig } from '../../src/core/model/config';
import { makeContext } from '../../src/core/rules/context';
import { exampleFileDates, GIT_LOG_EXAMPLE } from '../../src/core/rules/example-git-log';
import { ruleInputs } from '../../src/core/rules/inputs';
import { NEEDS_INPUT } from '../../src/core/rules/needs';
import { RULES } from '../../src/core/rules/registry';
import type { RuleInputs, RuleNeed } from '../../src/core/rules/types';
import { buildCodeIndex } from '../../src/node/codeindex/build-code-index';
import { tagSyntaxOptions } from '../../src/node/workspace';
import { exampleTestResults } from '../support/example-test-results';
import { exampleFiles } from '../support/workspace';

const isModelOrConfig = (f: string) => /\.(ya?ml|json)$/.test(f);

/** Every optional input present (empty when the example has none), so a rule's reads of each are seen. */
async function fullInputs(allFiles: Record<string, string>): Promise<RuleInputs> {
  const { [GIT_LOG_EXAMPLE]: gitLog, ...files } = allFiles;
  const withConfig = 'spdf.config.yaml' in files ? files : { ...files, 'spdf.config.yaml': 'profile: all\n' };
  const host = new MemoryHost(new Map(Object.entries(withConfig)));
  const workspace = await loadWorkspace(host, {});
  const { config } = resolveConfig(new TextEncoder().encode(withConfig['spdf.config.yaml']));
  const code = Object.keys(files).some((f) => !isModelOrConfig(f)) ? await buildCodeIndex({ root: '/example', host, workers: 0, tagSyntaxes: tagSyntaxOptions(config) }) : { files: [] };
  return ruleInputs(workspace, {
    code,
    lock: files['spdf.lock.json'] ?? parseReviewLock('{"version": 1, "links": []}').lock,
    testResults: exampleTestResults(files, config) ?? { version: 1, files: [], cases: [], problems: [] },
    fileDates: gitLog === undefined ? new Map() : exampleFileDates(gitLog),
    explicitFiles: Object.keys(files),
  });
}

/** The inputs a rule's check reads (property reads of its context, shared analyses it computes included). */
function inputsRead(check: (ctx: ReturnType<typeof makeContext>) => void, inputs: RuleInputs): Set<string> {
  const read = new Set<string>();
  const ctx = makeContext(inputs, () => undefined, new Map());
  const watched = new Set(Object.values(NEEDS_INPUT));
  check(
    new Proxy(ctx, {
      get(t, k, r) {
        if (typeof k === 'string' && watched.has(k as keyof RuleInputs)) read.add(k);
        return Reflect.get(t, k, r) as unknown;
      },
      has(t, k) {
        if (typeof k === 'string' && watched.has(k as keyof RuleInputs)) read.add(k);
        return Reflect.has(t, k);
      },
    }),
  );
  return read;
}

describe('every rule declares in meta.needs each input beyond the model and config that it reads', () => {
  for (const rule of RULES) {
    it(`${rule.meta.code} ${rule.meta.alias}`, async () => {
      const declared = new Set((rule.meta.needs ?? []).map((n) => NEEDS_INPUT[n]));
      for (const example of [...rule.meta.examples.valid, ...rule.meta.examples.invalid]) {
        const read = inputsRead((ctx) => rule.check(ctx), await fullInputs(exampleFiles(example)));
        const undeclared = [...read].filter((k) => !declared.has(k as keyof RuleInputs));
        const names = undeclared.map((k) => (Object.keys(NEEDS_INPUT) as RuleNeed[]).find((n) => NEEDS_INPUT[n] === k));
        assert.deepEqual(names, [], `${rule.meta.code} reads ${names.join(', ')} without declaring it`);
      }
    });
  }

  it('the recording sees a read (a rule reading the lock without declaring it fails)', async () => {
    const inputs = await fullInputs({ 'model.spdf.yaml': 'requirements: []\n' });
    assert.deepEqual([...inputsRead((ctx) => void ctx.lock, inputs)], ['lock']);
    assert.deepEqual([...inputsRead((ctx) => void ctx.shared('x', () => ctx.testResults), inputs)], ['testResults']);
  });
});
