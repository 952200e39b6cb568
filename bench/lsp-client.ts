/**
 * A minimal LSP client over a server's stdio for bench/lsp-latency.ts: requests with answers, notifications, and
 * waits for a matching notification; every wait fails with a message on timeout or server exit (never hangs).
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';

/** A message from the server: the benchmark reads a few fields of a few notifications. */
interface ServerMessage {
  id?: number;
  method?: string;
  result?: unknown;
  params?: unknown;
}

export interface Notification {
  method: string;
  params: { indexing?: boolean; uri?: string; version?: number };
}

export class Client {
  private buf = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (r: unknown) => void>();
  private readonly listeners: ((m: Notification) => void)[] = [];

  constructor(readonly proc: ChildProcessWithoutNullStreams) {
    proc.stdout.on('data', (d: Buffer) => this.data(d));
  }

  private data(d: Buffer): void {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const head = this.buf.indexOf('\r\n\r\n');
      if (head < 0) return;
      const len = Number(/Content-Length: (\d+)/i.exec(this.buf.subarray(0, head).toString())![1]);
      if (this.buf.length < head + 4 + len) return;
      const msg = JSON.parse(this.buf.subarray(head + 4, head + 4 + len).toString()) as ServerMessage;
      this.buf = this.buf.subarray(head + 4 + len);
      if (msg.id !== undefined && msg.method === undefined) this.pending.get(msg.id)?.(msg.result);
      else if (msg.id !== undefined) this.send({ jsonrpc: '2.0', id: msg.id, result: msg.method === 'workspace/configuration' ? [{}] : null });
      else for (const l of this.listeners) l(msg as Notification);
    }
  }

  private send(m: unknown): void {
    const b = JSON.stringify(m);
    this.proc.stdin.write(`Content-Length: ${Buffer.byteLength(b)}\r\n\r\n${b}`);
  }

  /** Fails (instead of waiting forever) when the server does not answer within `timeoutMs` or exits. */
  request<T>(method: string, params: unknown, timeoutMs = 120000): Promise<T> {
    const id = this.nextId++;
    return this.bounded(`the answer to ${method}`, timeoutMs, (res) => {
      this.pending.set(id, res as (r: unknown) => void);
      this.send({ jsonrpc: '2.0', id, method, params });
      return () => this.pending.delete(id);
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** The first notification matching `pred`; fails after `timeoutMs` or when the server exits. */
  waitFor(what: string, pred: (m: Notification) => boolean, timeoutMs: number): Promise<Notification> {
    return this.bounded(what, timeoutMs, (res) => {
      const l = (m: Notification) => {
        if (pred(m)) res(m);
      };
      this.listeners.push(l);
      return () => this.listeners.splice(this.listeners.indexOf(l), 1);
    });
  }

  /** A promise settled by `start`'s callback, or rejected with a message naming `what` on timeout or server exit. */
  private bounded<T>(what: string, timeoutMs: number, start: (res: (v: T) => void) => () => void): Promise<T> {
    return new Promise<T>((res, rej) => {
      let stop = () => undefined as unknown;
      const fail = (why: string) => {
        finish();
        rej(new Error(`lsp-latency: ${why} while waiting for ${what} (server ${this.proc.spawnargs.join(' ')})`));
      };
      const t = setTimeout(() => fail(`no answer within ${timeoutMs} ms`), timeoutMs);
      const exited = (code: number | null) => fail(`the server exited with ${code}`);
      const finish = () => {
        clearTimeout(t);
        this.proc.off('exit', exited);
        stop();
      };
      this.proc.once('exit', exited);
      stop = start((v) => {
        finish();
        res(v);
      });
    });
  }
}
