import assert from 'node:assert/strict';
import { toCsv } from '../../../src/core/export/csv';
import type { Matrix } from '../../../src/core/matrix/model';
import { tempSibling, writeAtomic, type AtomicFs } from '../../../src/extension/webviews/atomic-write';
import { matrixExport } from '../../../src/extension/webviews/export';

/** An in-memory file system whose writeFile or rename can be made to fail. */
function memFs(fail?: 'write' | 'rename', readOnly = new Set<string>()) {
  const files = new Map<string, Uint8Array>();
  const fs: AtomicFs<string> = {
    async stat(uri) {
      if (!files.has(uri)) throw new Error('no such file');
      return { permissions: readOnly.has(uri) ? 1 : undefined };
    },
    async writeFile(uri, content) {
      if (fail === 'write') {
        files.set(uri, content.slice(0, 1));
        throw new Error('disk full');
      }
      files.set(uri, content);
    },
    async rename(source, target) {
      if (fail === 'rename') throw new Error('permission denied');
      const c = files.get(source);
      if (!c) throw new Error('no source');
      files.set(target, c);
      files.delete(source);
    },
    async delete(uri) {
      if (!files.delete(uri)) throw new Error('no such file');
    },
  };
  return { fs, files };
}

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array | undefined) => (b ? new TextDecoder().decode(b) : undefined);

const MATRIX: Matrix = {
  version: 1,
  coverage: { total: 1, percent: 0, byStatus: { OK: 0, PARTIAL: 1, MISSING: 0, SUSPECT: 0, JUSTIFIED: 0, ERROR: 0 } },
  views: {
    requirements: {
      name: 'requirements',
      title: 'Requirements',
      columns: [
        { key: 'id', title: 'ID' },
        { key: 'title', title: 'Title' },
      ],
      rows: [{ id: 'SEC-REQ-1', kind: 'requirement', status: 'PARTIAL', file: 'm.spdf.yaml', line: 3, cells: { id: [{ text: 'SEC-REQ-1' }], title: [{ text: '=cmd|x' }] }, zones: [] }],
      coverage: { total: 1, percent: 0, byStatus: { OK: 0, PARTIAL: 1, MISSING: 0, SUSPECT: 0, JUSTIFIED: 0, ERROR: 0 } },
    },
  },
  problems: [],
  severityNames: [],
};

describe('webview exports', () => {
  it('writes atomically: the data lands in the target and no temporary file stays', async () => {
    const { fs, files } = memFs();
    files.set('/w/out.csv', bytes('old'));
    await writeAtomic(fs, '/w/out.csv', '/w/.out.csv.tmp', bytes('new'));
    assert.equal(text(files.get('/w/out.csv')), 'new');
    assert.deepEqual([...files.keys()], ['/w/out.csv']);
  });

  for (const fail of ['write', 'rename'] as const)
    it(`a failed ${fail} throws, keeps the old file and removes the temporary one`, async () => {
      const { fs, files } = memFs(fail);
      files.set('/w/out.csv', bytes('old'));
      await assert.rejects(writeAtomic(fs, '/w/out.csv', '/w/.out.csv.tmp', bytes('new')));
      assert.equal(text(files.get('/w/out.csv')), 'old');
      assert.deepEqual([...files.keys()], ['/w/out.csv']);
    });

  it('leaves a read-only file as it is and writes no temporary file', async () => {
    const { fs, files } = memFs(undefined, new Set(['/w/out.csv']));
    files.set('/w/out.csv', bytes('old'));
    await assert.rejects(writeAtomic(fs, '/w/out.csv', '/w/.out.csv.tmp', bytes('new')), /read-only; not replaced/);
    assert.equal(text(files.get('/w/out.csv')), 'old');
    assert.deepEqual([...files.keys()], ['/w/out.csv']);
  });

  it('names the temporary file as a hidden sibling', () => {
    assert.equal(tempSibling('/w/dir/traceability.xlsx', 'ab12'), '/w/dir/.traceability.xlsx.spdf-tmp-ab12');
  });

  it('exports through the CLI exporters: CSV of the chosen view, HTML and XLSX of every view; a missing view throws', async () => {
    assert.equal(text(await matrixExport(MATRIX, 'csv', 'requirements', 'x')), toCsv(MATRIX.views.requirements!));
    const html = text(await matrixExport(MATRIX, 'html', 'requirements', 'SPDF Workbench 9'))!;
    assert.match(html, /^<!DOCTYPE html>/);
    for (const s of ['SEC-REQ-1', 'SPDF Workbench 9']) assert.ok(html.includes(s), `${s} in ${html}`);
    const xlsx = await matrixExport(MATRIX, 'xlsx', 'requirements', 'x');
    assert.equal(String.fromCharCode(xlsx[0], xlsx[1]), 'PK');
    await assert.rejects(matrixExport(MATRIX, 'csv', 'threats', 'x'), /no 'threats' view/);
  });
});
