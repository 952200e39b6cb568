// Bundles the extension-host tests and runs them in code-server through @vscode/test-electron's runTests
// with the shim lib/code-server-as-vscode as "VS Code". Needs NODE24_BIN, CODE_SERVER, PW_CORE (env.sh).
import { build } from 'esbuild';
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..', '..', '..');
const outDir = join(repo, 'test', 'e2e', '.artifacts', 'exthost');
mkdirSync(outDir, { recursive: true });
await build({
  absWorkingDir: repo,
  entryPoints: { index: 'test/e2e/vscode/exthost-index.ts', 'exthost.test': 'test/e2e/vscode/exthost.test.ts', 'matrix-state.test': 'test/e2e/vscode/matrix-state.test.ts' },
  outdir: outDir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode', 'mocha', './exthost.test', './matrix-state.test'],
  logLevel: 'warning',
});
// A scratch copy of the example, so nothing the editor writes (.vscode/, lock files) lands in the repo.
const ws = mkdtempSync(join(tmpdir(), 'spdf-exthost-ws-'));
cpSync(join(repo, 'examples', 'infusion-pump'), ws, { recursive: true });
process.env.TEST_TIMEOUT_MS ??= '240000';
let code = 1;
try {
  await runTests({
    vscodeExecutablePath: join(repo, 'test', 'e2e', 'lib', 'code-server-as-vscode'),
    extensionDevelopmentPath: repo,
    extensionTestsPath: join(outDir, 'index.js'),
    launchArgs: [ws],
  });
  code = 0;
} catch (e) {
  console.error(`extension-host tests failed: ${e?.message ?? e}`);
} finally {
  rmSync(ws, { recursive: true, force: true });
}
process.exit(code);
