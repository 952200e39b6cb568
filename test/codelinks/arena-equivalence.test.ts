// @spdf verifies SPDF-IDX-001
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { indexCodeFile } from '../../src/core/codelinks/index-code-file';
import { languageForPath } from '../../src/core/codelinks/languages';
import type { CodeFileIndex } from '../../src/core/codelinks/model';
import { compileTagSyntaxes } from '../../src/core/codelinks/tag-syntaxes';
import { setRawCursorEnabled, treeView } from '../../src/node/treesitter/tree-arena';
import { fixtureConfig, FIXTURE_ROOT, listFixtures, sharedRuntime } from './fixture-harness';

type Mode = 'tree-sitter nodes' | 'whole copy' | 'on demand' | 'on demand, public cursor';

/** Indexes `text` over web-tree-sitter's own nodes or over an arena copied whole or on demand. */
async function indexWith(mode: Mode, file: string, text: string): Promise<CodeFileIndex> {
  const language = languageForPath(file)!;
  const syntaxes = compileTagSyntaxes(fixtureConfig(text));
  const runtime = await sharedRuntime();
  const tree = await runtime.parse(language, text);
  try {
    if (mode === 'tree-sitter nodes') return indexCodeFile({ file, language, text, root: tree.rootNode }, syntaxes);
    const view = treeView(tree, text, mode !== 'whole copy');
    try {
      return indexCodeFile({ file, language, text, root: view.root }, syntaxes);
    } finally {
      view.dispose();
    }
  } finally {
    tree.delete();
  }
}

/** Each fixture, and each fixture cut in half (mostly a tree with errors, which is copied whole). */
function cases(): { name: string; file: string; text: string }[] {
  const out: { name: string; file: string; text: string }[] = [];
  for (const full of listFixtures()) {
    const file = path.relative(FIXTURE_ROOT, full).split(path.sep).join('/');
    const text = fs.readFileSync(full, 'utf8');
    out.push({ name: file, file, text });
    out.push({ name: `${file} (cut)`, file, text: text.slice(0, Math.floor(text.length / 2)) });
  }
  return out;
}

describe('code index: an arena filled on demand indexes exactly like the whole tree', function () {
  this.timeout(120_000);
  before(async () => {
    await sharedRuntime();
  });

  for (const c of cases()) {
    it(c.name, async () => {
      const expected = await indexWith('tree-sitter nodes', c.file, c.text);
      assert.deepEqual(await indexWith('whole copy', c.file, c.text), expected);
      assert.deepEqual(await indexWith('on demand', c.file, c.text), expected);
    });
  }

  it('walks with the public TreeCursor when the raw exports are missing', async () => {
    setRawCursorEnabled(false);
    try {
      for (const c of cases().slice(0, 12)) {
        assert.deepEqual(await indexWith('on demand, public cursor', c.file, c.text), await indexWith('tree-sitter nodes', c.file, c.text), c.name);
      }
    } finally {
      setRawCursorEnabled(true);
    }
  });
});
