// @spdf verifies SPDF-ENG-001
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleDoc } from '../src/core/rules/docs';
import { RULES } from '../src/core/rules/registry';
import pkg from '../package.json';

const CHANGELOG = readFileSync(join(__dirname, '..', 'CHANGELOG.md'), 'utf8');

/** `## [version] ...` sections of CHANGELOG.md by version (`Unreleased` included), each with its text. */
function sections(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const heads = [...text.matchAll(/^## \[([^\]]+)\].*$/gm)];
  heads.forEach((h, i) => out.set(h[1], text.slice(h.index + h[0].length, heads[i + 1]?.index ?? text.length)));
  return out;
}

const mentions = (text: string, code: string) => new RegExp(`\\b${code}\\b`).test(text);

describe('changelog and rule versions', () => {
  const byVersion = sections(CHANGELOG);

  it('CHANGELOG.md has an Unreleased section and one for the package.json version', () => {
    assert.ok(byVersion.has('Unreleased'), 'missing ## [Unreleased]');
    assert.ok(byVersion.has(pkg.version), `missing ## [${pkg.version}]`);
  });

  it('every rule has `since`: a semver version', () => {
    const bad = RULES.filter((r) => typeof r.meta.since !== 'string' || !/^\d+\.\d+\.\d+$/.test(r.meta.since)).map((r) => `${r.meta.code} since=${String(r.meta.since)}`);
    assert.deepEqual(bad, []);
  });

  it("every rule's documentation (docs/rules.md, spdf explain) states its `since`", () => {
    const bad = RULES.filter((r) => !ruleDoc(r, '#').includes(`\n- Since: ${r.meta.since}\n`)).map((r) => r.meta.code);
    assert.deepEqual(bad, []);
  });

  it('every rule is recorded under its `since` version (its code, or "all rules of <version>"), or under Unreleased until that version\'s section exists', () => {
    const missing = RULES.filter((r) => {
      const { code, since } = r.meta;
      const section = byVersion.get(since);
      if (section !== undefined) return !mentions(section, code) && !section.includes(`all rules of ${since}`);
      return !mentions(byVersion.get('Unreleased') ?? '', code);
    }).map((r) => `${r.meta.code} (since ${r.meta.since})`);
    assert.deepEqual(missing, []);
  });
});
