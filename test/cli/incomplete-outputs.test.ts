// @spdf verifies SPDF-FC-REPORTS
/**
 * No false green in any output: every command that writes a report, an export or a file, in each of its formats, on
 * small workspaces with one input that was not read, parsed or understood, fails (exit != 0) and names it (the file
 * not read, at FILE:LINE:COL where it has a place, or the crashed rule), and a format with a place for it says
 * INCOMPLETE inside too.
 * A row lists the broken inputs that concern its output: a model export does not read source files, links do not run
 * rules or read test results.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { findRule } from '../../src/core/rules/registry';
import type { Rule } from '../../src/core/rules/types';
import { validator } from '../export/support';
import { runCli } from '../support/cli';
import { GIT_TEST_ENV } from '../support/git-env';
import { BASE, CONFIG } from '../server/parity-workspace';

const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

interface Broken {
  /** What the output (stdout or stderr) must name: the input not read, at its place when it has one. */
  where: string;
  files?: Record<string, string>;
  prepare?: (root: string) => void;
  /** Rule RQ001 throws during the run. */
  crash?: boolean;
}

const BROKEN = {
  'a model file with a YAML error': { where: 'model/broken.spdf.yaml', files: { 'model/broken.spdf.yaml': 'requirements:\n  - id: REQ-002\n    title: [unclosed\n' } },
  'a model file name near miss (TM013)': { where: 'model/extra.spdf.yml', files: { 'model/extra.spdf.yml': 'requirements: []\n' } },
  'an unreadable (UTF-16) source file': { where: 'src/wide.c', prepare: (root: string) => writeFileSync(join(root, 'src/wide.c'), utf16('// @spdf implements REQ-001\nint w(void);\n')) },
  'a tag that cannot be read': { where: 'src/b.c', files: { 'src/b.c': '// @spdf implemnts REQ-001\nint g(void) { return 1; }\n' } },
  'a rule that crashed': { where: 'internal error in rule RQ001', crash: true },
  'a JUnit file not understood': {
    where: 'reports/junit.xml',
    files: { 'spdf.config.yaml': `${CONFIG}test_results: ['reports/*.xml']\n`, 'reports/junit.xml': '<testsuite><testcase name="TC-001"><Failure/></testcase></testsuite>\n' },
  },
  'an explicitly named review lock that is missing': { where: 'reviews/spdf.lock.json', files: { 'spdf.config.yaml': `${CONFIG}lock_file: reviews/spdf.lock.json\n` } },
} satisfies Record<string, Broken>;

type Case = keyof typeof BROKEN;
const ALL = Object.keys(BROKEN) as Case[];
const MODEL: Case[] = ['a model file with a YAML error', 'a model file name near miss (TM013)'];
const but = (...left: Case[]) => ALL.filter((c) => !left.includes(c));
/** Every input problem, source files and tags not read among them, is listed by the matrix. */
const TRACED = ALL;

interface Output {
  args: string[];
  cases: readonly Case[];
  /** What the written output itself must say when it was written (stdout, or the file named by -o). */
  marked?: (text: string) => boolean;
  /** The JSON schema the output must still meet when it was written. */
  schema?: string;
}

const SARIF = 'test/data/sarif-2.1.0-subset.schema.json';

const sarifIncomplete = (text: string) => (JSON.parse(text) as { runs: { invocations?: { executionSuccessful: boolean }[] }[] }).runs[0].invocations?.[0]?.executionSuccessful === false;
const hasProblems = (text: string) => (JSON.parse(text) as { problems: unknown[] }).problems.length > 0;
const says = (text: string) => text.includes('INCOMPLETE');

