import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordReviews } from '../../src/node/review';
import { checkPath } from '../../src/node/workspace';
import { GIT_TEST_ENV as ENV } from './git-env';

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
