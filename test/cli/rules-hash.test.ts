// @spdf verifies SPDF-CMD-RULES, SPDF-RULESET-001
import assert from 'node:assert/strict';
import { RULES } from '../../src/core/rules/registry';
import { ruleSetHash } from '../../src/core/rules/ruleset-hash';
import type { RuleMeta } from '../../src/core/rules/types';
import { runCli } from '../support/cli';

const metas = (): RuleMeta[] => RULES.map((r) => structuredClone(r.meta));

describe('rule-set hash', () => {
  it('is in spdf rules --format json and in the human list', async () => {
    const json = await runCli(['rules', '--format', 'json']);
    assert.equal(json.code, 0);
    const parsed = JSON.parse(json.stdout) as { ruleSetHash: string; rules: unknown[] };
    assert.match(parsed.ruleSetHash, /^sha256:[0-9a-f]{64}$/);
    assert.equal(parsed.ruleSetHash, ruleSetHash(RULES.map((r) => r.meta)));
    const human = await runCli(['rules']);
    assert.ok(human.stdout.includes(parsed.ruleSetHash), human.stdout.slice(-200));
  });

  it('does not depend on the order of rules or of keys', () => {
    const reordered = metas()
      .reverse()
      .map((m) => Object.fromEntries(Object.entries(m).reverse()) as unknown as RuleMeta);
    assert.equal(ruleSetHash(reordered), ruleSetHash(metas()));
  });

  const changes: [string, (m: RuleMeta) => void][] = [
    ['severity', (m) => (m.severity = m.severity === 'error' ? 'warning' : 'error')],
    ['since', (m) => (m.since = '9.9.9')],
    ['description', (m) => (m.description += '.')],
    ['rationale', (m) => (m.rationale += '.')],
    ['alias', (m) => (m.alias += '-x')],
    ['fixable', (m) => (m.fixable = !m.fixable)],
    ['an invalid example', (m) => m.examples.invalid.push('x: 1\n')],
    ['a valid example', (m) => m.examples.valid.push('x: 1\n')],
  ];
  for (const [what, change] of changes)
    it(`changes when one rule's ${what} changes`, () => {
      const changed = metas();
      change(changed[changed.length - 1]);
      assert.notEqual(ruleSetHash(changed), ruleSetHash(metas()));
    });

  it('changes when a rule is added or removed', () => {
    assert.notEqual(ruleSetHash(metas().slice(1)), ruleSetHash(metas()));
  });
});
