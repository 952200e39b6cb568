import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './support/cli';

const EXAMPLE = join(__dirname, '..', 'examples', 'infusion-pump');
type F = { code: string; file: string; line: number; column: number; fixable?: boolean };
const key = (f: F) => `${f.file}:${f.line}:${f.column} ${f.code}`;

describe('example workspace (examples/infusion-pump)', function () {
  this.timeout(120_000);

  it('spdf lint --format json reports exactly the documented findings', async () => {
    const r = await runCli(['lint', EXAMPLE, '--format', 'json', '--no-cache']);
    assert.equal(r.code, 1, r.stderr);
    const actual = (JSON.parse(r.stdout).findings as F[]).map(key).sort();
    const expected = (JSON.parse(readFileSync(join(EXAMPLE, 'expected-findings.json'), 'utf8')).findings as F[]).map(key).sort();
    assert.deepEqual(actual, expected);
  });

  it('spdf lint --fix on a copy repairs the fixable findings, lists each change, and a second lint shows them gone', async () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'spdf-example-')), 'infusion-pump');
    cpSync(EXAMPLE, copy, { recursive: true });
    const before = JSON.parse((await runCli(['lint', copy, '--format', 'json'])).stdout).findings as F[];
    const fixable = before.filter((f) => f.fixable);
    assert.ok(fixable.length >= 1, 'the example has fixable defects');
    const fixed = await runCli(['lint', copy, '--fix'], copy);
    for (const f of fixable) assert.match(fixed.stdout, new RegExp(`fixed ${f.file.replace(/[.]/g, '\\.')}:${f.line}:${f.column}\\s+${f.code}`));
    const after = (JSON.parse((await runCli(['lint', copy, '--format', 'json'])).stdout).findings as F[]).map(key);
    for (const f of fixable) assert.ok(!after.includes(key(f)), `${key(f)} is gone`);
    const unfixable = before.filter((f) => !f.fixable).map(key);
    for (const k of unfixable) assert.ok(after.includes(k), `${k} needs a human and stays`);
  });
});
