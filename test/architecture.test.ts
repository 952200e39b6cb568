import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { generatedFiles } from '../scripts/generated-files';

const ROOT = join(__dirname, '..');
const SRC = join(ROOT, 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|js|mjs|cjs)$/.test(n) ? [p] : [];
  });
}

/** Module specifiers a file loads at run time (type-only imports do not count). */
function runtimeImports(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(?!type\b)[^'";]*?from\s+['"]([^'"]+)['"]/gm)) out.push(m[2]);
  for (const m of text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) out.push(m[1]);
  for (const m of text.matchAll(/\b(?:require|import)\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]);
  return out;
}

const repoPath = (abs: string) => relative(ROOT, abs).split('\\').join('/');

/** The longest a hand-written source file may be (docs/architecture.md, "Code map"). */
const MAX_LINES = 400;

/** Lines of a file, a final newline ending the last line rather than starting an empty one. */
const lineCount = (text: string) => (text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0));

/** Run-time imports of every file under `dir`: relative specifiers resolved to repository paths (`src/core/model/graph`). */
function importsUnder(dir: string): { file: string; spec: string; target: string }[] {
  return files(join(ROOT, dir)).flatMap((f) =>
    runtimeImports(readFileSync(f, 'utf8')).map((spec) => ({ file: repoPath(f), spec, target: spec.startsWith('.') ? repoPath(resolve(dirname(f), spec)) : spec })),
  );
}

/** True when `target` is the module `area` (a folder or a file without extension) or lies inside it. */
const inside = (target: string, area: string) => target === area || target.startsWith(`${area}/`) || target.replace(/\.(ts|js)$/, '') === area;

function violations(dir: string, forbidden: readonly string[]): string[] {
  return importsUnder(dir)
    .filter(({ target }) => forbidden.some((a) => inside(target, a)))
    .map(({ file, target }) => `${file} imports ${target}`);
}

const NODE_BUILTIN = new RegExp(`^node:|^(${builtinModules.map((m) => m.replace(/[/]/g, '\\/')).join('|')})$`);
const HOST_PACKAGES = /^vscode$|^vscode-languageserver|^vscode-languageclient|^vscode-jsonrpc|^web-tree-sitter$/;

/**
 * Layering inside src/core, lowest first (docs/architecture.md, "Code map"): a folder never imports at run time
 * the folders listed against it.
 */
const CORE_LAYERS: Record<string, readonly string[]> = {
  'src/core/vocab': ['src/core/yaml', 'src/core/model', 'src/core/codelinks', 'src/core/analysis', 'src/core/rules', 'src/core/fixes', 'src/core/matrix', 'src/core/export', 'src/core/query'],
  'src/core/yaml': ['src/core/vocab', 'src/core/model', 'src/core/codelinks', 'src/core/analysis', 'src/core/rules', 'src/core/fixes', 'src/core/matrix', 'src/core/export', 'src/core/query'],
  'src/core/sbom': [
    'src/core/vocab',
    'src/core/yaml',
    'src/core/model',
    'src/core/codelinks',
    'src/core/analysis',
    'src/core/rules',
    'src/core/fixes',
    'src/core/matrix',
    'src/core/export',
    'src/core/query',
  ],
  'src/core/codelinks': ['src/core/model', 'src/core/analysis', 'src/core/rules', 'src/core/fixes', 'src/core/matrix', 'src/core/export', 'src/core/query'],
  'src/core/model': ['src/core/codelinks', 'src/core/analysis', 'src/core/rules', 'src/core/fixes', 'src/core/matrix', 'src/core/export', 'src/core/query'],
  'src/core/analysis': ['src/core/rules', 'src/core/matrix', 'src/core/export', 'src/core/query'],
  'src/core/fixes': ['src/core/rules', 'src/core/matrix', 'src/core/export', 'src/core/query'],
  'src/core/rules': ['src/core/matrix', 'src/core/export', 'src/core/query'],
  'src/core/matrix': ['src/core/export', 'src/core/query'],
  'src/core/diff': ['src/core/export', 'src/core/query'],
  'src/core/query': ['src/core/rules', 'src/core/matrix', 'src/core/export'],
  'src/core/export': ['src/core/query'],
  'src/core/baseline': ['src/core/analysis', 'src/core/rules', 'src/core/fixes', 'src/core/matrix', 'src/core/export', 'src/core/query'],
};