const OUTPUTS: Output[] = [
  // OTM holds the model only: no source file, rule, test result or lock goes into it.
  { args: ['export', 'otm', '.'], cases: MODEL },
  // A tag that cannot be read is a new CL008 error finding of the diff, listed with its place.
  { args: ['diff', 'HEAD', '-f', 'human'], cases: but('a tag that cannot be read'), marked: says },
  { args: ['diff', 'HEAD', '-f', 'md'], cases: but('a tag that cannot be read'), marked: says },
  { args: ['diff', 'HEAD', '-f', 'json'], cases: but('a tag that cannot be read'), marked: hasProblems, schema: 'media/schemas/spdf.diff.schema.json' },
  { args: ['diff', 'HEAD', '-f', 'sarif'], cases: but('a tag that cannot be read'), marked: sarifIncomplete, schema: SARIF },
  ...(['html', 'csv', 'md'] as const).map((f) => ({ args: ['trace', '.', '-f', f], cases: TRACED, marked: says })),
  { args: ['trace', '.', '-f', 'json'], cases: TRACED, marked: hasProblems, schema: 'media/schemas/spdf.trace.schema.json' },
  { args: ['trace', '.', '-f', 'sarif'], cases: TRACED, marked: sarifIncomplete, schema: SARIF },
  // ReqIF has a place for a note to the reader: the header's COMMENT.
  { args: ['trace', '.', '-f', 'reqif'], cases: TRACED, marked: (text) => /<REQ-IF-HEADER [^>]*>\s*<COMMENT>INCOMPLETE: /.test(text) },
  { args: ['trace', '.', '-f', 'xlsx', '-o', 'out/trace.xlsx'], cases: TRACED },
  // Links neither run rules nor read test results.
  { args: ['links', '.', '-f', 'human'], cases: but('a rule that crashed', 'a JUnit file not understood') },
  {
    args: ['links', '.', '-f', 'json'],
    cases: but('a rule that crashed', 'a JUnit file not understood'),
    marked: (text) => {
      const j = JSON.parse(text) as { problems: { severity: string }[]; inputProblems?: string[] };
      return (j.inputProblems?.length ?? 0) > 0 || j.problems.some((p) => p.severity === 'error');
    },
  },
  { args: ['lint', '.', '-f', 'human'], cases: ALL },
  // Code Quality holds only placed issues: an input not read is a blocker issue (on the config when it has no place).
  {
    args: ['lint', '.', '-f', 'code-quality'],
    cases: ALL,
    marked: (text) => (JSON.parse(text) as { severity: string }[]).some((i) => i.severity === 'blocker' || i.severity === 'major'),
  },
  {
    args: ['lint', '.', '-f', 'json'],
    cases: ALL,
    marked: (text) => {
      const j = JSON.parse(text) as { problems?: string[]; summary: { errors: number } };
      return (j.problems?.length ?? 0) > 0 || j.summary.errors > 0;
    },
  },
  // Inputs other than files with findings are tool notifications of SARIF.
  {
    args: ['lint', '.', '-f', 'sarif'],
    cases: ALL,
    schema: SARIF,
    marked: (text) => sarifIncomplete(text) || (JSON.parse(text) as { runs: { results: { level: string }[] }[] }).runs[0].results.some((r) => r.level === 'error'),
  },
  { args: ['review', '--all'], cases: MODEL },
  { args: ['review', '--all', '--dry-run'], cases: MODEL },
  { args: ['baseline', '.'], cases: [...MODEL, 'a tag that cannot be read', 'a rule that crashed'] },
];

/** The parity workspace committed to git (so `spdf diff HEAD` compares it with the broken working tree), then broken. */
function workspace(broken: Broken): string {
  const root = mkdtempSync(join(tmpdir(), 'spdf-incomplete-'));
  const write = (files: Record<string, string>) => {
    for (const [p, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, p)), { recursive: true });
      writeFileSync(join(root, p), text);
    }
  };
  write(BASE);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: GIT_TEST_ENV, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '--no-gpg-sign', '-m', 'base');
  write(broken.files ?? {});
  broken.prepare?.(root);
  return root;
}

async function withCrash<T>(crash: boolean, run: () => Promise<T>): Promise<T> {
  if (!crash) return run();
  const rule = findRule('RQ001')!;
  const original = Object.getOwnPropertyDescriptor(rule, 'check')!;
  (rule as { check: Rule['check'] }).check = () => {
    throw new Error('boom');
  };
  try {
    return await run();
  } finally {
    Object.defineProperty(rule, 'check', original);
  }
}

describe('every output says when its input was incomplete (no false green)', function () {
  this.timeout(60000);

  it('the base workspace: every output exits 0', async () => {
    const root = workspace({ where: '' });
    for (const o of OUTPUTS) {
      const r = await runCli(o.args, root);
      assert.equal(r.code, 0, `spdf ${o.args.join(' ')}: ${r.stderr}`);
    }
  });

  it('spdf trace: a SUSPECT link in a source file that is then not read does not leave a passing run', async () => {
    const root = workspace({ where: '', files: { 'src/b.c': '// @spdf implements REQ-001\nint g(void) { return 1; }\n' } });
    assert.equal((await runCli(['review', '--all', '--reviewer', 'qa'], root)).code, 0);
    writeFileSync(join(root, 'src/b.c'), '// @spdf implements REQ-001\nint g(void) { return 2; }\n');
    const status = async () => {
      const r = await runCli(['trace', '.', '-f', 'json', '--view', 'requirements'], root);
      return { code: r.code, stderr: r.stderr, status: (JSON.parse(r.stdout) as { views: { requirements: { rows: { status: string }[] } } }).views.requirements.rows[0].status };
    };
    assert.equal((await status()).status, 'SUSPECT');
    writeFileSync(join(root, 'src/b.c'), utf16('// @spdf implements REQ-001\nint g(void) { return 2; }\n'));
    const unread = await status();
    assert.notEqual(unread.status, 'SUSPECT', 'the link is gone from the matrix');
    assert.equal(unread.code, 1, unread.stderr);
    assert.match(unread.stderr, /^error: src\/b\.c:1:1: /m);
  });

  for (const o of OUTPUTS)
    for (const c of o.cases)
      it(`spdf ${o.args.join(' ')} on ${c}: fails, says where, and marks what it wrote`, async () => {
        const broken: Broken = BROKEN[c];
        const root = workspace(broken);
        const r = await withCrash(!!broken.crash, () => runCli(o.args, root));
        assert.notEqual(r.code, 0, `exit 0; stderr: ${r.stderr}`);
        assert.ok(`${r.stdout}\n${r.stderr}`.includes(broken.where), `does not name ${broken.where}: ${r.stderr}`);
        if (o.marked && r.stdout) assert.ok(o.marked(r.stdout), `the output is not marked incomplete:\n${r.stdout.slice(0, 2000)}`);
        if (o.schema && r.stdout) assert.deepEqual(validator(o.schema)(JSON.parse(r.stdout)), [], `not valid against ${o.schema}`);
      });
});
