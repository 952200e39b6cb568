// @spdf verifies SPDF-FC-REPORTS
/**
 * GitHub code scanning shows SARIF results, not tool notifications: a log of a run that did not read an input must
 * hold an error result for it (at its file:line:col, else at the config), or the upload reads as a clean run.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validator } from '../export/support';
import { runCli, withTempWorkspace } from '../support/cli';

const MODEL = 'requirements:\n  - id: SEC-REQ-001\n    title: Signed commands\n    text: Commands are signed.\n';

interface Log {
  runs: {
    tool: { driver: { rules: { id: string }[] } };
    results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn?: number } } }[] }[];
  }[];
}

const validSarif = validator('test/data/sarif-2.1.0-subset.schema.json');

const BROKEN: Record<string, { prepare: (root: string) => void; at: string }> = {
  'a binary source file holding a tag': { prepare: (root) => writeFileSync(join(root, 'src/b.c'), '// @spdf implements SEC-REQ-001\nint b;\n\0'), at: 'src/b.c:1:4' },
  'a JUnit file that does not parse': { prepare: (root) => writeFileSync(join(root, 'reports/junit.xml'), '<testsuite><testcase name="x">\n'), at: 'reports/junit.xml:1:1' },
  'a test result glob matching nothing (no file of its own)': { prepare: () => undefined, at: 'spdf.config.yaml:1:1' },
};

describe('SARIF of a run with an input not read holds an error result for it', () => {
  for (const [name, { prepare, at }] of Object.entries(BROKEN))
    for (const command of ['lint', 'trace'])
      it(`spdf ${command} --format sarif, ${name}: a SPDF-INPUT result at ${at}`, async () => {
        const results = name.includes('glob') ? 'none/*.xml' : 'reports/*.xml';
        const files = {
          'spdf.config.yaml': `version: 1\ntest_results: ['${results}']\n`,
          'model.spdf.yaml': MODEL,
          'src/a.c': '// @spdf implements SEC-REQ-001\nint a;\n',
          'reports/ok.xml': '<testsuite/>\n',
        };
        await withTempWorkspace(files, async (root) => {
          prepare(root);
          const r = await runCli([command, '--format', 'sarif', '--no-cache'], root);
          assert.notEqual(r.code, 0);
          const log = JSON.parse(r.stdout) as Log;
          assert.deepEqual(validSarif(log), []);
          const run = log.runs[0];
          const inputs = run.results.filter((x) => x.ruleId === 'SPDF-INPUT');
          assert.deepEqual(
            inputs.map((x) => {
              const { artifactLocation, region } = x.locations[0].physicalLocation;
              return `${x.level} ${artifactLocation.uri}:${region.startLine}:${region.startColumn}`;
            }),
            [`error ${at}`],
          );
          assert.equal(run.tool.driver.rules[inputs[0].ruleIndex].id, 'SPDF-INPUT');
        });
      });
});

describe('spdf lint with test results not read fails in every format and names them', () => {
  const CONFIG = "version: 1\nrules: { RQ001: off, RQ002: off, RQ003: off }\ntest_results: ['reports/*.xml']\n";
  for (const [junit, broken] of [
    ['<testsuite><testcase name="x">\n', true],
    ['<testsuite><testcase name="x"/></testsuite>\n', false],
  ] as const)
    for (const format of ['human', 'json', 'sarif', 'code-quality'])
      it(`--format ${format}, ${broken ? 'a JUnit file that does not parse: exit 1, the file named (it was a warning on stderr, exit 0)' : 'a JUnit file read: exit 0'}`, async () => {
        const files = { 'spdf.config.yaml': CONFIG, 'model.spdf.yaml': MODEL, 'src/a.c': '// @spdf implements SEC-REQ-001\nint a;\n', 'reports/junit.xml': junit };
        await withTempWorkspace(files, async (root) => {
          const r = await runCli(['lint', '--format', format, '--no-cache'], root);
          assert.equal(r.code, broken ? 1 : 0, r.stdout + r.stderr);
          if (broken) assert.match(format === 'human' ? r.stderr : r.stdout, /reports\/junit\.xml/);
        });
      });
});
