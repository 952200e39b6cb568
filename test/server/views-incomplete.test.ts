// @spdf verifies SPDF-LSP-VIEWS
/**
 * Per-item surfaces when an input was not read: the gutter of a source file that was not scanned says coverage is
 * unknown (instead of no marks), and the hover and code lens of a traced item say its status may lack what was not read.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeLens, Hover } from 'vscode-languageserver/node';
import type { FileCoverage, StatusSummary } from '../../src/protocol';
import { posOf, startHarness, until, type Harness } from './harness';
import { BASE } from './parity-workspace';

const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const MODEL = 'model/req.spdf.yaml';

async function started(files: Record<string, string>, prepare?: (root: string) => void): Promise<Harness> {
  const h = await startHarness(files, { prepare });
  await until('the first complete status', () => h.notifications.some((n) => n.method === 'spdf/status' && !(n.params as StatusSummary).indexing));
  return h;
}

async function itemSurfaces(h: Harness): Promise<{ hover: string; lens: string }> {
  await h.open(MODEL, BASE[MODEL]);
  const hover = await h.request<Hover | null>('textDocument/hover', { textDocument: { uri: h.uri(MODEL) }, position: posOf(BASE[MODEL], 'REQ-001', 2) });
  const lenses = await h.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: h.uri(MODEL) } });
  const lens = lenses.find((l) => l.range.start.line === 1)?.command?.title ?? '';
  return { hover: JSON.stringify(hover?.contents ?? ''), lens };
}

describe('language server: per-item surfaces when an input was not read', function () {
  this.timeout(60000);

  it('the gutter of a source file not scanned for tags says coverage is unknown, and why', async () => {
    const h = await started(BASE, (root) => writeFileSync(join(root, 'src/wide.c'), utf16('// @spdf implements REQ-001\nint w(void);\n')));
    try {
      const cov = await h.request<FileCoverage>('spdf/fileCoverage', { uri: h.uri('src/wide.c') });
      assert.match(cov.problem ?? '', /not scanned for tags/, JSON.stringify(cov));
      assert.equal((await h.request<FileCoverage>('spdf/fileCoverage', { uri: h.uri('src/a.c') })).problem, undefined);
    } finally {
      await h.close();
    }
  });

  it('hover and code lens of a traced item say INCOMPLETE while the review lock is not read, and not when every input was read', async () => {
    const broken = await started({ ...BASE, 'spdf.lock.json': '{ "version": 1, ' });
    try {
      const { hover, lens } = await itemSurfaces(broken);
      assert.match(hover, /INCOMPLETE/);
      assert.match(lens, /INCOMPLETE/);
    } finally {
      await broken.close();
    }
    const clean = await started(BASE);
    try {
      const { hover, lens } = await itemSurfaces(clean);
      assert.match(hover, /Trace: \*\*[A-Z]+\*\*/);
      assert.doesNotMatch(hover, /INCOMPLETE/);
      assert.match(lens, /^[A-Z]+ · \d+ implementing/);
      assert.doesNotMatch(lens, /INCOMPLETE/);
    } finally {
      await clean.close();
    }
  });
});
