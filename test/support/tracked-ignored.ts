import { execFileSync } from 'node:child_process';

export const MORE = 'requirements:\n  - id: REQ-002\n    title: Limit the dose\n    text: The pump shall limit the dose.\n    verification: [test]\n';
export const WHY = /gen\/more\.spdf\.yaml: tracked by git but matched by a \.gitignore file, so it was not read/;

/** A model file committed to git inside a folder .gitignore ignores: the walk never lists it, every reviewer reads it. */
export function commitIgnored(root: string): void {
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.email=qa@example.com', '-c', 'user.name=qa', '-c', 'init.defaultBranch=main', ...args], { cwd: root, stdio: 'ignore' });
  git('init', '-q');
  git('add', '-A');
  git('add', '-f', 'gen/more.spdf.yaml');
  git('commit', '-qm', 'model');
}
