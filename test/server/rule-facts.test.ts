// @spdf verifies SPDF-LSP-DIAG
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CodeFileIndex } from '../../src/core/codelinks/model';
import type { ReviewLock } from '../../src/core/codelinks/review-lock';
import { OpenDocumentIndex } from '../../src/node/codeindex/open-documents';
import { FsHost } from '../../src/node/fs-host';
import { sameRuleFacts } from '../../src/server/rule-fingerprint';
import { WorkspaceState } from '../../src/server/state';

const FILE = 'src/dose.c';

/** `n` tagged functions; the body line of the middle one is `    int x = rate;`. */
function cText(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(`/* @spdf implements SEC-REQ-${String(i % 3).padStart(3, '0')} */`, `int step_${i}(int rate)`, '{', '    int x = rate;', '    return x;', '}', '');
  return out.join('\n');
}

const NO_LOCK: ReviewLock = { version: 1, links: [] };

async function indexes(before: string, after: string): Promise<[CodeFileIndex, CodeFileIndex]> {
  const docs = await OpenDocumentIndex.create();
  try {
    const a = await docs.open(FILE, before);
    const b = await docs.open(FILE, after);
    return [a!, b!];
  } finally {
    docs.dispose();
  }
}

/** A keystroke's check is skipped only when every rule-relevant fact of the file's index is unchanged. */
describe('language server: same rule facts of a code file before and after an edit', () => {
  const text = cText(3);
  const bodyEdited = text.replace('    int x = rate;', '    int x = rate + 1;');

  it('holds for an edit inside a function body (only the code hash changed) unless the lock holds that link', async () => {
    const [a, b] = await indexes(text, bodyEdited);
    const changed = a.links.findIndex((l, i) => l.codeHash !== b.links[i].codeHash);
    assert.ok(changed >= 0, 'the edited function has a new code hash');
    assert.equal(sameRuleFacts(a, b, NO_LOCK), true);
    const l = a.links[changed];
    const lock: ReviewLock = { version: 1, links: [{ id: l.id, relation: l.relation, file: l.file, symbol: l.symbol, codeHash: l.codeHash ?? '', targetHash: '', reviewer: 'r', date: '2026-01-01' }] };
    assert.equal(sameRuleFacts(a, b, lock), false);
  });

  it('does not hold when positions, tags or links change', async () => {
    for (const after of [`\n${text}`, text.replace('SEC-REQ-001', 'SEC-REQ-002'), text.replace('step_1', 'step_one'), text.replace('/* @spdf implements SEC-REQ-002 */', '/* no tag */')]) {
      const [a, b] = await indexes(text, after);
      assert.equal(sameRuleFacts(a, b, NO_LOCK), false, after.slice(0, 80));
    }
    const [a] = await indexes(text, text);
    assert.equal(sameRuleFacts(a, undefined, NO_LOCK), false);
    assert.equal(sameRuleFacts(undefined, a, NO_LOCK), false);
    assert.equal(sameRuleFacts(undefined, undefined, NO_LOCK), true);
  });

  it('builds no JSON text of the index on a keystroke (large strings stayed in memory until a full collection, edit after edit)', async () => {
    const root = mkdtempSync(join(tmpdir(), 'spdf-rule-facts-'));
    const big = cText(400);
    const files: Record<string, string> = {
      'spdf.config.yaml': 'version: 1\nprofile: recommended\n',
      'model/m.spdf.yaml': 'requirements:\n  - id: SEC-REQ-000\n    title: A\n    text: The pump shall do A.\n',
      [FILE]: big,
    };
    for (const [p, t] of Object.entries(files)) {
      mkdirSync(dirname(join(root, p)), { recursive: true });
      writeFileSync(join(root, p), t);
    }
    const state = new WorkspaceState(new FsHost(root), { root, trusted: true, codeLinks: true });
    const stringify = JSON.stringify;
    let longest = 0;
    try {
      await state.loadAll();
      state.check();
      await state.setOverlay(FILE, big);
      state.check();
      JSON.stringify = ((...args: Parameters<typeof stringify>) => {
        const out = stringify(...args);
        longest = Math.max(longest, out?.length ?? 0);
        return out;
      }) as typeof stringify;
      const line = big.split('\n').indexOf('    int x = rate;', big.length / 60);
      const edited = big.split('\n');
      edited[line] = '     int x = rate;';
      await state.setOverlay(FILE, edited.join('\n'));
      state.check();
    } finally {
      JSON.stringify = stringify;
      state.dispose();
      rmSync(root, { recursive: true, force: true });
    }
    assert.equal(state.code.files.get(FILE)?.links.length, 400);
    assert.ok(longest < big.length / 10, `the longest JSON text built was ${longest} characters, for a ${big.length}-character file`);
  });
});
