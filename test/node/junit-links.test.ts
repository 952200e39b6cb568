// @spdf verifies SPDF-FC-RESULTS
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, promises as fsp, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, withTempWorkspace } from '../support/cli';
import { BASE, CONFIG } from '../server/parity-workspace';

/**
 * The JUnit walk took only plain files: a report reached through a symbolic link (`latest.xml -> run-42/junit.xml`,
 * a linked folder) was skipped without a word, so its failed case did not fail the gate, and a FIFO the globs chose
 * was only a note. A link inside the root is now read; one out of it, one to nothing and a FIFO are input problems.
 */
const PASSED = '<testsuite><testcase classname="t" name="other"/></testsuite>\n';
const FAILED = '<testsuite><testcase classname="t" name="TC-001"><failure message="no"/></testcase></testsuite>\n';
const FILES = { ...BASE, 'spdf.config.yaml': `${CONFIG}test_results: ['reports/**/*.xml']\n`, 'reports/ok.xml': PASSED, 'runs/42/junit.xml': FAILED, 'runs/43/junit.xml': PASSED };

const CASES: { name: string; make: (root: string) => void; code: number; says?: RegExp }[] = [
  { name: 'a link to a passed report', make: (r) => symlinkSync('../runs/43/junit.xml', join(r, 'reports/latest.xml')), code: 0 },
  { name: 'a link to a failed report', make: (r) => symlinkSync('../runs/42/junit.xml', join(r, 'reports/latest.xml')), code: 1 },
  { name: 'a link to a folder holding a failed report', make: (r) => symlinkSync('../runs/42', join(r, 'reports/run')), code: 1 },
  { name: 'a link to nothing', make: (r) => symlinkSync('gone.xml', join(r, 'reports/gone.xml')), code: 1, says: /reports\/gone\.xml:1:1: symbolic link to nothing; not read as test results/ },
  {
    name: 'a FIFO',
    make: (r) => execFileSync('mkfifo', [join(r, 'reports/pipe.xml')]),
    code: 1,
    says: /reports\/pipe\.xml:1:1: not a regular file \(a FIFO, socket or device\); not read as test results/,
  },
  { name: 'links that loop', make: (r) => (symlinkSync('..', join(r, 'reports/up')), symlinkSync('.', join(r, 'reports/self'))), code: 0 },
];

describe('JUnit results reached through symbolic links and special files', function () {
  this.timeout(60000);
  before(() => (process.env.SPDF_NO_GIT = '1'));

  for (const c of CASES)
    it(`${c.name}: check exits ${c.code}`, async () => {
      await withTempWorkspace(FILES, async (root) => {
        c.make(root);
        const check = await runCli(['check', root, '--no-cache']);
        assert.equal(check.code, c.code, `${check.stdout}\n${check.stderr}`);
        if (c.says) assert.match(check.stderr, c.says);
      });
    });

  it('a results folder that cannot be listed is an input problem: its failed report cannot leave check passing', async () => {
    // Root lists every folder whatever its mode, so the refusal is made here: the linked folder of the failed run.
    const readdir = fsp.readdir;
    fsp.readdir = (async (...args: Parameters<typeof readdir>) => {
      if (String(args[0]).endsWith('reports/run')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return readdir(...args);
    }) as typeof readdir;
    try {
      await withTempWorkspace(FILES, async (root) => {
        symlinkSync('../runs/42', join(root, 'reports/run'));
        const check = await runCli(['check', root, '--no-cache']);
        assert.equal(check.code, 1, `${check.stdout}\n${check.stderr}`);
        assert.match(check.stderr, /reports\/run:1:1: folder not readable \(EACCES\); not read as test results/);
      });
    } finally {
      fsp.readdir = readdir;
    }
  });

  it('a link to a report outside the workspace root is not followed', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'spdf-outside-'));
    try {
      writeFileSync(join(outside, 'junit.xml'), PASSED);
      await withTempWorkspace(FILES, async (root) => {
        mkdirSync(join(root, 'reports/ext'));
        symlinkSync(join(outside, 'junit.xml'), join(root, 'reports/ext/junit.xml'));
        const check = await runCli(['check', root, '--no-cache']);
        assert.equal(check.code, 1);
        assert.match(check.stderr, /reports\/ext\/junit\.xml:1:1: symbolic link to .*, outside the workspace root; not read as test results/);
      });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
