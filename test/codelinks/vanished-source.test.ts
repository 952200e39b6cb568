// @spdf verifies SPDF-FC-TAGS
import assert from 'node:assert/strict';
import { MemoryHost } from '../../src/core/host';
import { runGate } from '../../src/core/matrix/gate';
import { loadWorkspace } from '../../src/core/model/load-workspace';
import { lint } from '../../src/core/rules/engine';
import { ruleInputs } from '../../src/core/rules/inputs';
import { buildCodeIndex } from '../../src/node/codeindex/build-code-index';
import { UNSCANNED_KINDS } from '../../src/node/codeindex/index-notes';
import { VERIFIED } from '../support/gate-fixtures';

const CONFIG = 'evidence:\n  requirement: {implementation: false, verification: true}\n';

/** A host whose listing holds a source file that is gone when the index reads it (deleted during the run). */
class VanishingHost extends MemoryHost {
  constructor(
    files: Map<string, string>,
    private readonly gone: string,
  ) {
    super(files);
  }
  override listFiles(): Promise<string[]> {
    return super.listFiles().then((files) => [...files, this.gone].sort());
  }
}

describe('a source file listed and gone before it is read', () => {
  it('fails the gate at the file, as `spdf check` reads the notes', async () => {
    const host = new VanishingHost(new Map(Object.entries({ 'spdf.config.yaml': CONFIG, 'model.spdf.yaml': VERIFIED })), 'src/dose.c');
    const code = await buildCodeIndex({ root: '/example', host, workers: 0 });
    assert.deepEqual(
      code.notes.map((n) => `${n.file} ${n.kind}`),
      ['src/dose.c vanished'],
    );
    const inputs = ruleInputs(await loadWorkspace(host), { code });
    const report = runGate(inputs, lint(inputs), { minCoverage: 100, skippedCode: code.notes.filter((n) => UNSCANNED_KINDS.has(n.kind)) });
    assert.equal(report.pass, false);
    assert.deepEqual(
      report.offenders.map((o) => ('line' in o ? `${o.file}:${o.line}:${o.column} ${o.message}` : o.message)),
      ['src/dose.c:1:1 source file not scanned for tags: file disappeared during the scan; run again once the workspace stops changing'],
    );
  });
});
