import { setFlagsFromString } from 'node:v8';
import type { TagSyntaxOptions } from '../../core/codelinks/tag-syntaxes';
import { TreeSitterRuntime } from '../treesitter/tree-sitter-runtime';
import { type ParsedFile, parseTasks, type ParseTask } from './parse-tasks';

/**
 * Text up to which a run that ends after indexing (the CLI) parses with V8's baseline WebAssembly code only. Cold,
 * the default tiering spends more on optimising tree-sitter than it saves on small inputs: 25 C files of 7 KB parse
 * in about 60 ms with baseline code only against about 300 ms with the default tiering; baseline code parses about
 * 1.7x slower once the default has warmed up, which pays after about 1.4 MB.
 */
export const QUICK_START_MAX_BYTES = 1024 * 1024;

/** V8's `--liftoff-only` and the two flags it turns off; setting all three back restores V8's flag hash. */
const BASELINE_ONLY = '--liftoff-only';
const DEFAULT_TIERING = '--no-liftoff-only --wasm-tier-up --wasm-dynamic-tiering';

/**
 * Parses `tasks` in this thread with tree-sitter compiled and run as baseline WebAssembly code only, the V8 flags
 * set for the parse and set back after it. V8 keys its code cache by its flags: set back, the bundle's code cache
 * (code-cache.ts) still matches. Results are the same: only how V8 compiles the same WebAssembly changes. A
 * runtime compiled so stays baseline for the life of the thread, so long-lived processes (the language server)
 * must not parse through here.
 */
export async function parseQuickly(wasmDir: string | undefined, tasks: readonly ParseTask[], syntaxes: TagSyntaxOptions): Promise<ParsedFile[]> {
  setFlagsFromString(BASELINE_ONLY);
  try {
    const runtime = await TreeSitterRuntime.create({ wasmDir });
    try {
      return (await parseTasks(runtime, tasks, syntaxes)).map((index) => ({ index }));
    } finally {
      runtime.dispose();
    }
  } finally {
    setFlagsFromString(DEFAULT_TIERING);
  }
}
