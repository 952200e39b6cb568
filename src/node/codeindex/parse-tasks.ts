import { indexCodeFile, unreadableIndex } from '../../core/codelinks/index-code-file';
import type { CodeLanguage } from '../../core/codelinks/languages';
import type { CodeFileIndex } from '../../core/codelinks/model';
import { compileTagSyntaxes, type CompiledTagSyntaxes, type TagSyntaxOptions } from '../../core/codelinks/tag-syntaxes';
import { treeView } from '../treesitter/tree-arena';
import type { TreeSitterRuntime } from '../treesitter/tree-sitter-runtime';

export interface ParseTask {
  file: string;
  language: CodeLanguage;
  text: string;
  isTestFile: boolean;
}

/** What crosses to a worker: plain data only (options, not compiled regexes). */
export interface ParseRequest {
  id: number;
  tasks: ParseTask[];
  syntaxes: TagSyntaxOptions;
  wasmDir?: string;
}

export interface ParseResponse {
  id: number;
  results: CodeFileIndex[];
  /** The results as JSON (workers send this; `results` is then empty). */
  json?: string;
  error?: string;
}

const compiledByKey = new Map<string, CompiledTagSyntaxes>();

export function compiledSyntaxes(options: TagSyntaxOptions): CompiledTagSyntaxes {
  const key = JSON.stringify(options);
  let compiled = compiledByKey.get(key);
  if (!compiled) {
    compiled = compileTagSyntaxes(options);
    compiledByKey.set(key, compiled);
  }
  return compiled;
}

/** Parses and indexes each task; a file whose grammar fails to load or parse gets an `internal` problem. */
export async function parseTasks(runtime: TreeSitterRuntime, tasks: readonly ParseTask[], syntaxes: TagSyntaxOptions): Promise<CodeFileIndex[]> {
  const compiled = compiledSyntaxes(syntaxes);
  const results: CodeFileIndex[] = [];
  for (const task of tasks) {
    try {
      // The arena copies only the nodes indexing reads; nothing else may call tree-sitter until disposed.
      const tree = await runtime.parse(task.language, task.text);
      try {
        const view = treeView(tree, task.text);
        try {
          results.push(indexCodeFile({ ...task, root: view.root }, compiled));
        } finally {
          view.dispose();
        }
      } finally {
        tree.delete();
      }
    } catch (error) {
      results.push(unreadableIndex(task.file, task.language, task.text, compiled, `could not parse: ${(error as Error).message}`));
    }
  }
  return results;
}
