import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedMain } from '../../src/cli/bin';
import type { ResultCacheStats } from '../../src/node/result-cache';
import { tempWorkspace } from './cli';

export const PUMP = `import math


def set_rate(rate):
    # @spdf implements GEN-REQ-1
    # clamp the rate to the pump's limit
    limit = 100
    return min(rate, limit)


def stop():
    # @spdf implements GEN-REQ-2
    return 0


def helper(x):
    return x * 2
`;

/** A small workspace: linked Python and C, a test, an untagged file, one requirement uncovered (the gate fails). */
export function derivedWorkspace(): string {
  let yaml = 'requirements:\n';
  for (let n = 1; n <= 5; n++) yaml += `  - id: GEN-REQ-${n}\n    title: Requirement ${n}\n    text: The pump shall do ${n}.\n    verification: [test]\n`;
  return tempWorkspace({
    'spdf.config.yaml': 'code:\n  tag_syntaxes: [spdf, oft]\n',
    'model/requirements.spdf.yaml': yaml,
    'src/pump.py': PUMP,
    'src/alarm.c': 'int alarm_raise(int level)\n{\n    // [impl->dsn~GEN-REQ-3~1]\n    return level + 1;\n}\n',
    'src/plain.py': 'def plain(a):\n    return a\n',
    'tests/test_pump.py': 'def test_rate():\n    # @spdf verifies GEN-REQ-1\n    assert True\n',
  });
}

/** The CLI as the `spdf` binary runs it (through the whole-result cache), in `cwd`. */
export async function runBinary(args: string[], cwd: string): Promise<{ out: string; stats: Partial<ResultCacheStats> }> {
  const out: string[] = [];
  const stats: Partial<ResultCacheStats> = {};
  const prev = process.cwd();
  process.chdir(cwd);
  try {
    const code = await cachedMain(args, { out: (l) => out.push(`1 ${l}`), err: (l) => out.push(`2 ${l}`), color: false }, stats);
    return { out: `exit ${code}\n${out.join('\n')}`, stats };
  } finally {
    process.chdir(prev);
  }
}

/**
 * Runs each command once, with a cache of its own, on a scratch workspace: the first run of a process loads some
 * modules lazily (and tsx reads the clock doing so), which would make the first compared run differ.
 */
export async function loadCommandModules(commands: readonly string[][]): Promise<void> {
  const scratch = derivedWorkspace();
  for (const args of commands) await runBinary([...args, '--cache-location', mkdtempSync(join(tmpdir(), 'spdf-load-'))], scratch);
}
