import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..', 'src');

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

const FORBIDDEN_IN_CORE = /^(node:)?(fs|fs\/promises|child_process|worker_threads|net|http|https)$|^vscode$|^vscode-languageserver|^vscode-languageclient|^web-tree-sitter$/;

/** Invariants of architecture.md, written as tests (rust-analyzer style). */
describe('architecture', () => {
  it('src/core is pure: no vscode, LSP, file system, process, network or WebAssembly loader imports', () => {
    const bad = files(join(SRC, 'core')).flatMap((f) =>
      runtimeImports(readFileSync(f, 'utf8'))
        .filter((s) => FORBIDDEN_IN_CORE.test(s))
        .map((s) => `${relative(SRC, f)} imports ${s}`),
    );
    assert.deepEqual(bad, []);
  });

  it('only src/extension imports vscode', () => {
    const bad = files(SRC)
      .filter((f) => !relative(SRC, f).startsWith('extension'))
      .filter((f) => runtimeImports(readFileSync(f, 'utf8')).includes('vscode'))
      .map((f) => relative(SRC, f));
    assert.deepEqual(bad, []);
  });

  it('only src/server (and the extension client) import the LSP libraries', () => {
    const bad = files(SRC)
      .filter((f) => !/^(server|extension)[/\\]/.test(relative(SRC, f)))
      .filter((f) => runtimeImports(readFileSync(f, 'utf8')).some((s) => /^vscode-languageserver|^vscode-languageclient/.test(s)))
      .map((f) => relative(SRC, f));
    assert.deepEqual(bad, []);
  });

  it('nothing evaluates strings as code', () => {
    const bad = files(SRC)
      .filter((f) => /\beval\s*\(|new\s+Function\s*\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    assert.deepEqual(bad, []);
  });
});
