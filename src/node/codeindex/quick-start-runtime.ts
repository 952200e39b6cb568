import { setFlagsFromString } from 'node:v8';
import type { CodeLanguage } from '../../core/codelinks/languages';
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
 * A runtime for a parse in this thread with tree-sitter compiled and run as baseline WebAssembly code only, the V8
 * flags set from its start and set back after the parse (or before parse workers start, which must compile with the
 * default flags). V8 keys its code cache by its flags: set back, the bundle's code cache (code-cache.ts) still
 * matches. Results are the same: only how V8 compiles the same WebAssembly changes. A runtime compiled so stays
 * baseline for the life of the thread, so long-lived processes (the language server) must not parse through here.
 * Started as soon as the first file to parse is known, its WebAssembly compiles while the other files are read.
 */
export class QuickRuntime {
  private readonly ready: Promise<TreeSitterRuntime>;
  private flagsSet = true;
  private released = false;

  constructor(wasmDir: string | undefined, language: CodeLanguage) {
    setFlagsFromString(BASELINE_ONLY);
    // The first grammar loads too; a grammar that fails to load fails its files' parse below, as before.
    this.ready = TreeSitterRuntime.create({ wasmDir }).then(async (runtime) => (await runtime.parser(language).catch(() => undefined), runtime));
    this.ready.catch(() => undefined);
  }

  /** Sets V8's flags back; idempotent. */
  restoreFlags(): void {
    if (!this.flagsSet) return;
    this.flagsSet = false;
    setFlagsFromString(DEFAULT_TIERING);
  }

  async parse(tasks: readonly ParseTask[], syntaxes: TagSyntaxOptions): Promise<ParsedFile[]> {
    try {
      return (await parseTasks(await this.ready, tasks, syntaxes)).map((index) => ({ index }));
    } finally {
      await this.discard();
    }
  }

  /** Flags set back and the runtime released (after the parse, or when the files went to workers); idempotent. */
  async discard(): Promise<void> {
    this.restoreFlags();
    if (this.released) return;
    this.released = true;
    (await this.ready.catch(() => undefined))?.dispose();
  }
}

/** Parses `tasks` in this thread as `QuickRuntime` does. */
export function parseQuickly(wasmDir: string | undefined, tasks: readonly ParseTask[], syntaxes: TagSyntaxOptions): Promise<ParsedFile[]> {
  if (tasks.length === 0) return Promise.resolve([]);
  return new QuickRuntime(wasmDir, tasks[0].language).parse(tasks, syntaxes);
}
