// @spdf verifies SPDF-CMD-LINT
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempWorkspace } from '../support/cli';

interface Issue {
  check_name: string;
  severity: string;
  fingerprint: string;
  location: { path: string; lines: { begin: number } };
}

const MODEL = 'requirements:\n  - id: SEC-REQ-1\n    title: One\n  - id: SEC-REQ-2\n    title: Two\n';

describe('spdf lint --format code-quality (GitLab)', () => {
  it('lists every finding with a line-independent, unique fingerprint and exits as lint does', async () => {
    const root = tempWorkspace({ 'spdf.config.yaml': 'version: 1\n', 'm.spdf.yaml': MODEL });
    try {
      const lint = async () => {
        const r = await runCli(['lint', '--format', 'code-quality', '--no-cache'], root);
        return { code: r.code, issues: JSON.parse(r.stdout) as Issue[] };
      };
      const first = await lint();
      const human = await runCli(['lint', '--no-cache'], root);
      assert.equal(first.code, human.code);
      assert.ok(first.issues.length > 0);
      assert.equal(new Set(first.issues.map((i) => i.fingerprint)).size, first.issues.length, 'fingerprints are unique');
      for (const i of first.issues) {
        assert.match(i.check_name, /^[A-Z]{2}\d{3}$/);
        assert.ok(['major', 'minor', 'info'].includes(i.severity));
        assert.equal(i.location.path, 'm.spdf.yaml');
      }
      writeFileSync(join(root, 'm.spdf.yaml'), `# moved down\n\n${MODEL}`);
      const moved = await lint();
      assert.deepEqual(
        moved.issues.map((i) => i.fingerprint),
        first.issues.map((i) => i.fingerprint),
      );
      assert.deepEqual(
        moved.issues.map((i) => i.location.lines.begin),
        first.issues.map((i) => i.location.lines.begin + 2),
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
