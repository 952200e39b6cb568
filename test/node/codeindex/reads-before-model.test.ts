// @spdf verifies SPDF-IDX-001
import assert from 'node:assert/strict';
import fs, { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { boundedReads } from '../../../src/node/bounded-read';
import { checkPath } from '../../../src/node/workspace';
import { withTempWorkspace } from '../../support/cli';

/** Enough files for the code index to sample them and start parse workers early (build-code-index.ts PRESTART_FILES). */
const SOURCES = 240;
const source = (n: number) => `def f${n}():\n    # @spdf implements GEN-REQ-${n}\n    return ${n}\n`;
const FILES: Record<string, string> = {
  'model/req.spdf.yaml': 'requirements:\n  - id: GEN-REQ-1\n    text: One.\n  - id: GEN-REQ-2\n    text: Two.\n',
  ...Object.fromEntries(Array.from({ length: SOURCES }, (_, i) => [`src/m${String(i).padStart(3, '0')}.py`, source(i + 1)])),
};

/** The files read while `run` ran, in order: source files through the bounded read, model files through readFileSync. */
async function readOrder(run: () => Promise<unknown>): Promise<string[]> {
  const order: string[] = [];
  const reads = boundedReads();
  const saved = Object.getOwnPropertyDescriptor(reads, 'readFileUpToSync')!;
  const bounded = saved.value as typeof reads.readFileUpToSync;
  const whole = fs.readFileSync;
  reads.readFileUpToSync = (path, max) => (path.endsWith('.py') && order.push('source'), bounded(path, max));
  fs.readFileSync = ((path: fs.PathOrFileDescriptor, ...rest: never[]) => {
    if (String(path).endsWith('.spdf.yaml')) order.push('model');
    return (whole as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readFileSync;
  try {
    await run();
  } finally {
    Object.defineProperty(reads, 'readFileUpToSync', saved);
    fs.readFileSync = whole;
  }
  return order;
}

describe('a check reads the source files before it loads the model', () => {
  it('every source file is read (and on its way to the parser) before the first model file', () =>
    withTempWorkspace(FILES, async (root) => {
      const cacheLocation = mkdtempSync(join(tmpdir(), 'spdf-reads-first-'));
      const order = await readOrder(() => checkPath(root, { cacheLocation }));
      assert.deepEqual(order, [...Array(SOURCES).fill('source'), 'model']);
    }));

  it('and the check is the same: every tag read, every link made', () =>
    withTempWorkspace(FILES, async (root) => {
      const check = await checkPath(root, { cache: false });
      assert.deepEqual(
        check.inputs.code!.files.flatMap((f) => f.links.map((l) => `${f.file} ${l.id}`)),
        Array.from({ length: SOURCES }, (_, i) => `src/m${String(i).padStart(3, '0')}.py GEN-REQ-${i + 1}`),
      );
      assert.equal(check.workspace.graph.byKind.requirement.length, 2);
    }));
});
