// @spdf verifies SPDF-LSP-READS
import assert from 'node:assert/strict';
import { generateModel } from '../../bench/model-gen';
import { MemoryHost } from '../../src/core/host';
import { RULES } from '../../src/core/rules/registry';
import type { Finding } from '../../src/core/types';
import { WorkspaceState } from '../../src/server/state';

/**
 * The first index publishes the model rules' findings before the code is indexed. Those findings are the ones the
 * next model edit starts from: the first title typed afterwards keeps the findings of the rules that read no title
 * (it re-ran every model rule on the whole model, a stall of seconds at 20,000 requirements).
 */
const ROOT = 'first-edit-reuse-workspace';
const FILE = 'model/part-000001.spdf.yaml';

const files = () => {
  const disk = new Map<string, string>(generateModel(300));
  disk.set('spdf.config.yaml', 'version: 1\nprofile: recommended\n');
  return disk;
};

const outcome = (s: WorkspaceState) => JSON.stringify({ findings: s.result.findings, suppressed: s.result.suppressed, errors: s.result.internalErrors });

async function firstIndex(disk: Map<string, string>): Promise<{ state: WorkspaceState; early: Map<string, Finding[]> }> {
  const state = new WorkspaceState(new MemoryHost(new Map(disk)), { root: ROOT, trusted: true, codeLinks: true });
  let early = new Map<string, Finding[]>();
  await state.loadAll(undefined, undefined, (byFile) => {
    early = byFile;
  });
  state.check();
  return { state, early };
}

describe('language server: the first model edit after the first index reuses the early model findings', function () {
  this.timeout(120000);

  it('a title typed re-runs no rule that reads no title, and the findings equal a check from scratch', async () => {
    const disk = files();
    const { state, early } = await firstIndex(disk);
    assert.ok(early.size > 0, 'the first index published model findings early');
    const tm002 = RULES.find((r) => r.meta.code === 'TM002')!;
    assert.ok(tm002.meta.reads && !tm002.meta.reads.includes('title'));
    const original = Object.getOwnPropertyDescriptor(tm002, 'check')!;
    const check = tm002.check.bind(tm002);
    let runs = 0;
    tm002.check = (ctx) => {
      runs++;
      return check(ctx);
    };
    try {
      const text = disk.get(FILE)!.replace(/^( {4}title: .*)$/m, '$1 typed');
      await state.setOverlay(FILE, text);
      state.check();
      assert.equal(runs, 0, 'TM002 re-ran after the first title edit');
      disk.set(FILE, text);
    } finally {
      Object.defineProperty(tm002, 'check', original);
    }
    const fresh = new WorkspaceState(new MemoryHost(disk), { root: ROOT, trusted: true, codeLinks: true });
    await fresh.loadAll();
    fresh.check();
    assert.equal(outcome(state), outcome(fresh));
  });
});
