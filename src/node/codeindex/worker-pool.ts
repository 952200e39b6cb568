import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TagSyntaxOptions } from '../../core/codelinks/tag-syntaxes';
import { restoreDefaultTiering } from '../short-run-tiering';
import { type ParsedFile, type ParseRequest, type ParseResponse, type ParseTask, readReply } from './parse-tasks';

/**
 * Where the worker entry lives: next to this module when running from source (`codeindex-worker.ts`, tsx),
 * or `codeindex-worker.js` next to the bundle (dist/) when bundled by esbuild.
 */
export function defaultWorkerScript(): string {
  const source = path.join(__dirname, 'codeindex-worker.ts');
  if (__filename.endsWith('.ts') && fs.existsSync(source)) return source;
  return path.join(__dirname, 'codeindex-worker.js');
}

/**
 * A .ts entry (running from source) gets tsx's CommonJS hook registered inside the worker first: workers do
 * not reliably inherit the parent's loader flags (`npx tsx` passes none through execArgv).
 */
function startWorker(script: string): Worker {
  if (!script.endsWith('.ts')) return new Worker(script);
  const bootstrap = `require('tsx/cjs'); require(${JSON.stringify(script)});`;
  return new Worker(bootstrap, { eval: true });
}

interface Pending {
  resolve(results: ParsedFile[]): void;
  reject(error: Error): void;
}

interface PoolWorker {
  worker: Worker;
  /** Batches posted to this worker and not answered yet. */
  inFlight: number;
}

/**
 * Batches each worker holds at most, the one it parses and those queued behind it. More than one: the main thread
 * hands out the next batch only when it is free to hear a reply, and the model load keeps it busy for hundreds of
 * milliseconds at a stretch while the workers parse; with one batch each, both workers then sat idle.
 */
export const BATCHES_PER_WORKER = 6;

/** A fixed set of parse workers fed batch by batch; each batch goes to the worker holding the fewest. */
export class ParseWorkerPool {
  private readonly workers: PoolWorker[] = [];
  private readonly pending = new Map<number, Pending & { worker: PoolWorker }>();
  private readonly queue: { request: ParseRequest; pending: Pending }[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    size: number,
    private readonly syntaxes: TagSyntaxOptions,
    private readonly wasmDir: string | undefined,
    script: string = defaultWorkerScript(),
  ) {
    // Workers parse long enough for V8's default tiering to pay (short-run-tiering.ts).
    restoreDefaultTiering();
    for (let i = 0; i < size; i++) this.workers.push(this.spawn(script));
  }

  run(tasks: ParseTask[]): Promise<ParsedFile[]> {
    if (this.closed) return Promise.reject(new Error('parse pool is closed'));
    if (this.workers.length === 0) return Promise.reject(new Error('no parse worker is running'));
    return new Promise((resolve, reject) => {
      const request: ParseRequest = { id: this.nextId++, tasks, syntaxes: this.syntaxes, wasmDir: this.wasmDir };
      this.queue.push({ request, pending: { resolve, reject } });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
    for (const { pending } of this.queue.splice(0)) pending.reject(new Error('parse pool closed'));
  }

  private spawn(script: string): PoolWorker {
    const entry: PoolWorker = { worker: startWorker(script), inFlight: 0 };
    entry.worker.on('message', (response: ParseResponse) => this.settle(entry, response));
    entry.worker.on('error', (error) => this.fail(entry, error));
    entry.worker.on('exit', (code) => {
      if (!this.closed) this.fail(entry, new Error(`parse worker exited with code ${code}`));
    });
    return entry;
  }

  /** Tops every worker up to BATCHES_PER_WORKER, one batch a worker a round, so the workers stay even. */
  private dispatch(): void {
    for (let held = 0; held < BATCHES_PER_WORKER; held++) {
      for (const entry of this.workers) {
        if (entry.inFlight > held) continue;
        const next = this.queue.shift();
        if (!next) return;
        entry.inFlight++;
        this.pending.set(next.request.id, { ...next.pending, worker: entry });
        entry.worker.postMessage(next.request);
      }
    }
  }

  private settle(entry: PoolWorker, response: ParseResponse): void {
    const pending = this.pending.get(response.id);
    this.pending.delete(response.id);
    entry.inFlight--;
    if (pending) {
      try {
        if (response.error) pending.reject(new Error(response.error));
        else pending.resolve(response.json !== undefined ? readReply(response.json) : response.results.map((index) => ({ index })));
      } catch (error) {
        pending.reject(error as Error);
      }
    }
    this.dispatch();
  }

  private fail(entry: PoolWorker, error: Error): void {
    for (const [id, pending] of this.pending) {
      if (pending.worker !== entry) continue;
      this.pending.delete(id);
      pending.reject(error);
    }
    const index = this.workers.indexOf(entry);
    if (index >= 0) this.workers.splice(index, 1);
    if (this.workers.length === 0) {
      for (const { pending } of this.queue.splice(0)) pending.reject(error);
    } else this.dispatch();
  }
}
