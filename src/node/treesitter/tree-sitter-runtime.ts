// @spdf implements SPDF-LSP-MEM
import { readFile } from 'node:fs/promises';
import { Language, Parser, type Tree } from 'web-tree-sitter';
import type { CodeLanguage } from '../../core/codelinks/languages';
import { RUNTIME_WASM, resolveGrammarWasm, resolveWasmFile } from './grammar-files';
import { adoptRuntimeModule } from './tree-arena';

export interface TreeSitterOptions {
  /** Folder holding the .wasm files (the bundle's dist/); searched before the npm packages. */
  wasmDir?: string;
}

let initOnce: Promise<void> | undefined;

/** Parser.init is process-global in web-tree-sitter; the first caller's wasmDir decides where tree-sitter.wasm comes from. */
function initRuntime(wasmDir: string | undefined): Promise<void> {
  initOnce ??= (async () => {
    const runtimeWasm = resolveWasmFile(RUNTIME_WASM, wasmDir);
    // Emscripten fills this object with the module's exports; treeArena walks trees through them.
    const moduleOptions: Record<string, unknown> = runtimeWasm ? { locateFile: (file: string, dir: string) => (file === RUNTIME_WASM.file ? runtimeWasm : dir + file) } : {};
    await Parser.init(moduleOptions);
    adoptRuntimeModule(moduleOptions);
  })();
  initOnce.catch(() => (initOnce = undefined));
  return initOnce;
}

/**
 * Grammars loaded in this thread, by .wasm file. A loaded grammar stays in the runtime's wasm memory (web-tree-sitter
 * cannot unload it), so each is loaded once per thread and shared by every runtime (a server re-index makes a new one).
 */
const loadedGrammars = new Map<string, Promise<Language>>();

/** Loads grammars on first use and keeps one parser per language. Not shared between threads. */
export class TreeSitterRuntime {
  private readonly parsers = new Map<CodeLanguage, Parser>();

  private constructor(private readonly wasmDir: string | undefined) {}

  static async create(options: TreeSitterOptions = {}): Promise<TreeSitterRuntime> {
    await initRuntime(options.wasmDir);
    return new TreeSitterRuntime(options.wasmDir);
  }

  language(lang: CodeLanguage): Promise<Language> {
    const wasm = resolveGrammarWasm(lang, this.wasmDir);
    if (!wasm) return Promise.reject(new Error(`no tree-sitter grammar .wasm found for ${lang}`));
    let pending = loadedGrammars.get(wasm);
    if (!pending) {
      // Bytes, not the path: given a path, web-tree-sitter reads it through `import()`, which a bundle compiled from
      // V8's code cache (src/node/code-cache.ts) cannot call.
      pending = readFile(wasm).then((bytes) => Language.load(bytes));
      loadedGrammars.set(wasm, pending);
      pending.catch(() => loadedGrammars.delete(wasm));
    }
    return pending;
  }

  async parser(lang: CodeLanguage): Promise<Parser> {
    let parser = this.parsers.get(lang);
    if (!parser) {
      const language = await this.language(lang);
      parser = this.parsers.get(lang);
      if (!parser) {
        parser = new Parser();
        parser.setLanguage(language);
        this.parsers.set(lang, parser);
      }
    }
    return parser;
  }

  /** Parses `text`; pass the edited previous tree for an incremental reparse. Throws only on runtime failure. */
  async parse(lang: CodeLanguage, text: string, oldTree?: Tree | null): Promise<Tree> {
    const parser = await this.parser(lang);
    const tree = parser.parse(text, oldTree ?? null);
    if (!tree) throw new Error(`tree-sitter returned no tree for ${lang}`);
    return tree;
  }

  dispose(): void {
    for (const parser of this.parsers.values()) parser.delete();
    this.parsers.clear();
  }
}

export type { Tree, Node as TreeSitterNode, Edit as TreeSitterEdit } from 'web-tree-sitter';
