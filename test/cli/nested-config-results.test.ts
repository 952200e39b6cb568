// @spdf verifies SPDF-FC-NESTED-CONFIG
import assert from 'node:assert/strict';
import { runCli, withTempWorkspace } from '../support/cli';
import { BASE, CONFIG } from '../server/parity-workspace';

/**
 * Test results are read from the disk (git-ignored folders too), not from the model's file listing, so a sub-project's
 * spdf.config.yaml above JUnit files the run reads (through `--test-results` or config `test_results`) was not seen
 * by TM014: the root's gate counted the sub-project's results without its settings and passed. It is now a problem
 * of the test results at the nested config's 1:1, in every command that reads them, unless `exclude` accepts it.
 */
const JUNIT = '<testsuite><testcase name="TC-001"/></testsuite>\n';
const SUB = {
  '.gitignore': 'reports/\n',
  'pump/spdf.config.yaml': 'version: 1\ncheck:\n  min_coverage: 100\n',
  'pump/reports/junit.xml': JUNIT,
};
const WHERE = /pump\/spdf\.config\.yaml:1:1: TM014 a sub-project's config that this run does not apply: it reads files under pump\/ \(pump\/reports\/junit\.xml among them\)/;

interface Case {
  name: string;
  config?: string;
  args: string[];
  /** Whether the run must fail at pump/spdf.config.yaml:1:1. */
  fails: boolean;
}

const CASES: Case[] = [
  { name: 'check --test-results GLOB', args: ['check', '.', '--test-results', 'pump/reports/*.xml'], fails: true },
  { name: 'check with test_results in the config', config: `${CONFIG}test_results: ['pump/reports/*.xml']\n`, args: ['check', '.'], fails: true },
  { name: 'trace with test_results in the config', config: `${CONFIG}test_results: ['pump/reports/*.xml']\n`, args: ['trace', '.', '-f', 'md'], fails: true },
  { name: 'lint with test_results in the config', config: `${CONFIG}test_results: ['pump/reports/*.xml']\n`, args: ['lint', '.'], fails: true },
  { name: "check --test-results GLOB with the sub-project's folder excluded", config: `${CONFIG}exclude: ['pump/**']\n`, args: ['check', '.', '--test-results', 'pump/reports/*.xml'], fails: false },
  {
    name: 'check --test-results GLOB with the nested config excluded',
    config: `${CONFIG}exclude: ['pump/spdf.config.yaml']\n`,
    args: ['check', '.', '--test-results', 'pump/reports/*.xml'],
    fails: false,
  },
];

describe("a sub-project's spdf.config.yaml above the test results a run reads", () => {
  before(() => (process.env.SPDF_NO_GIT = '1'));

  for (const c of CASES)
    it(`${c.name}: ${c.fails ? 'fails at the nested config' : 'passes'}`, () =>
      withTempWorkspace({ ...BASE, ...SUB, ...(c.config ? { 'spdf.config.yaml': c.config } : {}) }, async (root) => {
        const r = await runCli([...c.args, '--no-cache'], root);
        const text = `${r.stdout}\n${r.stderr}`;
        if (c.fails) {
          assert.equal(r.code, 1, text);
          assert.match(text, WHERE);
        } else {
          assert.equal(r.code, 0, text);
          assert.doesNotMatch(text, /TM014/);
        }
      }));

  it('a nested config the model load reports already is reported once', () =>
    withTempWorkspace({ ...BASE, ...SUB, 'pump/req.spdf.yaml': 'requirements: []\n' }, async (root) => {
      const r = await runCli(['check', '.', '--no-cache', '--test-results', 'pump/reports/*.xml'], root);
      assert.equal(r.code, 1);
      assert.equal(r.stderr.match(/pump\/spdf\.config\.yaml:1:1: TM014/g)?.length, 1, r.stderr);
    }));
});
