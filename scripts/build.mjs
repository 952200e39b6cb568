// Bundles every entry point that exists with esbuild and copies the tree-sitter .wasm files next to them.
// web-tree-sitter is taken as its CommonJS build so the CommonJS bundles need no import.meta.
import { build } from 'esbuild';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// --minify (npm run package): smaller bundles for the .vsix; names kept so stack traces stay readable.
const minify = process.argv.includes('--minify');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));

const entries = [
  // The binary is a small entry that replays a stored answer (src/node/result-cache.ts) before it loads the
  // commands, which live in dist/cli-main.js; `links` and `check` have bundles of their own with only the modules
  // they use (src/node/code-cache.ts commandBundle).
  { name: 'cli', in: 'src/cli/bin.ts', out: 'dist/cli.js', executable: true, plugins: [commandsChunk()] },
  { name: 'cli', in: 'src/cli/main.ts', out: 'dist/cli-main.js', ascii: true },
  { name: 'cli', in: 'src/cli/links-main.ts', out: 'dist/cli-links.js', ascii: true },
  { name: 'cli', in: 'src/cli/check-main.ts', out: 'dist/cli-check.js', ascii: true },
  // The server's entry compiles the server bundle with V8's code cache of it (src/server/launcher.ts).
  { name: 'server', in: 'src/server/launcher.ts', out: 'dist/server.js' },
  { name: 'server', in: 'src/server/server.ts', out: 'dist/server-main.js', ascii: true },
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

// Packages only some commands use go into their own chunk beside the bundle, so no other command parses them at
// start-up: exceljs with its zip and stream dependencies (more than half of a Node bundle; only the xlsx export and
// import) and the CVSS calculator (about a third of `spdf --help`'s start; only TR004 and the threat scores).
// A bundle imports each through a small module whose exports are getters: esbuild reads a CommonJS import's
// properties where they are used, so the chunk is required on the first use of one of its exports. elkjs (more than
// half of the server bundle; only the zone diagram) exports its layout class: its shim is a function that constructs
// from the chunk.
// ajv with its format packages (only SBOM schema validation, on the first SBOM validated) share one chunk, so they
// share one copy of ajv's code generator; fast-xml-parser (only XML SBOMs, JUnit results and ReqIF) and re2js have their own.
const LAZY_CHUNKS = {
  exceljs: 'exceljs.js',
  'ae-cvss-calculator': 'cvss.js',
  'elkjs/lib/elk.bundled.js': 'elk.js',
  ajv: 'ajv.js',
  'ajv-formats': 'ajv.js',
  'ajv-formats-draft2019': 'ajv.js',
  'fast-xml-parser': 'xml.js',
};
/** The packages of each chunk: a chunk of several exports each package's module under its name. */
const CHUNK_PACKAGES = Object.entries(LAZY_CHUNKS).reduce((m, [pkg, chunk]) => m.set(chunk, [...(m.get(chunk) ?? []), pkg]), new Map());
const requireFromRoot = createRequire(join(root, 'package.json'));
function lazyShim(pkg, chunk) {
  const esModule = requireFromRoot(pkg).__esModule === true;
  // An ES module's default export (ajv's class) is its `default` property: kept, as `import X from` reads it there.
  const names = Object.keys(requireFromRoot(pkg)).filter((k) => k !== '__esModule' && (k !== 'default' || esModule));
  const base = typeof requireFromRoot(pkg) === 'function' ? 'function (...args) { return new.target ? Reflect.construct(load(), args) : load()(...args); }' : '{}';
  const member = CHUNK_PACKAGES.get(chunk).length > 1 ? `[${JSON.stringify(pkg)}]` : '';
  return [
    `let loaded;\nconst load = () => (loaded ??= require(${JSON.stringify(`./${chunk}`)})${member});`,
    `module.exports = Object.defineProperties(${base}, {`,
    ...(esModule ? ['  __esModule: { value: true },'] : []),
    ...names.map((k) => `  ${JSON.stringify(k)}: { enumerable: true, get: () => load()[${JSON.stringify(k)}] },`),
    '});',
  ].join('\n');
}
const lazyChunks = {
  name: 'lazy-chunks',
  setup(b) {
    b.onResolve(
      {
        filter: new RegExp(
          `^(${Object.keys(LAZY_CHUNKS)
            .map((k) => k.replace(/[./]/g, '\\$&'))
            .join('|')})$`,
        ),
      },
      (args) => ({ path: args.path, namespace: 'lazy-chunk' }),
    );
    b.onResolve({ filter: /^\.\/[\w-]+\.js$/, namespace: 'lazy-chunk' }, (args) => ({ path: args.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-chunk' }, (args) => ({ contents: lazyShim(args.path, LAZY_CHUNKS[args.path]), loader: 'js', resolveDir: root }));
  },
};

/**
 * esbuild escapes every non-ASCII character of strings, templates and regular expressions, but copies comments as
 * they are. The commands' bundles are made all ASCII (src/node/code-cache.ts then decodes them as Latin-1, without a
 * UTF-8 pass, into a one-byte string): each remaining character becomes its \\u escape (a surrogate pair beyond
 * U+FFFF), which means the same character wherever JavaScript reads escapes and is inert in a comment.
 */
function asciiOnly(text) {
  const escape = (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
  return text.replace(/[^\x00-\x7f]/gu, (c) => c.split('').map(escape).join(''));
}

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
  for (const [chunk, pkgs] of CHUNK_PACKAGES)
    await build({
      absWorkingDir: root,
      stdin: {
        contents:
          pkgs.length > 1 ? `module.exports = {${pkgs.map((p) => `${JSON.stringify(p)}: require(${JSON.stringify(p)})`).join(', ')}};` : `module.exports = require(${JSON.stringify(pkgs[0])});`,
        resolveDir: root,
        loader: 'js',
      },
      outfile: `dist/${chunk}`,
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
      : { platform: 'node', target: 'node20', format: 'cjs', minify, keepNames: minify, plugins: [lazyChunks, ...(e.plugins ?? [])] }),
    external: ['vscode'],
    alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/tree-sitter.cjs' },
    logLevel: 'warning',
    sourcemap: false,
  });
  if (e.executable) chmodSync(join(root, e.out), 0o755);
  if (e.ascii) writeFileSync(join(root, e.out), asciiOnly(readFileSync(join(root, e.out), 'utf8')));
}
for (const { pkg, file } of wasmFilesToCopy()) copyFileSync(join(root, 'node_modules', pkg, file), join(root, 'dist', file));
mkdirSync(join(root, 'dist', CYCLONEDX_SCHEMA_DIR), { recursive: true });
for (const file of CYCLONEDX_SCHEMA_FILES) copyFileSync(join(cyclonedxSchemaSource(), file), join(root, 'dist', CYCLONEDX_SCHEMA_DIR, file));
