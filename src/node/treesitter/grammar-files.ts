import * as fs from 'node:fs';
import * as path from 'node:path';
import { LANGUAGE_DESCRIPTORS, type CodeLanguage } from '../../core/codelinks/language-descriptors';

/** npm package and .wasm file name of each grammar, from the language descriptors. The build copies these files (flat) into dist/. */
export const GRAMMAR_FILES = Object.fromEntries(LANGUAGE_DESCRIPTORS.map((d) => [d.id, { pkg: d.grammar.pkg, file: d.grammar.wasm }])) as Readonly<Record<CodeLanguage, { pkg: string; file: string }>>;

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

/** Every .wasm file the bundle needs, each once (tsx and typescript share a package, not a file). */
export function wasmFilesToCopy(): { pkg: string; file: string }[] {
  const byFile = new Map<string, { pkg: string; file: string }>();
  for (const entry of [RUNTIME_WASM, ...Object.values(GRAMMAR_FILES)]) byFile.set(entry.file, entry);
  return [...byFile.values()];
}

export function resolveGrammarWasm(language: CodeLanguage, wasmDir?: string): string | undefined {
  return resolveWasmFile(GRAMMAR_FILES[language], wasmDir);
}
