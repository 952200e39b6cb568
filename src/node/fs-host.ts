import { promises as fs, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Host } from '../core/host';

export interface WalkNote {
  path: string;
  reason: string;
}

const ALWAYS_SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.spdf-cache']);

/**
 * The real file system as a core Host: walks the root honouring .gitignore files (nested ones too),
 * never follows a symlinked directory twice (loops), and records what it skipped.
 */
export class FsHost implements Host {
  readonly notes: WalkNote[] = [];
  private listing?: Promise<string[]>;

  constructor(readonly root: string) {}

  listFiles(): Promise<string[]> {
    this.listing ??= this.walk();
    return this.listing;
  }

  async readFile(path: string): Promise<Uint8Array> {
    return fs.readFile(join(this.root, path));
  }

  async statSize(path: string): Promise<number | undefined> {
    try {
      return (await fs.stat(join(this.root, path))).size;
    } catch {
      return undefined;
    }
  }

  abs(path: string): string {
    return join(this.root, path);
  }

  private async walk(): Promise<string[]> {
    const out: string[] = [];
    const seenDirs = new Set<string>();
    const visit = async (dir: string, rules: { base: string; ig: Ignore }[]): Promise<void> => {
      let real: string;
      try {
        real = realpathSync(dir);
      } catch {
        return;
      }
      if (seenDirs.has(real)) {
        this.notes.push({ path: toPosix(relative(this.root, dir)), reason: 'symlink loop or repeated directory; skipped' });
        return;
      }
      seenDirs.add(real);
      let entries: import('node:fs').Dirent[];
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch (e) {
        this.notes.push({ path: toPosix(relative(this.root, dir)) || '.', reason: `cannot list directory: ${(e as Error).message}` });
        return;
      }
      const gitignore = entries.find((e) => e.name === '.gitignore' && e.isFile());
      if (gitignore) {
        try {
          const text = await fs.readFile(join(dir, '.gitignore'), 'utf8');
          rules = [...rules, { base: dir, ig: ignore().add(text) }];
        } catch {
          /* an unreadable .gitignore ignores nothing */
        }
      }
      for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (ALWAYS_SKIPPED_DIRS.has(e.name)) continue;
        const abs = join(dir, e.name);
        let isDir = e.isDirectory();
        let isFile = e.isFile();
        if (e.isSymbolicLink()) {
          try {
            const st = await fs.stat(abs);
            isDir = st.isDirectory();
            isFile = st.isFile();
          } catch {
            this.notes.push({ path: toPosix(relative(this.root, abs)), reason: 'broken symlink; skipped' });
            continue;
          }
        }
        if (ignoredBy(rules, abs, isDir)) continue;
        if (isDir) await visit(abs, rules);
        else if (isFile) out.push(toPosix(relative(this.root, abs)));
      }
    };
    await visit(this.root, []);
    return out.sort();
  }
}

function ignoredBy(rules: { base: string; ig: Ignore }[], abs: string, isDir: boolean): boolean {
  for (const r of rules) {
    const rel = toPosix(relative(r.base, abs));
    if (rel && !rel.startsWith('..') && r.ig.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

export function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}
