import assert from 'node:assert/strict';
import { runCli, tempWorkspace } from '../support/cli';

const FILES = {
  'spdf.config.yaml': 'profile: recommended\nprofil: all\n',
  'broken.spdf.yaml': 'threats:\n  - id: THR-001\n    title: [unclosed\n',
  'ok.spdf.yaml': 'requirements:\n  - id: SEC-REQ-001\n    title: Signed commands\n',
};

describe('commands that read the workspace report its load problems on stderr', () => {
  for (const args of [['links'], ['trace', '--format', 'md'], ['links', '--format', 'json']])
    it(`spdf ${args.join(' ')}`, async () => {
      const root = tempWorkspace(FILES);
      const r = await runCli([...args, root], root);
      assert.match(r.stderr, /^spdf\.config\.yaml:2:1: error TM008 unknown key 'profil'/m);
      assert.match(r.stderr, /^broken\.spdf\.yaml:4:1: error TM000 /m);
    });
});
