// Bundles the extension-host tests and runs them in code-server through @vscode/test-electron's runTests
// with the shim lib/code-server-as-vscode as "VS Code". Needs NODE24_BIN, CODE_SERVER, PW_CORE (env.sh).
import { build } from 'esbuild';
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
// A multi-root workspace: the example first, then a second folder with its own config and one dangling reference.
const second = mkdtempSync(join(tmpdir(), 'spdf-exthost-second-'));
writeFileSync(join(second, 'spdf.config.yaml'), 'profile: recommended\n');
writeFileSync(join(second, 'second.spdf.yaml'), 'requirements:\n  - id: SEC-REQ-901\n    title: Second root\n    text: T\n    controls: [CTRL-404]\n');
const wsDir = mkdtempSync(join(tmpdir(), 'spdf-exthost-workspace-'));
const wsFile = join(wsDir, 'spdf.code-workspace');
writeFileSync(wsFile, JSON.stringify({ folders: [{ path: ws }, { path: second }] }));
process.env.TEST_TIMEOUT_MS ??= '240000';
let code = 1;
try {
  await runTests({
    vscodeExecutablePath: join(repo, 'test', 'e2e', 'lib', 'code-server-as-vscode'),
    extensionDevelopmentPath: repo,
    extensionTestsPath: join(outDir, 'index.js'),
    launchArgs: [wsFile],
  });
  code = 0;
} catch (e) {
  console.error(`extension-host tests failed: ${e?.message ?? e}`);
} finally {
  for (const d of [ws, second, wsDir]) rmSync(d, { recursive: true, force: true });
}
process.exit(code);
