// @spdf verifies SPDF-ENG-003
/**
 * `spdf-disable-next-line CODE -- reason` in a source comment suppresses CODE on the next line in `spdf lint`, as it
 * does in the editor and in model files; the CLI used to ignore source comments, so a user turned the rule off.
 */
import assert from 'node:assert/strict';
import { runCli, withTempWorkspace } from '../support/cli';

const MODEL = 'requirements:\n  - id: SEC-REQ-001\n    title: Signed commands\n    text: Commands are signed.\n';

interface Row {
  code: string;
  /** The tagged line the suppression stands above. */
  line: string;
}

const ROWS: Record<string, Row> = {
  'a misspelt relation (CL008)': { code: 'CL008', line: '// @spdf implement SEC-REQ-001' },
  'a tag without an ID (CL008)': { code: 'CL008', line: '// @spdf verifies' },
  'an unknown ID (CL001)': { code: 'CL001', line: '// @spdf implements SEC-REQ-999' },
};

type Lint = { findings: { code: string; line: number }[]; suppressed: { code: string; line: number; justification: string }[] };

async function lintOf(source: string): Promise<{ code: number; json: Lint }> {
  let out: { code: number; json: Lint } | undefined;
  await withTempWorkspace({ 'spdf.config.yaml': 'version: 1\nprofile: recommended\nrules: { RQ001: off, RQ002: off, RQ003: off }\n', 'model.spdf.yaml': MODEL, 'src/a.c': source }, async (root) => {
    const r = await runCli(['lint', '--format', 'json', '--no-cache'], root);
    out = { code: r.code, json: JSON.parse(r.stdout) as Lint };
  });
  return out!;
}

describe('suppressions in source comments (spdf lint)', () => {
  for (const [name, { code, line }] of Object.entries(ROWS)) {
    it(`${name}: a justified suppression on the line above suppresses it, and only it`, async () => {
      const { code: exit, json } = await lintOf(`// spdf-disable-next-line ${code} -- the syntax quoted in a comment\n${line}\nint f(void) { return 0; }\n`);
      assert.deepEqual(
        json.findings.filter((f) => f.code.startsWith('CL') || f.code === 'TM010'),
        [],
      );
      assert.deepEqual(
        json.suppressed.map((s) => `${s.code} ${s.line} ${s.justification}`),
        [`${code} 2 the syntax quoted in a comment`],
      );
      assert.equal(exit, 0);
    });

    it(`${name}: without a reason it suppresses nothing and is TM010`, async () => {
      const { code: exit, json } = await lintOf(`// spdf-disable-next-line ${code}\n${line}\nint f(void) { return 0; }\n`);
      assert.deepEqual(
        json.findings.map((f) => `${f.code} ${f.line}`).filter((f) => !f.startsWith('CL002')),
        [`TM010 1`, `${code} 2`],
      );
      assert.equal(exit, 1);
    });
  }

  it('a suppression of another rule leaves the finding and is reported as unused', async () => {
    const { json } = await lintOf('// spdf-disable-next-line CL003 -- not the rule that fires\n// @spdf implements SEC-REQ-999\nint f(void) { return 0; }\n');
    assert.deepEqual(
      json.findings.map((f) => `${f.code} ${f.line}`),
      ['TM010 1', 'CL001 2'],
    );
  });
});

describe('spdf lint narrowed to paths lists the suppressed findings in them', () => {
  it('a path (even .) keeps the suppressed findings of files without a finding shown (they were left out)', async () => {
    const model = 'requirements:\n  # spdf-disable-next-line RQ001 -- verified by the supplier, report SUP-7\n  - id: SEC-REQ-001\n    title: Signed commands\n';
    await withTempWorkspace({ 'spdf.config.yaml': 'version: 1\nrules: { RQ002: off, RQ003: off }\n', 'model.spdf.yaml': model }, async (root) => {
      for (const args of [[], ['.'], ['model.spdf.yaml']]) {
        const r = await runCli(['lint', ...args, '--format', 'json', '--no-cache'], root);
        const json = JSON.parse(r.stdout) as Lint;
        assert.deepEqual(json.findings, [], args.join(' '));
        assert.deepEqual(
          json.suppressed.map((s) => `${s.code} ${s.line}`),
          ['RQ001 3'],
          `spdf lint ${args.join(' ')}`,
        );
      }
    });
  });
});
