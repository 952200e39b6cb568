// @spdf verifies SPDF-IMPORT-MERGE
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempWorkspace } from '../support/cli';

const OTM = JSON.stringify({
  otmVersion: '0.2.0',
  project: { name: 'Pump', id: 'pump' },
  trustZones: [{ id: 'Z-DEV', name: 'Device', type: 'device', risk: { trustRating: 50 } }],
  components: [{ id: 'A-PUMP', name: 'Pump', type: 'device', parent: { trustZone: 'Z-DEV' } }],
});

/**
 * A re-import reads what the last one left in the output folder (the snapshot IMPORT-BASE.json, the model files) with
 * the bounds of an import source: a FIFO there used to block the import for ever, and a huge file was read whole.
 */
const CASES: { name: string; file: string; make: (path: string) => void; says: RegExp }[] = [
  { name: 'a FIFO as the snapshot', file: 'IMPORT-BASE.json', make: (p) => execFileSync('mkfifo', [p]), says: /IMPORT-BASE\.json: not a regular file; not read as the snapshot of the last import/ },
  { name: 'a FIFO as a model file', file: 'pump.spdf.yaml', make: (p) => execFileSync('mkfifo', [p]), says: /pump\.spdf\.yaml: not a regular file; nothing written/ },
  {
    name: 'a snapshot over the import size limit',
    file: 'IMPORT-BASE.json',
    make: (p) => {
      const fd = openSync(p, 'w');
      ftruncateSync(fd, 51 * 1024 * 1024);
      closeSync(fd);
    },
    says: /IMPORT-BASE\.json: the file is 51\.0 MiB, over the limit of 50\.0 MiB; not read as the snapshot/,
  },
];

describe('spdf import: the files of an earlier import are read within bounds', function () {
  this.timeout(60000);
  for (const c of CASES)
    it(`${c.name}: the import fails naming it and writes nothing`, async () => {
      const root = tempWorkspace({ 'pump.json': OTM });
      try {
        assert.equal((await runCli(['import', 'otm', 'pump.json', '-o', 'model'], root)).code, 0);
        const model = readFileSync(join(root, 'model', 'pump.spdf.yaml'), 'utf8');
        rmSync(join(root, 'model', c.file));
        c.make(join(root, 'model', c.file));
        const again = await runCli(['import', 'otm', 'pump.json', '-o', 'model'], root);
        assert.notEqual(again.code, 0, again.stderr);
        assert.match(again.stderr, c.says);
        if (c.file !== 'pump.spdf.yaml') assert.equal(readFileSync(join(root, 'model', 'pump.spdf.yaml'), 'utf8'), model);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
});
