import { pathMatcher } from '../../core/path-glob';
import { indexCodeFile } from '../../core/codelinks/index-code-file';
import { buildLanguageMap, languageForPath, type CodeLanguage, type LanguageMapOptions } from '../../core/codelinks/languages';
import type { CodeFileIndex } from '../../core/codelinks/model';
import type { TagSyntaxOptions } from '../../core/codelinks/tag-syntaxes';
import { LineIndex } from '../../core/text';
import type { Range } from '../../core/types';
import { treeView } from '../treesitter/tree-arena';
import { TreeSitterRuntime, type Tree, type TreeSitterEdit } from '../treesitter/tree-sitter-runtime';
import { DEFAULT_TEST_GLOBS } from './build-code-index';
import { compiledSyntaxes } from './parse-tasks';
import { reuseUnchanged } from './reuse-unchanged';

/** An LSP-style change: replace `range` (positions in the text before this change) by `text`; no range = whole text. */
export interface TextChange {
  range?: Range;
  text: string;
}

interface OpenDocument {
  language: CodeLanguage;
  text: string;
  tree: Tree;
  index: CodeFileIndex;
}

export interface OpenDocumentOptions {
  tagSyntaxes?: TagSyntaxOptions;
  languages?: LanguageMapOptions;
  testGlobs?: readonly string[];
  wasmDir?: string;
}

/**
 * Keeps a tree per open document so each edit re-parses incrementally (`tree.edit` + parse with the old
 * tree) and re-indexes only that file. For the language server (per keystroke) and watch modes.
 */
export class OpenDocumentIndex {
  private readonly docs = new Map<string, OpenDocument>();

  private constructor(
    private readonly runtime: TreeSitterRuntime,
    private readonly options: OpenDocumentOptions,
    private readonly isTestFile: (file: string) => boolean,
    private readonly languageMap: ReturnType<typeof buildLanguageMap>,
  ) {}

  static async create(options: OpenDocumentOptions = {}): Promise<OpenDocumentIndex> {
    const runtime = await TreeSitterRuntime.create({ wasmDir: options.wasmDir ?? __dirname });
    const isTest = pathMatcher([...(options.testGlobs ?? DEFAULT_TEST_GLOBS)]);
    return new OpenDocumentIndex(runtime, options, isTest, buildLanguageMap(options.languages));
  }

  /** Parses and indexes a document; undefined when its extension has no language. */
  async open(file: string, text: string): Promise<CodeFileIndex | undefined> {
    const language = languageForPath(file, this.languageMap);
    if (!language) return undefined;
    this.close(file);
    const tree = await this.runtime.parse(language, text);
    const doc: OpenDocument = { language, text, tree, index: this.index(file, language, text, tree) };
    this.docs.set(file, doc);
    return doc.index;
  }

  /** Applies changes in order, then re-parses once with the edited old tree. */
  async change(file: string, changes: readonly TextChange[]): Promise<CodeFileIndex | undefined> {
    const doc = this.docs.get(file);
    if (!doc) return undefined;
    let text = doc.text;
    for (const change of changes) {
      if (!change.range) {
        doc.tree.edit(editBetween(text, change.text));
        text = change.text;
        continue;
      }
      const lines = new LineIndex(text, 'lf');
      const start = offsetAt(lines, text, change.range.start);
      const end = Math.max(start, offsetAt(lines, text, change.range.end));
      doc.tree.edit(makeEdit(text, start, end, change.text));
      text = text.slice(0, start) + change.text + text.slice(end);
    }
    return this.reparse(file, doc, text);
  }

  /** Whole new text of a file (editor or watch mode): the edit is the span between common prefix and suffix. */
  async replace(file: string, text: string): Promise<CodeFileIndex | undefined> {
    const doc = this.docs.get(file);
    if (!doc) return this.open(file, text);
    if (text === doc.text) return doc.index;
    doc.tree.edit(editBetween(doc.text, text));
    return this.reparse(file, doc, text);
  }

  get(file: string): CodeFileIndex | undefined {
    return this.docs.get(file)?.index;
  }

  close(file: string): void {
    this.docs.get(file)?.tree.delete();
    this.docs.delete(file);
  }

  dispose(): void {
    for (const file of [...this.docs.keys()]) this.close(file);
    this.runtime.dispose();
  }

  private async reparse(file: string, doc: OpenDocument, text: string): Promise<CodeFileIndex> {
    let tree = await this.runtime.parse(doc.language, text, doc.tree);
    if (tree.rootNode.hasError) {
      // Error recovery may build another tree from reused nodes than from scratch; `spdf check` parses from scratch.
      tree.delete();
      tree = await this.runtime.parse(doc.language, text);
    }
    doc.tree.delete();
    doc.tree = tree;
    doc.text = text;
    doc.index = reuseUnchanged(doc.index, this.index(file, doc.language, text, tree));
    return doc.index;
  }

  /** Indexes through the same syntax arena as the bulk index: per keystroke, far fewer short-lived node objects. */
  private index(file: string, language: CodeLanguage, text: string, tree: Tree): CodeFileIndex {
    const syntaxes = compiledSyntaxes(this.options.tagSyntaxes ?? {});
    const view = treeView(tree, text);
    try {
      return indexCodeFile({ file, language, text, root: view.root, isTestFile: this.isTestFile(file) }, syntaxes);
    } finally {
      view.dispose();
    }
  }
}

function offsetAt(lines: LineIndex, text: string, position: { line: number; character: number }): number {
  return Math.min(text.length, (lines.starts[position.line] ?? text.length) + position.character);
}

/** Row and column (UTF-16 units, rows split at LF only, like the parse) of an offset; allocates nothing. */
function pointAt(text: string, offset: number): { row: number; column: number } {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}

/** Tree-sitter edit for replacing [start, end) of `oldText` by `inserted` (UTF-16 offsets, like the parse). */
export function makeEdit(oldText: string, start: number, end: number, inserted: string): TreeSitterEdit {
  const startPosition = pointAt(oldText, start);
  const lastBreak = inserted.lastIndexOf('\n');
  let insertedRows = 0;
  for (let i = inserted.indexOf('\n'); i !== -1; i = inserted.indexOf('\n', i + 1)) insertedRows++;
  return {
    startIndex: start,
    oldEndIndex: end,
    newEndIndex: start + inserted.length,
    startPosition,
    oldEndPosition: pointAt(oldText, end),
    newEndPosition: { row: startPosition.row + insertedRows, column: lastBreak === -1 ? startPosition.column + inserted.length : inserted.length - lastBreak - 1 },
  };
}

/** The single edit turning `oldText` into `newText`: common prefix and suffix stay. */
export function editBetween(oldText: string, newText: string): TreeSitterEdit {
  let prefix = 0;
  const max = Math.min(oldText.length, newText.length);
  while (prefix < max && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) {
    suffix++;
  }
  return makeEdit(oldText, prefix, oldText.length - suffix, newText.slice(prefix, newText.length - suffix));
}
