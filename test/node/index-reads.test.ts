// @spdf verifies SPDF-ENG-003, SPDF-FC-NOLANG
/**
 * A check reads each source file once: a file's suppression comments come from its code index (recorded with it),
 * and a file without an extension is told a script or not by its first two bytes; only a script is read whole.
 */
import assert from 'node:assert/strict';
import { sep } from 'node:path';
import { checkPath, type NodeCheck } from '../../src/node/workspace';
import { type InputLog, InputRecorder } from '../../src/node/result-cache-recorder';
import { tempWorkspace } from '../support/cli';

const MODEL = 'requirements:\n  - id: SEC-REQ-001\n    title: Signed commands\n    text: Commands are signed.\n    verification: [test]\n';
const SOURCE = 'int f(void)\n{\n    // spdf-disable-next-line CL008 -- the syntax quoted, reviewed\n    // @spdf implement SEC-REQ-001\n    return 0;\n}\n';

/** The reads of each workspace file a check made, by the recorded function's name, and its suppressed findings. */
async function readsOf(files: Record<string, string | Uint8Array>): Promise<{ reads: Map<string, string[]>; suppressed: string[] }> {
  const root = tempWorkspace({ 'spdf.config.yaml': 'version: 1\ncode:\n  max_file_bytes: 4000000\n', 'model.spdf.yaml': MODEL, ...files });
  const recorder = new InputRecorder([], [], true);
  recorder.start();
  let log: InputLog | undefined;
  let check: NodeCheck;
  try {
    check = await checkPath(root, { cache: false });
  } finally {
    log = recorder.stop();
  }
  const suppressed = check.result.suppressed.map((f) => `${f.code} ${f.file}:${f.range.start.line + 1} ${f.justification}`);
  const reads = new Map<string, string[]>();
  for (const [fn, args] of log.inputs) {
    const path = String(args[0]);
    const file = Object.keys(files).find((f) => path.endsWith(sep + f.split('/').join(sep)));
    if (file && fn !== 'lstatSync' && fn !== 'readdirSync') reads.set(file, [...(reads.get(file) ?? []), fn]);
  }
  return { reads, suppressed };
}

describe('a check reads each source file once', () => {
  it("applies a file's suppression comments from its code index, with no second read of the file", async () => {
    const { reads, suppressed } = await readsOf({ 'src/a.c': SOURCE });
    assert.deepEqual(suppressed, ['CL008 src/a.c:4 the syntax quoted, reviewed']);
    assert.deepEqual(reads.get('src/a.c'), ['readFileUpToSync']);
  });

  it('reads the first two bytes of a file without an extension, and the whole file only when they are #!', async () => {
    const big = Buffer.alloc(3_000_000, 0x41);
    const { reads } = await readsOf({ 'tools/blob': big, 'tools/flash': '#!/bin/sh\n# @spdf implements SEC-REQ-001\n', 'tools/empty': '' });
    assert.deepEqual(reads.get('tools/blob'), ['readFilePrefixSync']);
    assert.deepEqual(reads.get('tools/empty'), ['readFilePrefixSync']);
    assert.deepEqual(reads.get('tools/flash'), ['readFilePrefixSync', 'statSync', 'readFileSync']);
  });
});
