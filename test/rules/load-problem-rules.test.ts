// @spdf verifies SPDF-ENG-001
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { MemoryHost } from '../../src/core/host';
import { loadWorkspace } from '../../src/core/model/load-workspace';
import { DOUBTFUL_LINK_RULES, LOAD_PROBLEM_RULES, loadProblemRule } from '../../src/core/rules/load-problem-rules';
import { findRule, RULES } from '../../src/core/rules/registry';
import { configuredSeverity, namesRule } from '../../src/core/rules/rule-severity';
import type { Rule } from '../../src/core/rules/types';
import type { SeveritySetting } from '../../src/core/types';
import { cyclonedxSchemaValidator } from '../../src/node/sbom-schemas';
import { readTree } from '../support/read-tree';
import { exampleFiles } from '../support/workspace';

const FIXTURES = join(__dirname, '..', 'fixtures', 'rules');

/** Every workspace the rules are proven on: each rule's examples and fixture folder. */
function workspaces(): Record<string, string>[] {
  const examples = RULES.flatMap((r) => [...r.meta.examples.valid, ...r.meta.examples.invalid].map(exampleFiles));
  return [...examples, ...readdirSync(FIXTURES).map((code) => readTree(join(FIXTURES, code)))];
}

describe('the rules a command shows load problems with, without the registry', () => {
  it('are the registry’s rules of the same codes', () => {
    for (const rule of [...LOAD_PROBLEM_RULES, ...Object.values(DOUBTFUL_LINK_RULES)]) assert.equal(findRule(rule.meta.code), rule, rule.meta.code);
    for (const [code, rule] of Object.entries(DOUBTFUL_LINK_RULES)) assert.equal(rule.meta.code, code);
  });

  it('cover every code the model loader gives a problem in any rule example or fixture', async function () {
    this.timeout(120_000);
    const codes = new Set<string>();
    for (const files of workspaces()) {
      const withConfig = 'spdf.config.yaml' in files ? files : { ...files, 'spdf.config.yaml': 'profile: all\n' };
      const workspace = await loadWorkspace(new MemoryHost(new Map(Object.entries(withConfig))), { sbomValidator: cyclonedxSchemaValidator() });
      for (const p of workspace.graph.problems) codes.add(p.code);
    }
    // The proof must see the loader's problems at all: syntax, schema, unreadable SBOMs at least.
    for (const code of ['TM000', 'TM008', 'SB007']) assert.ok(codes.has(code), code);
    assert.deepEqual([...codes].filter((c) => !loadProblemRule(c)).sort(), []);
  });
});

describe('the severity a config sets for a rule, told without the registry', () => {
  /** As configuredSeverity told it through the registry's findRule. */
  function throughRegistry(rule: Rule, rules: Record<string, SeveritySetting>): SeveritySetting | undefined {
    const direct = rules[rule.meta.code] ?? rules[rule.meta.alias];
    if (direct) return direct;
    for (const [key, value] of Object.entries(rules)) if (findRule(key) === rule) return value;
    return undefined;
  }

  it('names the same rule for a key as findRule, for every spelling of every rule', () => {
    const spellings = RULES.flatMap((r) => [r.meta.code, r.meta.alias, r.meta.code.toLowerCase(), r.meta.alias.toUpperCase(), `${r.meta.code[0]}${r.meta.code.slice(1).toLowerCase()}`, 'NOT-A-RULE']);
    for (const key of spellings) for (const rule of RULES) assert.equal(namesRule(key, rule), findRule(key) === rule, `${key} ${rule.meta.code}`);
  });

  it('finds the same setting as through the registry', () => {
    for (const rule of RULES)
      for (const key of [rule.meta.code.toLowerCase(), rule.meta.alias, rule.meta.alias.toUpperCase(), 'cl009']) {
        const rules: Record<string, SeveritySetting> = { [key]: 'warning' };
        const expected = rule.meta.code === 'TM000' || rule.meta.code === 'TM009' ? undefined : throughRegistry(rule, rules);
        assert.equal(configuredSeverity(rule, { rules }), expected, `${key} ${rule.meta.code}`);
      }
  });
});
