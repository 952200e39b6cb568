import { indexCodeFile, unreadableIndex } from '../../core/codelinks/index-code-file';
import { suppressionsInText } from '../../core/model/suppressions';
import type { CodeLanguage } from '../../core/codelinks/languages';
import type { CodeFileIndex } from '../../core/codelinks/model';
import { compileTagSyntaxes, type CompiledTagSyntaxes, type TagSyntaxOptions } from '../../core/codelinks/tag-syntaxes';
import { treeView } from '../treesitter/tree-arena';
import type { TreeSitterRuntime } from '../treesitter/tree-sitter-runtime';
import { type CompactIndex, unpackIndex } from './compact-index';

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
  /**
   * The results as JSON of their packed form (compact-index.ts; workers send this and `results` is then empty):
   * number arrays parse several times faster than objects, and the code-index cache stores them as they came.
   */
  json?: string;
  error?: string;
}

/** A parsed file and, when it came from a worker, the packed form it crossed in (the cache stores that as is). */
export interface ParsedFile {
  index: CodeFileIndex;
  packed?: CompactIndex | CodeFileIndex;
}

/** A worker's `json` read back; throws when a packed index does not decode (the batch is then parsed again). */
export function readReply(json: string): ParsedFile[] {
  return (JSON.parse(json) as (CompactIndex | CodeFileIndex)[]).map((packed) => ({ index: Array.isArray(packed) ? unpackIndex(packed) : packed, packed }));
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
export function parseTasks(runtime: TreeSitterRuntime, tasks: readonly ParseTask[], syntaxes: TagSyntaxOptions): Promise<CodeFileIndex[]> {
  return parseTasksInto(runtime, tasks, syntaxes, (index) => index);
}

/**
 * `parseTasks`, each index handed to `each` as soon as it is made and only what `each` returns kept: a worker turns
 * it into its reply text there, so a batch's index objects die young instead of being copied by every collection
 * until the batch ends.
 */
export async function parseTasksInto<T>(runtime: TreeSitterRuntime, tasks: readonly ParseTask[], syntaxes: TagSyntaxOptions, each: (index: CodeFileIndex) => T): Promise<T[]> {
  const compiled = compiledSyntaxes(syntaxes);
  const results: T[] = [];
  for (const task of tasks) {
    let index: CodeFileIndex;
    try {
      // The arena copies only the nodes indexing reads; nothing else may call tree-sitter until disposed.
      const tree = await runtime.parse(task.language, task.text);
      try {
        const view = treeView(tree, task.text);
        try {
          index = indexCodeFile({ ...task, root: view.root }, compiled);
        } finally {
          view.dispose();
        }
      } finally {
        tree.delete();
      }
    } catch (error) {
      index = unreadableIndex(task.file, task.language, task.text, compiled, `could not parse: ${(error as Error).message}`);
    }
    // Found in the very text indexed, so a check applies them without reading the file again (code-suppressions.ts).
    index.suppressions = suppressionsInText(task.file, task.text);
    results.push(each(index));
  }
  return results;
}
