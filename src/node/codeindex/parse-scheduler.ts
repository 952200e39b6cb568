// @spdf implements SPDF-IDX-001
import type { CodeLanguage } from '../../core/codelinks/languages';
import type { TagSyntaxOptions } from '../../core/codelinks/tag-syntaxes';
import type { CodeFileIndex } from '../../core/codelinks/model';
import { TreeSitterRuntime } from '../treesitter/tree-sitter-runtime';
import { type ParsedFile, parseTasks, type ParseTask } from './parse-tasks';
import { QUICK_START_MAX_BYTES, QuickRuntime } from './quick-start-runtime';
import { ParseWorkerPool } from './worker-pool';

const BATCH_BYTES = 96 * 1024;

/**
 * Collects parse tasks while files are still being read. Until the text to parse passes the worker
 * threshold, tasks wait; past it, a worker pool starts and batches stream to it, overlapping reading and
 * parsing. Small inputs parse in this thread without starting workers.
 */
export class ParseScheduler {
  bytes = 0;
  workerCount = 0;
  fallbacks = 0;
  private batch: ParseTask[] = [];
  private batchBytes = 0;
  private readonly waiting: ParseTask[][] = [];
  private readonly running: Promise<ParsedFile[]>[] = [];
  private pool: ParseWorkerPool | undefined;
  /** Whether batches go to the pool (it may have been started early and then not be needed). */
  private pooled = false;
  /** A short run's in-thread runtime, compiling since the first file to parse was known. */
  private quick: QuickRuntime | undefined;

  constructor(
    private readonly workers: number,
    private readonly threshold: number,
    private readonly syntaxes: TagSyntaxOptions,
    private readonly wasmDir: string,
    private readonly shortRun: boolean,
  ) {}

  add(task: ParseTask): void {
    // A short run without workers yet is likely to parse here: the runtime compiles while the rest is read.
    if (this.shortRun && !this.pool && !this.quick) this.quick = new QuickRuntime(this.wasmDir, task.language);
    this.batch.push(task);
    this.batchBytes += task.text.length;
    this.bytes += task.text.length;
    if (this.batchBytes >= BATCH_BYTES) this.flushBatch();
  }

  /** Starts the workers now, each loading `language`'s grammar; they parse only if the text passes the threshold. */
  prestart(language: CodeLanguage): void {
    if (this.pool || this.workers <= 0) return;
    this.pool = new ParseWorkerPool(this.workers, this.syntaxes, this.wasmDir);
    for (let i = 0; i < this.workers; i++) this.pool.run([{ file: '', language, text: '', isTestFile: false }]).catch(() => undefined);
  }

  async finish(): Promise<ParsedFile[]> {
    this.flushBatch();
    try {
      if (!this.pooled) {
        const tasks = this.waiting.splice(0).flat();
        if (tasks.length === 0) return [];
        if (this.shortRun && this.bytes <= QUICK_START_MAX_BYTES) return await (this.quick ?? new QuickRuntime(this.wasmDir, tasks[0].language)).parse(tasks, this.syntaxes);
        await this.quick?.discard();
        const runtime = await TreeSitterRuntime.create({ wasmDir: this.wasmDir });
        try {
          return inThread(await parseTasks(runtime, tasks, this.syntaxes));
        } finally {
          runtime.dispose();
        }
      }
      return (await Promise.all(this.running)).flat();
    } finally {
      await this.quick?.discard();
      await this.pool?.close();
    }
  }

  private flushBatch(): void {
    if (this.batch.length) this.waiting.push(this.batch);
    this.batch = [];
    this.batchBytes = 0;
    // Nothing to parse (every file cached or untagged) starts no worker, even with no threshold.
    if (!this.pooled && this.workers > 0 && this.waiting.length > 0 && this.bytes >= this.threshold) {
      // Workers compile with V8's default flags.
      this.quick?.restoreFlags();
      this.pool ??= new ParseWorkerPool(this.workers, this.syntaxes, this.wasmDir);
      this.pooled = true;
      this.workerCount = this.workers;
    }
    if (this.pool && this.pooled) for (const tasks of this.waiting.splice(0)) this.running.push(this.runBatch(this.pool, tasks));
  }

  /** A batch the pool cannot handle (worker crash) is parsed here instead. */
  private async runBatch(pool: ParseWorkerPool, tasks: ParseTask[]): Promise<ParsedFile[]> {
    try {
      return await pool.run(tasks);
    } catch {
      this.fallbacks++;
      const runtime = await TreeSitterRuntime.create({ wasmDir: this.wasmDir });
      try {
        return inThread(await parseTasks(runtime, tasks, this.syntaxes));
      } finally {
        runtime.dispose();
      }
    }
  }
}

const inThread = (indexes: CodeFileIndex[]): ParsedFile[] => indexes.map((index) => ({ index }));
