// @spdf verifies SPDF-SELF-001
import assert from 'node:assert/strict';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { runCli } from './support/cli';

const ROOT = join(__dirname, '..');
const GATE = ['--min-coverage', '100', '--fail-on-status', 'ERROR,MISSING,SUSPECT'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** The project's model, config, lock and every code file that carries a tag, copied to a new folder. */
function copyOfTheProject(): string {
  const copy = mkdtempSync(join(tmpdir(), 'spdf-self-trace-'));
  const tagged = ['src', 'test', 'scripts'].flatMap((d) => filesUnder(join(ROOT, d))).filter((f) => /\.(ts|mjs)$/.test(f) && readFileSync(f, 'utf8').includes('@spdf'));
  for (const f of [...tagged, ...filesUnder(join(ROOT, 'requirements')), join(ROOT, 'spdf.config.yaml'), join(ROOT, 'spdf.lock.json')]) {
    const to = join(copy, relative(ROOT, f));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(f, to);
  }
  // The config reads out/junit/*.xml, which mocha writes only when this run ends (the self-check then reads the real
  // results). Here every tagged test file gets one passing case, as mocha's xunit names it: this test checks the
  // traceability; a test file with no case would show "never ran".
  const cases = tagged
    .map((f) => relative(ROOT, f))
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => `<testcase classname="copy" name="runs" file="${f}"/>`);
  mkdirSync(join(copy, 'out', 'junit'), { recursive: true });
  writeFileSync(join(copy, 'out', 'junit', 'mocha.xml'), `<?xml version="1.0"?>\n<testsuite name="copy" tests="${cases.length}" failures="0" errors="0">\n${cases.join('\n')}\n</testsuite>\n`);
  return copy;
}

describe('the project traces itself (spdf check on a copy of the repository)', function () {
  this.timeout(180_000);
  let copy = '';
  before(() => (copy = copyOfTheProject()));
  after(() => rmSync(copy, { recursive: true, force: true }));

  it('passes at 100 % with no ERROR, MISSING or SUSPECT item', async () => {
    const r = await runCli(['check', copy, ...GATE]);
    assert.equal(r.code, 0, `${r.stderr}\n(after a deliberate change of tagged code: review it, then \`node dist/cli.js review --all\`)`);
    assert.match(r.stderr + r.stdout, /PASS: coverage 100(\.0)?%/);
  });

  it('keeps no review of a link that no longer exists (docs/validation.md is generated from the lock)', async () => {
    const r = await runCli(['review', '--prune', '--dry-run', '--root', copy]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /nothing to prune/, `${r.stdout}\n(after deleting or renaming tagged code: \`node dist/cli.js review --prune\`)`);
  });

  it('fails when a test tagged @spdf verifies is deleted', async () => {
    const test = join(copy, 'test/cli/rules-hash.test.ts');
    const text = readFileSync(test);
    rmSync(test);
    try {
      const r = await runCli(['check', copy, ...GATE]);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /'SPDF-RULESET-001' is not verified/);
    } finally {
      writeFileSync(test, text);
    }
  });

  it('fails when tagged code changes without a new review', async () => {
    appendFileSync(join(copy, 'src/core/matrix/decide.ts'), '\nexport const changedAfterReview = 1;\n');
    const r = await runCli(['check', copy, ...GATE]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /SUSPECT requirement SPDF-TRC-001/);
  });
});
