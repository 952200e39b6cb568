// @spdf implements SPDF-IDX-004
/**
 * The one table of the languages the code-link index reads. Everything language-specific outside the symbol
 * tables derives from it: file extensions, tree-sitter grammar files and the build's .wasm copy, comment
 * prefixes of inserted tags, the server's watched globs, the extension's document selector and the
 * package.json contributions (`npm run generate`). Data only: the extension bundles it.
 */

export interface EditorLanguage {
  /** VS Code language ID (document selector, snippets, `editorLangId` when-clauses). */
  readonly languageId: string;
  /** TextMate scope the tag highlighting is injected into. */
  readonly scope: string;
}

export interface LanguageDescriptor {
  /** The code-link language name (values of `code.languages` in spdf.config.yaml). */
  readonly id: string;
  /** Lower-case extensions with the dot. `.h` belongs to C unless the project sets `headerLanguage: cpp`. */
  readonly extensions: readonly string[];
  /** The tree-sitter grammar: npm package and the .wasm file inside it. */
  readonly grammar: { readonly pkg: string; readonly wasm: string };
  /** How a line comment starts (inserted tags, suppression comments, tag snippets). */
  readonly lineComment: '//' | '#';
  /** The editor languages whose documents this language indexes. */
  readonly editor: readonly EditorLanguage[];
}

export const LANGUAGE_DESCRIPTORS = [
  {
    id: 'c',
    extensions: ['.c', '.h'],
    grammar: { pkg: 'tree-sitter-c', wasm: 'tree-sitter-c.wasm' },
    lineComment: '//',
    editor: [{ languageId: 'c', scope: 'source.c' }],
  },
  {
    id: 'cpp',
    extensions: ['.cc', '.cpp', '.cxx', '.c++', '.hpp', '.hh', '.hxx'],
    grammar: { pkg: 'tree-sitter-cpp', wasm: 'tree-sitter-cpp.wasm' },
    lineComment: '//',
    editor: [{ languageId: 'cpp', scope: 'source.cpp' }],
  },
  {
    id: 'python',
    extensions: ['.py', '.pyi'],
    grammar: { pkg: 'tree-sitter-python', wasm: 'tree-sitter-python.wasm' },
    lineComment: '#',
    editor: [{ languageId: 'python', scope: 'source.python' }],
  },
  {
    id: 'typescript',
    extensions: ['.ts', '.mts', '.cts'],
    grammar: { pkg: 'tree-sitter-typescript', wasm: 'tree-sitter-typescript.wasm' },
    lineComment: '//',
    editor: [{ languageId: 'typescript', scope: 'source.ts' }],
  },
  {
    id: 'tsx',
    extensions: ['.tsx'],
    grammar: { pkg: 'tree-sitter-typescript', wasm: 'tree-sitter-tsx.wasm' },
    lineComment: '//',
    editor: [{ languageId: 'typescriptreact', scope: 'source.tsx' }],
  },
  {
    id: 'javascript',
    extensions: ['.js', '.mjs', '.cjs', '.jsx'],
    grammar: { pkg: 'tree-sitter-javascript', wasm: 'tree-sitter-javascript.wasm' },
    lineComment: '//',
    editor: [
      { languageId: 'javascript', scope: 'source.js' },
      { languageId: 'javascriptreact', scope: 'source.js.jsx' },
    ],
  },
  {
    id: 'java',
    extensions: ['.java'],
    grammar: { pkg: 'tree-sitter-java', wasm: 'tree-sitter-java.wasm' },
    lineComment: '//',
    editor: [{ languageId: 'java', scope: 'source.java' }],
  },
  {
    id: 'rust',
    extensions: ['.rs'],
    grammar: { pkg: 'tree-sitter-rust', wasm: 'tree-sitter-rust.wasm' },
    lineComment: '//',
    editor: [{ languageId: 'rust', scope: 'source.rust' }],
  },
  {
    id: 'go',
    extensions: ['.go'],
    grammar: { pkg: 'tree-sitter-go', wasm: 'tree-sitter-go.wasm' },
    lineComment: '//',
    editor: [{ languageId: 'go', scope: 'source.go' }],
  },
  {
    id: 'csharp',
    extensions: ['.cs'],
    grammar: { pkg: 'tree-sitter-c-sharp', wasm: 'tree-sitter-c_sharp.wasm' },
    lineComment: '//',
    editor: [{ languageId: 'csharp', scope: 'source.cs' }],
  },
] as const satisfies readonly LanguageDescriptor[];

export type CodeLanguage = (typeof LANGUAGE_DESCRIPTORS)[number]['id'];

/** Every VS Code language ID of every code language, in table order. */
export const EDITOR_LANGUAGE_IDS: readonly string[] = LANGUAGE_DESCRIPTORS.flatMap((d) => d.editor.map((e) => e.languageId));