/** Invariants of docs/architecture.md, written as tests (rust-analyzer style). */
describe('architecture', () => {
  it('src/core is pure: no Node built-in, vscode, LSP or WebAssembly loader imports', () => {
    const bad = importsUnder('src/core')
      .filter(({ target }) => NODE_BUILTIN.test(target) || HOST_PACKAGES.test(target))
      .map(({ file, target }) => `${file} imports ${target}`);
    assert.deepEqual(bad, []);
  });

  it('src/core imports nothing outside src/core (no host module, no package.json)', () => {
    const bad = importsUnder('src/core')
      .filter(({ spec, target }) => spec.startsWith('.') && !inside(target, 'src/core'))
      .map(({ file, target }) => `${file} imports ${target}`);
    assert.deepEqual(bad, []);
  });

  for (const [folder, forbidden] of Object.entries(CORE_LAYERS)) {
    it(`${folder} never imports ${forbidden.map((f) => f.replace('src/core/', '')).join(', ')}`, () => {
      assert.deepEqual(violations(folder, forbidden), []);
    });
  }

  it('src/node imports no vscode or LSP library and never src/server, src/extension, src/cli or src/protocol.ts', () => {
    const bad = importsUnder('src/node')
      .filter(({ target }) => /^vscode$|^vscode-languageserver|^vscode-languageclient|^vscode-jsonrpc/.test(target))
      .map(({ file, target }) => `${file} imports ${target}`);
    assert.deepEqual([...bad, ...violations('src/node', ['src/server', 'src/extension', 'src/cli', 'src/protocol'])], []);
  });

  it('src/cli never imports src/server, src/extension or src/protocol.ts', () => {
    assert.deepEqual(violations('src/cli', ['src/server', 'src/extension', 'src/protocol']), []);
  });

  it('src/server never imports src/extension or src/cli', () => {
    assert.deepEqual(violations('src/server', ['src/extension', 'src/cli']), []);
  });

  it('src/extension takes its data from the server through src/protocol.ts: at run time it imports only the pure exporters, view names and language descriptors of src/core, never src/node, src/server or src/cli', () => {
    const exportersOnly = violations('src/extension', ['src/core']).filter((v) => !/ imports src\/core\/(export\/[a-z-]+|matrix\/model|codelinks\/language-descriptors)$/.test(v));
    assert.deepEqual([...exportersOnly, ...violations('src/extension', ['src/node', 'src/server', 'src/cli'])], []);
  });

  it('only src/extension imports vscode', () => {
    const bad = files(SRC)
      .filter((f) => !relative(SRC, f).startsWith('extension'))
      .filter((f) => runtimeImports(readFileSync(f, 'utf8')).includes('vscode'))
      .map((f) => relative(SRC, f));
    assert.deepEqual(bad, []);
  });

  it('only src/server, src/extension and src/protocol.ts import the LSP libraries', () => {
    const bad = files(SRC)
      .filter((f) => !/^(server|extension)[/\\]|^protocol\.ts$/.test(relative(SRC, f)))
      .filter((f) => runtimeImports(readFileSync(f, 'utf8')).some((s) => /^vscode-languageserver|^vscode-languageclient|^vscode-jsonrpc/.test(s)))
      .map((f) => relative(SRC, f));
    assert.deepEqual(bad, []);
  });

  it('only src/node/treesitter imports web-tree-sitter', () => {
    const bad = importsUnder('src')
      .filter(({ file, target }) => target === 'web-tree-sitter' && !file.startsWith('src/node/treesitter/'))
      .map(({ file, target }) => `${file} imports ${target}`);
    assert.deepEqual(bad, []);
  });

  it('the server state, the modules it is built from and its code-index seam know nothing of LSP', () => {
    const stateModules = ['state', 'workspace-reads', 'lint-runs', 'rule-fingerprint', 'trace-cache', 'code-index'].map((m) => `src/server/${m}.ts`);
    const bad = importsUnder('src/server')
      .filter(({ file }) => stateModules.includes(file))
      .filter(({ target }) => /^vscode-languageserver|^vscode-jsonrpc/.test(target) || inside(target, 'src/protocol'))
      .map(({ file, target }) => `${file} imports ${target}`);
    assert.deepEqual(bad, []);
  });

  it('the webview HTML shell imports nothing (browser tests render it without vscode)', () => {
    assert.deepEqual(runtimeImports(readFileSync(join(SRC, 'extension', 'webviews', 'html.ts'), 'utf8')), []);
  });

  it('webview scripts under media/ are plain scripts: they import nothing (least of all from src/)', () => {
    const scripts = files(join(ROOT, 'media')).filter((f) => f.endsWith('.js'));
    assert.ok(scripts.length >= 2, 'the matrix and diagram scripts are found');
    const bad = scripts.flatMap((f) => {
      const text = readFileSync(f, 'utf8');
      const loads = [...runtimeImports(text), ...[...text.matchAll(/\bimportScripts\s*\(/g)].map(() => 'importScripts(...)')];
      return loads.map((s) => `${repoPath(f)} loads ${s}`);
    });
    assert.deepEqual(bad, []);
  });

  it(`no file in src is over ${MAX_LINES} lines, except generated ones: a longer file is split by responsibility`, () => {
    const generated = new Set(Object.keys(generatedFiles()));
    const long = files(SRC)
      .map((f) => ({ file: repoPath(f), lines: lineCount(readFileSync(f, 'utf8')) }))
      .filter(({ file, lines }) => lines > MAX_LINES && !generated.has(file))
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    assert.deepEqual(long, []);
  });

  it('counts lines as an editor numbers them', () => {
    assert.deepEqual([lineCount(''), lineCount('a'), lineCount('a\n'), lineCount('a\nb'), lineCount('a\n\n')], [0, 1, 1, 2, 2]);
  });

  it('nothing evaluates strings as code', () => {
    const bad = files(SRC)
      .filter((f) => /\beval\s*\(|new\s+Function\s*\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    assert.deepEqual(bad, []);
  });

  it('docs/architecture.md names every folder of src/ and every top-level folder of the repository', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8');
    const named = new Set([...doc.matchAll(/`([^`\s]+)`/g)].map((m) => m[1].replace(/\/$/, '')));
    const dirs = (d: string): string[] =>
      readdirSync(d, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .flatMap((e) => [join(d, e.name), ...dirs(join(d, e.name))]);
    const topLevel = readdirSync(ROOT, { withFileTypes: true })
      .filter((e) => e.isDirectory() && !['node_modules', 'dist', '.git', '.spdf-cache', 'out'].includes(e.name))
      .map((e) => e.name);
    const missing = [...dirs(SRC).map(repoPath), 'src', ...topLevel].filter((d) => !named.has(d));
    assert.deepEqual(missing, []);
  });
});
