// Bundles every entry point that exists with esbuild and copies the tree-sitter .wasm files next to them.
// web-tree-sitter is taken as its CommonJS build so the CommonJS bundles need no import.meta.
import { build } from 'esbuild';
import { chmodSync, copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// --minify (npm run package): smaller bundles for the .vsix; names kept so stack traces stay readable.
const minify = process.argv.includes('--minify');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));

const entries = [
  // The binary is a small entry that replays a stored answer (src/node/result-cache.ts) before it loads the
  // commands, which live in dist/cli-main.js.
  { name: 'cli', in: 'src/cli/bin.ts', out: 'dist/cli.js', executable: true, plugins: [commandsChunk()] },
  { name: 'cli', in: 'src/cli/main.ts', out: 'dist/cli-main.js' },
  { name: 'server', in: 'src/server/server.ts', out: 'dist/server.js' },
  { name: 'extension', in: 'src/extension/extension.ts', out: 'dist/extension.js' },
  { name: 'worker', in: 'src/node/codeindex/codeindex-worker.ts', out: 'dist/codeindex-worker.js' },
  // The zone diagram webview lays out with text measured in its own font: elkjs and the core layout as a
  // browser script (global SpdfDiagramLayout), generated into media/ (the webview's only resource root).
  { name: 'webview', in: 'src/core/matrix/diagram-layout.ts', out: 'media/diagram/layout.js', browser: 'SpdfDiagramLayout' },
];

// The grammar list lives in the language descriptors (src/core/codelinks/language-descriptors.ts).
const { wasmFilesToCopy } = await tsImport('../src/node/treesitter/grammar-files.ts', import.meta.url);
// SBOM validation reads the official CycloneDX schemas beside the bundle (the .vsix ships no node_modules).
const { CYCLONEDX_SCHEMA_DIR, CYCLONEDX_SCHEMA_FILES, cyclonedxSchemaSource } = await tsImport('../src/node/sbom-schemas.ts', import.meta.url);

// exceljs and its zip and stream dependencies are more than half of a Node bundle, but only the xlsx export and
// import use them: they go into dist/exceljs.js, required on first use, so no other command parses them at start-up.
const EXCELJS_CHUNK = 'exceljs.js';
const excelChunk = {
  name: 'exceljs-chunk',
  setup(b) {
    b.onResolve({ filter: /^exceljs$/ }, () => ({ path: `./${EXCELJS_CHUNK}`, external: true }));
  },
};

function commandsChunk() {
  return {
    name: 'cli-commands-chunk',
    setup(b) {
      b.onResolve({ filter: /^\.\/main(\.js)?$/ }, (args) => (args.importer.endsWith(join('src', 'cli', 'bin.ts')) ? { path: './cli-main.js', external: true } : undefined));
    },
  };
}

mkdirSync(join(root, 'dist'), { recursive: true });
if (!only.length || only.some((n) => ['cli', 'server', 'extension'].includes(n))) {
  await build({
    absWorkingDir: root,
    stdin: { contents: "module.exports = require('exceljs');", resolveDir: root, loader: 'js' },
    outfile: `dist/${EXCELJS_CHUNK}`,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify,
    keepNames: minify,
    logLevel: 'warning',
    sourcemap: false,
  });
}
for (const e of entries) {
  if (only.length && !only.includes(e.name)) continue;
  if (!existsSync(join(root, e.in))) continue;
  await build({
    absWorkingDir: root,
    entryPoints: [e.in],
    outfile: e.out,
    bundle: true,
    ...(e.browser
      ? { platform: 'browser', target: 'chrome114', format: 'iife', globalName: e.browser, minify: true }
      : { platform: 'node', target: 'node20', format: 'cjs', minify, keepNames: minify, plugins: [excelChunk, ...(e.plugins ?? [])] }),
    external: ['vscode'],
    alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/tree-sitter.cjs' },
    logLevel: 'warning',
    sourcemap: false,
  });
  if (e.executable) chmodSync(join(root, e.out), 0o755);
}
for (const { pkg, file } of wasmFilesToCopy()) copyFileSync(join(root, 'node_modules', pkg, file), join(root, 'dist', file));
mkdirSync(join(root, 'dist', CYCLONEDX_SCHEMA_DIR), { recursive: true });
for (const file of CYCLONEDX_SCHEMA_FILES) copyFileSync(join(cyclonedxSchemaSource(), file), join(root, 'dist', CYCLONEDX_SCHEMA_DIR, file));
