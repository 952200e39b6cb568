// @spdf verifies SPDF-LSP-MEM
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { OpenDocumentIndex, makeEdit } from '../../src/node/codeindex/open-documents';
import { TreeSitterRuntime } from '../../src/node/treesitter/tree-sitter-runtime';

/**
 * The open-document index keeps the previous index's objects for the parts an edit left unchanged. A stale object
 * kept where the text changed is a wrong position, symbol or hash in the editor: after every random edit the
 * index must equal (content and JSON text) a fresh index of the same text. SPDF_FUZZ_RUNS sets the runs (default 15).
 */
const RUNS = Number(process.env.SPDF_FUZZ_RUNS) || 15;
const FILE = 'src/dose.c';

/** `n` functions, every third tagged, one with a syntax error when `broken`. */
function cText(n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 3 !== 2) out.push(`/* @spdf implements SEC-REQ-${String(i % 5).padStart(3, '0')} */`);
    out.push(`int step_${i}(int rate)`, '{', '    int x = rate;', '    return x;', '}', '');
  }
  return out.join('\n');
}

/** Pieces an edit inserts: whitespace, newlines, code, tags, a function, a stray brace. */
const PIECES = [' ', '\n', 'x', '}', '{', '\n\n', ' + 1', '/* @spdf implements SEC-REQ-004 */\n', 'int added(void) { return 0; }\n', '// @spdf verifies SEC-REQ-001\n', 'é', '\r\n'];

const editArb = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 40 }), insert: fc.constantFrom(...PIECES) });

function applyEdit(text: string, e: { at: number; remove: number; insert: string }): string {
  const start = Math.min(text.length, Math.floor(e.at * text.length));
  const end = Math.min(text.length, start + (e.remove % 4 === 0 ? e.remove : 0));
  return text.slice(0, start) + e.insert + text.slice(end);
}

describe('code index: an open document re-indexed edit after edit', function () {
  this.timeout(120_000);

  it('equals a fresh index of the same text after every random edit (content and JSON text)', async () => {
    const docs = await OpenDocumentIndex.create();
    const fresh = await OpenDocumentIndex.create();
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 12 }), async (edits) => {
          let text = cText(12);
          await docs.open(FILE, text);
          for (const e of edits) {
            text = applyEdit(text, e);
            const got = await docs.replace(FILE, text);
            const want = await fresh.open(FILE, text);
            assert.deepStrictEqual(got, want);
            assert.equal(JSON.stringify(got), JSON.stringify(want));
          }
        }),
        { numRuns: RUNS },
      );
    } finally {
      docs.dispose();
      fresh.dispose();
    }
  });

  it('gives a text with a syntax error the index of a fresh parse (error recovery over reused nodes differs)', async () => {
    // fast-check's shrunk counterexample: the incremental parse kept `added` as a function the fresh parse folds
    // into an ERROR node, so the editor showed a symbol `spdf check` does not have.
    const edits = [
      { at: 0, remove: 0, insert: 'int added(void) { return 0; }\n' },
      { at: 0.010923535253227408, remove: 0, insert: ' + 1' },
      { at: 0, remove: 0, insert: '/* @spdf implements SEC-REQ-004 */\n' },
      { at: 0, remove: 4, insert: ' + 1' },
    ];
    const docs = await OpenDocumentIndex.create();
    const fresh = await OpenDocumentIndex.create();
    try {
      let text = cText(12);
      await docs.open(FILE, text);
      for (const e of edits) {
        text = applyEdit(text, e);
        assert.deepStrictEqual(await docs.replace(FILE, text), await fresh.open(FILE, text));
      }
      assert.ok(!(await fresh.open(FILE, text))!.symbols.some((s) => s.name === 'added'), 'the last text has no function `added`');
    } finally {
      docs.dispose();
      fresh.dispose();
    }
  });

  it('keeps the unchanged links, symbols and tags of a one-character edit, and the whole index of an unchanged text', async () => {
    const docs = await OpenDocumentIndex.create();
    try {
      const text = cText(9);
      const before = (await docs.open(FILE, text))!;
      const edited = text.replace('int step_4(int rate)\n{\n    int x = rate;', 'int step_4(int rate)\n{\n    int x = rate + 1;');
      const after = (await docs.replace(FILE, edited))!;
      const changed = after.links.filter((l, i) => l !== before.links[i]);
      assert.deepEqual(
        changed.map((l) => l.symbol),
        ['step_4'],
        'only the edited function has a new link (its code hash)',
      );
      assert.equal(after.tags, before.tags, 'no tag moved: the same array');
      assert.equal(after.symbols.filter((s, i) => s !== before.symbols[i]).length, 1);
      assert.equal(changed[0].range, before.links[after.links.indexOf(changed[0])].range, 'its unchanged range is the previous object');
      assert.equal(await docs.replace(FILE, edited), after, 'the same text: the same index');
    } finally {
      docs.dispose();
    }
  });

  it('computes each tree-sitter edit position as a line index of the old and the new text does', () => {
    const point = (t: string, offset: number) => {
      const lines = t.slice(0, offset).split('\n');
      return { row: lines.length - 1, column: lines[lines.length - 1].length };
    };
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\n', '\r', 'é', ' ') }), fc.nat(), fc.nat(), fc.string({ unit: fc.constantFrom('b', '\n', '\r') }), (old, a, b, inserted) => {
        const start = a % (old.length + 1);
        const end = start + (b % (old.length - start + 1));
        const neu = old.slice(0, start) + inserted + old.slice(end);
        assert.deepStrictEqual(makeEdit(old, start, end, inserted), {
          startIndex: start,
          oldEndIndex: end,
          newEndIndex: start + inserted.length,
          startPosition: point(old, start),
          oldEndPosition: point(old, end),
          newEndPosition: point(neu, start + inserted.length),
        });
      }),
      { numRuns: 300 },
    );
  });

  it('loads each grammar once per thread, however many runtimes (a server re-index makes a new one)', async () => {
    const a = await TreeSitterRuntime.create();
    const b = await TreeSitterRuntime.create();
    try {
      assert.equal(await a.language('c'), await b.language('c'));
    } finally {
      a.dispose();
      b.dispose();
    }
  });
});
