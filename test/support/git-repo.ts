import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordReviews } from '../../src/node/review';
import { checkPath } from '../../src/node/workspace';

export interface GitRepo {
  root: string;
  /** Commits by the name the test gave them. */
  commits: Record<string, string>;
  git(...args: string[]): string;
  edit(file: string, change: (text: string) => string): void;
  commit(name: string, message: string): string;
  /** Every code link of the working tree recorded as reviewed on a fixed date (writes spdf.lock.json). */
  review(): Promise<void>;
}

const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_OPTIONAL_LOCKS: '0',
};

/** A git repository in a temporary folder holding a copy of `fixture` (not yet committed), on branch main. */
export function gitRepo(fixture: string): GitRepo {
  const root = mkdtempSync(join(tmpdir(), 'spdf-git-'));
  cpSync(fixture, root, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  git('init', '-q', '-b', 'main');
  const repo: GitRepo = {
    root,
    commits: {},
    git,
    edit(file, change) {
      const before = readFileSync(join(root, file), 'utf8');
      const after = change(before);
      if (after === before) throw new Error(`edit of ${file} changed nothing`);
      writeFileSync(join(root, file), after);
    },
    commit(name, message) {
      git('add', '-A');
      git('commit', '-q', '--no-gpg-sign', '-m', message);
      git('tag', name);
      return (repo.commits[name] = git('rev-parse', 'HEAD').trim());
    },
    async review() {
      const check = await checkPath(root, { cache: false });
      const links = (check.inputs.code?.files ?? []).flatMap((f) => f.links);
      const outcome = await recordReviews(root, check.workspace.graph, links, 'Test', { date: '2026-01-01' });
      if (!outcome.ok) throw new Error(outcome.message);
    },
  };
  return repo;
}
