// @spdf verifies SPDF-CMD-FIX
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { applyEdits } from '../../src/core/fixes/apply';
import { RULES } from '../../src/core/rules/registry';
import type { TextEdit } from '../../src/core/types';
import { readTree } from '../support/read-tree';
import { lintFiles } from '../support/workspace';

const FIXTURES = join(__dirname, '..', 'fixtures', 'rules');
const FIXED = join(__dirname, '..', 'fixtures', 'fixed');
const UPDATE = !!process.env.UPDATE_GOLDEN;

/**
 * The fix output of every fixable rule, as ESLint's RuleTester checks `output`: one pass of the rule's
 * fixes over its fixture folder (test/fixtures/rules/<CODE>/) must give exactly the files of
 * test/fixtures/fixed/<CODE>/; a fixture file with no counterpart there must stay unchanged.
 * `UPDATE_GOLDEN=1 npm test` rewrites the expected outputs; review their diff like code.
 */
async function fixOnce(code: string): Promise<Record<string, string>> {
  const files = readTree(join(FIXTURES, code));
  const { result } = await lintFiles(files, { inputs: { explicitFiles: Object.keys(files).filter((f) => /\.ya?ml$/.test(f)) } });
  assert.deepEqual(result.internalErrors, []);
  const byFile = new Map<string, TextEdit[]>();
  for (const f of result.findings) if (f.code === code && f.fix) for (const e of f.fix.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
  const out: Record<string, string> = {};
  for (const [file, edits] of byFile) out[file] = applyEdits(files[file] ?? '', edits).text;
  return Object.fromEntries(Object.entries(out).filter(([file, text]) => text !== files[file]));
}

describe('rule fix outputs', () => {
  const fixable = RULES.filter((r) => r.meta.fixable).map((r) => r.meta.code);
  const folders = existsSync(FIXED) ? readdirSync(FIXED).sort() : [];

  it('every fixable rule has an expected fix output, and only fixable rules have one', () => {
    assert.deepEqual({ missing: fixable.filter((c) => !folders.includes(c)), notFixable: folders.filter((c) => !fixable.includes(c)) }, { missing: [], notFixable: [] });
  });

  for (const code of fixable) {
    it(`${code} fixes its fixture to the expected output`, async () => {
      const actual = await fixOnce(code);
      assert.notDeepEqual(actual, {}, `no ${code} fix changed the fixture test/fixtures/rules/${code}: it needs a finding the rule can fix`);
      if (UPDATE) {
        for (const [file, text] of Object.entries(actual)) {
          mkdirSync(dirname(join(FIXED, code, file)), { recursive: true });
          writeFileSync(join(FIXED, code, file), text);
        }
      }
      const expected = existsSync(join(FIXED, code)) ? readTree(join(FIXED, code)) : {};
      assert.deepEqual(actual, expected);
    });
  }
});
