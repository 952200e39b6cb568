// @spdf verifies SPDF-IDX-004
import assert from 'node:assert/strict';
import { LANGUAGE_DESCRIPTORS } from '../../src/core/codelinks/language-descriptors';
import { LANGUAGE_TABLES } from '../../src/core/codelinks/language-tables';
import { resolveGrammarWasm, wasmFilesToCopy } from '../../src/node/treesitter/grammar-files';

const duplicates = (xs: readonly string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);

describe('language descriptors', () => {
  it('claim each file extension once, written lower case with its dot', () => {
    const exts = LANGUAGE_DESCRIPTORS.flatMap((d) => d.extensions);
    assert.deepEqual(duplicates(exts), []);
    assert.deepEqual(
      exts.filter((e) => !/^\.[a-z0-9+]+$/.test(e)),
      [],
    );
  });

  it('name each language, editor language ID and scope once', () => {
    assert.deepEqual(duplicates(LANGUAGE_DESCRIPTORS.map((d) => d.id)), []);
    assert.deepEqual(duplicates(LANGUAGE_DESCRIPTORS.flatMap((d) => d.editor.map((e) => e.languageId))), []);
    assert.deepEqual(duplicates(LANGUAGE_DESCRIPTORS.flatMap((d) => d.editor.map((e) => e.scope))), []);
  });

  it('have a symbol table and an installed grammar each', () => {
    for (const d of LANGUAGE_DESCRIPTORS) {
      assert.ok(LANGUAGE_TABLES[d.id], `${d.id}: no symbol table`);
      assert.ok(resolveGrammarWasm(d.id, ''), `${d.id}: ${d.grammar.pkg}/${d.grammar.wasm} not found`);
    }
  });

  it('give the build one copy of every .wasm file (the runtime first)', () => {
    const files = wasmFilesToCopy().map((w) => w.file);
    assert.equal(files[0], 'tree-sitter.wasm');
    assert.deepEqual(duplicates(files), []);
    assert.equal(files.length, 1 + new Set(LANGUAGE_DESCRIPTORS.map((d) => d.grammar.wasm)).size);
  });
});
