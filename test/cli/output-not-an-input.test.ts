// @spdf verifies SPDF-FC-OUTPUT
import assert from 'node:assert/strict';
import { readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempWorkspace } from '../support/cli';

const MODEL = 'requirements:\n  - id: SEC-REQ-001\n    title: Sign firmware\n    text: T\n';
const FILES = {
  'spdf.config.yaml': 'profile: recommended\n',
  'model/req.spdf.yaml': MODEL,
  'src/dose.c': '// @spdf implements SEC-REQ-001\nint dose(void) { return 0; }\n',
  'out/old.md': 'an earlier report\n',
};

// Each row: the command (ROOT stands for the workspace), the file `--output` names, and whether it is an input.
const CASES: { args: string[]; output: string; input?: string }[] = [
  { args: ['trace', 'ROOT', '--format', 'md'], output: 'model/req.spdf.yaml', input: 'model/req.spdf.yaml' },
  { args: ['trace', 'ROOT', '--format', 'json'], output: 'spdf.config.yaml', input: 'spdf.config.yaml' },
  { args: ['trace', 'ROOT', '--format', 'md'], output: 'src/dose.c', input: 'src/dose.c' },
  { args: ['trace', 'ROOT', '--format', 'md'], output: 'link-to-model.md', input: 'model/req.spdf.yaml' },
  { args: ['export', 'otm', 'ROOT'], output: 'model/req.spdf.yaml', input: 'model/req.spdf.yaml' },
  { args: ['trace', 'ROOT', '--format', 'md'], output: 'out/old.md' },
];

describe('--output never replaces an input of the run', () => {
  before(() => (process.env.SPDF_NO_GIT = '1'));

  for (const c of CASES)
    it(`spdf ${c.args[0]} -o ${c.output}: ${c.input ? `refused, ${c.input} kept` : 'an earlier report is replaced'}`, async () => {
      const root = tempWorkspace(FILES);
      try {
        symlinkSync(join(root, 'model', 'req.spdf.yaml'), join(root, 'link-to-model.md'));
        const before = readFileSync(join(root, c.output), 'utf8');
        const r = await runCli([...c.args.map((a) => (a === 'ROOT' ? root : a)), '--output', join(root, c.output)]);
        if (c.input) {
          assert.equal(r.code, 2, r.stderr);
          assert.match(r.stderr, new RegExp(`would replace ${c.input}, an input of this run; nothing written`));
          assert.equal(readFileSync(join(root, c.output), 'utf8'), before);
        } else {
          assert.equal(r.code, 0, r.stderr);
          assert.match(readFileSync(join(root, c.output), 'utf8'), /SEC-REQ-001/);
        }
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
});
