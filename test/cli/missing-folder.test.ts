// @spdf verifies SPDF-CLI-001
import assert from 'node:assert/strict';
import { runCli, tempWorkspace } from '../support/cli';

/** Commands that take the workspace folder: each read a misspelt one as an empty workspace (check said only "no requirements in scope", links exited 0). */
const COMMANDS: string[][] = [['check'], ['links'], ['trace', '--format', 'md'], ['baseline'], ['export', 'otm']];

describe('a workspace folder that does not exist', () => {
  for (const args of COMMANDS)
    it(`spdf ${args.join(' ')} names it and exits 2`, async () => {
      const root = tempWorkspace({ 'm.spdf.yaml': 'requirements:\n  - id: SEC-REQ-001\n    title: Sign firmware\n' });
      const r = await runCli(args[0] === 'export' ? [...args, 'modle'] : [args[0], 'modle', ...args.slice(1)], root);
      assert.equal(r.code, 2, `${r.stdout}\n${r.stderr}`);
      assert.match(r.stderr, /^spdf: cannot stat: ENOENT: .*'modle'/m);
    });
});
