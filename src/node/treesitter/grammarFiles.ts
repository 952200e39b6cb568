import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeLanguage } from '../../core/codelinks/languages';

/** npm package and .wasm file name of each grammar. The bundle copies these files (flat) next to dist/. */
export const GRAMMAR_FILES: Readonly<Record<CodeLanguage, { pkg: string; file: string }>> = {
  c: { pkg: 'tree-sitter-c', file: 'tree-sitter-c.wasm' },
  cpp: { pkg: 'tree-sitter-cpp', file: 'tree-sitter-cpp.wasm' },
  python: { pkg: 'tree-sitter-python', file: 'tree-sitter-python.wasm' },
  typescript: { pkg: 'tree-sitter-typescript', file: 'tree-sitter-typescript.wasm' },
  tsx: { pkg: 'tree-sitter-typescript', file: 'tree-sitter-tsx.wasm' },
  javascript: { pkg: 'tree-sitter-javascript', file: 'tree-sitter-javascript.wasm' },
  java: { pkg: 'tree-sitter-java', file: 'tree-sitter-java.wasm' },
  rust: { pkg: 'tree-sitter-rust', file: 'tree-sitter-rust.wasm' },
  go: { pkg: 'tree-sitter-go', file: 'tree-sitter-go.wasm' },
  csharp: { pkg: 'tree-sitter-c-sharp', file: 'tree-sitter-c_sharp.wasm' },
};

/** The runtime's own wasm (web-tree-sitter). */
export const RUNTIME_WASM = { pkg: 'web-tree-sitter', file: 'tree-sitter.wasm' };

/**
 * Absolute path of a .wasm file: first `wasmDir/<file>` (default: beside this module, i.e. dist/ in the bundle), then the npm package
 * through require.resolve (running from source). Undefined when neither exists.
 */
export function resolveWasmFile(entry: { pkg: string; file: string }, wasmDir: string | undefined = __dirname): string | undefined {
  if (wasmDir) {
    const candidate = path.join(wasmDir, entry.file);
    if (fs.existsSync(candidate)) return candidate;
  }
  try {
    return require.resolve(`${entry.pkg}/${entry.file}`);
  } catch {
    // Packages with an "exports" map that omits the wasm: resolve package.json and join.
  }
  try {
    const pkgJson = require.resolve(`${entry.pkg}/package.json`);
    const candidate = path.join(path.dirname(pkgJson), entry.file);
    return fs.existsSync(candidate) ? candidate : undefined;
  } catch {
    return undefined;
  }
}

export function resolveGrammarWasm(language: CodeLanguage, wasmDir?: string): string | undefined {
  return resolveWasmFile(GRAMMAR_FILES[language], wasmDir);
}
