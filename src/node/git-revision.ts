// @spdf implements SPDF-CMD-DIFF
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Host } from '../core/host';
import type { WalkNote } from './fs-host';

/** A git failure the user must see (not a git repository, an unknown revision): never a silent empty side. */
export class GitError extends Error {}

// Read-only plumbing only; no optional locks, so not even the index's stat cache is refreshed.
const GIT_ENV = { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };

/** Runs a read-only git command in `cwd`; rejects with git's own message. */
export function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, env: GIT_ENV, maxBuffer: 512 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new GitError(`git ${args[0]}: ${(stderr || error.message).trim()}`));
      else resolve(stdout);
    });
  });
}

/** The folder `root` inside its repository ('' at the top, else 'sub/dir/'); rejects outside a git repository. */
export async function repositoryPrefix(root: string): Promise<string> {
  try {
    return (await git(root, ['rev-parse', '--show-prefix'])).trim();
  } catch (e) {
    if (/ENOENT/.test((e as Error).message)) throw new GitError('git is not installed or not on PATH (spdf diff reads revisions through git)');
    throw new GitError(`${root} is not inside a git repository (spdf diff reads revisions through git)`);
  }
}

/** The commit a revision names, or a GitError naming the revision. */
export async function resolveCommit(root: string, rev: string): Promise<string> {
  if (rev.startsWith('-')) throw new GitError(`'${rev}' is not a revision`);
  try {
    return (await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])).trim();
  } catch {
    throw new GitError(`unknown revision '${rev}' (no commit of that name in this repository)`);
  }
}

/**
 * The default base of `spdf diff`: the merge base of HEAD with the default branch (origin's HEAD, else
 * main, else master). Rejects when none exists rather than guessing.
 */
export async function defaultBase(root: string): Promise<{ rev: string; commit: string }> {
  const candidates: string[] = [];
  const originHead = await git(root, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']).catch(() => '');
  if (originHead.trim()) candidates.push(originHead.trim());
  candidates.push('main', 'master', 'origin/main', 'origin/master');
  for (const branch of candidates) {
    const ok = await resolveCommit(root, branch).catch(() => undefined);
    if (!ok) continue;
    try {
      const commit = (await git(root, ['merge-base', 'HEAD', ok])).trim();
      return { rev: `merge-base(HEAD, ${branch})`, commit };
    } catch {
      throw new GitError(`HEAD and ${branch} have no common ancestor; name the base revision: spdf diff REV`);
    }
  }
  throw new GitError('no default branch found (origin/HEAD, main or master); name the base revision: spdf diff REV');
}

/** Local and remote-tracking branch names, for the editor's quick pick. */
export async function listBranches(root: string): Promise<string[]> {
  const out = await git(root, ['for-each-ref', '--format=%(refname:short)', 'refs/heads', 'refs/remotes']);
  return out
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s && !s.endsWith('/HEAD'));
}

interface TreeEntry {
  oid: string;
  size: number;
}

/**
 * The files of one commit as a core Host, read with `git ls-tree` and one `git cat-file --batch` process:
 * no checkout, nothing written. Paths are relative to `root` (the workspace folder inside the repository).
 * Symbolic links and submodules are left out with a note, as the workspace walk notes what it skips.
 */
export class GitRevisionHost implements Host {
  readonly notes: WalkNote[] = [];
  private entries?: Promise<Map<string, TreeEntry>>;
  private batch?: BlobReader;

  constructor(
    readonly root: string,
    readonly commit: string,
  ) {}

  private tree(): Promise<Map<string, TreeEntry>> {
    this.entries ??= git(this.root, ['ls-tree', '-r', '-l', '-z', this.commit]).then((out) => {
      const map = new Map<string, TreeEntry>();
      for (const rec of out.split('\0')) {
        if (!rec) continue;
        const tab = rec.indexOf('\t');
        const [mode, type, oid, size] = rec.slice(0, tab).split(/\s+/);
        const path = rec.slice(tab + 1);
        if (type === 'blob' && mode !== '120000') map.set(path, { oid, size: Number(size) });
        else this.notes.push({ path, reason: mode === '120000' ? `symbolic link in ${this.commit.slice(0, 12)}; not followed` : `${type} (submodule) in ${this.commit.slice(0, 12)}; not read` });
      }
      return map;
    });
    return this.entries;
  }

  async listFiles(): Promise<string[]> {
    return [...(await this.tree()).keys()].sort();
  }

  async readFile(path: string): Promise<Uint8Array> {
    const entry = (await this.tree()).get(path);
    if (!entry) throw new Error(`ENOENT: ${path} does not exist in ${this.commit.slice(0, 12)}`);
    this.batch ??= new BlobReader(this.root);
    return this.batch.read(entry.oid);
  }

  async statSize(path: string): Promise<number | undefined> {
    return (await this.tree()).get(path)?.size;
  }

  /** Ends the cat-file process (idempotent). */
  close(): void {
    this.batch?.close();
    this.batch = undefined;
  }
}

/** One `git cat-file --batch` process answering blob requests in order. */
class BlobReader {
  private readonly proc: ChildProcessWithoutNullStreams;
  private readonly queue: { oid: string; resolve: (b: Uint8Array) => void; reject: (e: Error) => void }[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private failed?: Error;

  constructor(cwd: string) {
    this.proc = spawn('git', ['cat-file', '--batch'], { cwd, env: GIT_ENV, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.drain();
    });
    const fail = (e: Error) => {
      this.failed = e;
      for (const q of this.queue.splice(0)) q.reject(e);
    };
    this.proc.on('error', (e) => fail(new GitError(`git cat-file: ${e.message}`)));
    this.proc.on('exit', (code) => {
      if (this.queue.length) fail(new GitError(`git cat-file ended (exit ${code}) before every file was read`));
    });
    this.proc.stdin.on('error', () => undefined);
  }

  read(oid: string): Promise<Uint8Array> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.queue.push({ oid, resolve, reject });
      this.proc.stdin.write(`${oid}\n`);
    });
  }

  private drain(): void {
    for (;;) {
      const head = this.queue[0];
      if (!head) return;
      const nl = this.buffer.indexOf(10);
      if (nl < 0) return;
      const header = this.buffer.subarray(0, nl).toString('utf8');
      const parts = header.split(' ');
      if (parts[1] === 'missing') {
        this.buffer = this.buffer.subarray(nl + 1);
        this.queue.shift();
        head.reject(new Error(`git object ${head.oid} is missing`));
        continue;
      }
      const size = Number(parts[2]);
      if (this.buffer.length < nl + 1 + size + 1) return;
      const body = Buffer.from(this.buffer.subarray(nl + 1, nl + 1 + size));
      this.buffer = this.buffer.subarray(nl + 1 + size + 1);
      this.queue.shift();
      head.resolve(new Uint8Array(body.buffer, body.byteOffset, body.length));
    }
  }

  close(): void {
    this.proc.stdin.end();
  }
}
