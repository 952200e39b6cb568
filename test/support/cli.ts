import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../src/cli/main';

/** Runs the CLI in-process; returns exit code and captured output. */
export async function runCli(args: string[], cwd?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const prev = process.cwd();
  if (cwd) process.chdir(cwd);
  try {
    const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l), color: false });
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    process.chdir(prev);
  }
}

export function tempWorkspace(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'spdf-test-'));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  return root;
}

/** Runs `run` in a temporary workspace of `files`, removed afterwards whatever `run` does. */
export async function withTempWorkspace(files: Record<string, string | Uint8Array>, run: (root: string) => Promise<void>): Promise<void> {
  const root = tempWorkspace(files);
  try {
    await run(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
