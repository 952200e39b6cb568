// @spdf verifies SPDF-CLI-002
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { visible, visibleLines } from '../../src/cli/visible';
import { runCli, tempWorkspace } from '../support/cli';

const RLO = '\u202E';
const ZWSP = '\u200B';

describe('human output shows hidden characters of user data', () => {
  it('escapes controls, bidi overrides and zero-width characters, and nothing else', () => {
    assert.equal(visible(`a${RLO}b\u2066c${ZWSP}d\uFEFFe\x1b[31mf\r\ng`), 'a<U+202E>b<U+2066>c<U+200B>d<U+FEFF>e<U+001B>[31mf<U+000D><U+000A>g');
    assert.equal(visible('\ud800x'), '<U+D800>x', 'a lone surrogate');
    assert.equal(visible('Dosis é 中 😀 — ok'), 'Dosis é 中 😀 — ok');
    assert.equal(visibleLines(`one\ntwo${RLO}`), 'one\ntwo<U+202E>');
  });

  it('lint human output escapes an ID with a bidi override and a title with a zero-width space; JSON keeps them exact', async () => {
    const id = `CTRL-${RLO}404`;
    const root = tempWorkspace({
      'spdf.config.yaml': 'profile: recommended\nrules: {}\n',
      'm.spdf.yaml': `threats:\n  - id: THR-001\n    title: "T${ZWSP}"\n    controls: ["${id}"]\n`,
    });
    try {
      const human = await runCli(['lint', root], root);
      assert.match(human.stdout, /TM002 .*CTRL-<U\+202E>404/);
      assert.doesNotMatch(human.stdout + human.stderr, /[\u202E\u200B]/); // nothing raw
      const json = await runCli(['lint', root, '--format', 'json'], root);
      const tm002 = JSON.parse(json.stdout).findings.find((f: { code: string }) => f.code === 'TM002');
      assert.ok(tm002.message.includes(id), tm002.message);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('links and review human output escape a file name with a bidi override', async () => {
    const root = tempWorkspace({
      'spdf.config.yaml': 'profile: recommended\nrules: {}\n',
      'm.spdf.yaml': 'requirements:\n  - id: SEC-REQ-001\n    title: Signed commands\n',
      [`src/${RLO}a.c`]: '// @spdf implements SEC-REQ-001\nint a(void) { return 0; }\n',
    });
    try {
      const links = await runCli(['links', root], root);
      assert.match(links.stdout, /^src\/<U\+202E>a\.c:1:\d+ +implements +SEC-REQ-001/m);
      const review = await runCli(['review', '--all', '--dry-run', '--root', root], root);
      assert.match(review.stdout, /would mark implements SEC-REQ-001 on src\/<U\+202E>a\.c/);
      assert.doesNotMatch(links.stdout + review.stdout, /\u202E/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('check human output keeps each offender on one line: a file name with a line feed forges no line', async () => {
    const forged = 'spdf check: PASS: coverage 100.0%';
    const root = tempWorkspace({
      'spdf.config.yaml': 'profile: recommended\nrules: {}\n',
      'm.spdf.yaml': 'requirements:\n  - id: SEC-REQ-001\n    title: Signed commands\n',
      [`src/a\n${forged}.c`]: '// @spdf implements SEC-REQ-404\nint a(void) { return 0; }\n',
    });
    try {
      const check = await runCli(['check', root, '--no-cache'], root);
      assert.equal(check.code, 1);
      assert.match(check.stderr, /^src\/a<U\+000A>spdf check: PASS: coverage 100\.0%\.c:1:\d+: CL001 /m);
      assert.ok(!check.stderr.split('\n').some((l) => l.startsWith(forged)), check.stderr);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('the built binary escapes everything it writes to stderr (warnings name user files)', () => {
    const root = tempWorkspace({
      'spdf.config.yaml': 'profile: recommended\nrules: {}\n',
      'm.spdf.yaml': 'requirements:\n  - id: SEC-REQ-001\n    title: Signed commands\n',
      [`results/${RLO}lmx.xml`]: '<testsuite><testcase name="a"></testsuit>',
    });
    try {
      const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
      const r = spawnSync(process.execPath, [cli, 'check', root, '--no-code', '--test-results', 'results/*.xml'], { encoding: 'utf8', env: { ...process.env, SPDF_NO_GIT: '1' } });
      assert.match(r.stderr, /results\/<U\+202E>lmx\.xml:1:\d+: broken JUnit XML/);
      assert.doesNotMatch(r.stderr, /\u202E/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
