// @spdf verifies SPDF-FC-EMPTY-EVIDENCE
/**
 * An evidence file the listing names but that cannot be read proves nothing: as an empty one, it is no evidence
 * (VT002 at the test's `evidence`, the items it verifies PARTIAL), in the CLI's load and in the language server's
 * state. It once counted as evidence. Root reads any file whatever its mode, so the host refuses the read here.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import type { Host } from '../../src/core/host';
import { loadWorkspace } from '../../src/core/model/load-workspace';
import { lint } from '../../src/core/rules/engine';
import { ruleInputs } from '../../src/core/rules/inputs';
import { traceMatrix } from '../../src/core/matrix/trace-matrix';
import { FsHost } from '../../src/node/fs-host';
import { WorkspaceState } from '../../src/server/state';
import { tempWorkspace } from '../support/cli';
import { BASE, CONFIG, MODEL } from '../server/parity-workspace';

const EVIDENCE = 'reports/tc-001.log';
// Code links are not read here: the requirement needs its verification alone.
const FILES = {
  ...BASE,
  'spdf.config.yaml': `${CONFIG}evidence: { requirement: { implementation: false, verification: true } }\n`,
  [MODEL]: `${BASE[MODEL]}    evidence: ../${EVIDENCE}\n`,
  [EVIDENCE]: 'TC-001 passed\n',
};

/** FsHost, but reading `refused` fails as the file system would (code `code`); sizing it still works. */
function refusing(root: string, refused: string | undefined, code: string): Host {
  const fs = new FsHost(root);
  const fail = () => Promise.reject(Object.assign(new Error(`${code}: cannot read ${refused}`), { code }));
  return {
    listFiles: () => fs.listFiles(),
    statSize: (p) => fs.statSize(p),
    readFile: (p) => (p === refused ? fail() : fs.readFile(p)),
    readPrefix: (p, n) => (p === refused ? fail() : fs.readPrefix(p, n)),
  };
}

describe('an evidence file that cannot be read is no evidence', () => {
  for (const [name, refused, want] of [
    ['readable (the control)', undefined, { vt002: [] as string[], status: 'OK' }],
    ['EACCES', EVIDENCE, { vt002: [`test 'TC-001': evidence file '../${EVIDENCE}' could not be read (EACCES), so it shows no result`], status: 'PARTIAL' }],
    ['EIO', EVIDENCE, { vt002: [`test 'TC-001': evidence file '../${EVIDENCE}' could not be read (EIO), so it shows no result`], status: 'PARTIAL' }],
  ] as const) {
    const code = name === 'EIO' ? 'EIO' : 'EACCES';

    it(`${name}: the CLI's load gives VT002 ${want.vt002.length ? 'at the evidence' : 'nowhere'} and REQ-001 ${want.status}`, async () => {
      const root = tempWorkspace(FILES);
      try {
        const ws = await loadWorkspace(refusing(root, refused, code));
        const inputs = ruleInputs(ws);
        const result = lint(inputs);
        const vt002 = result.findings.filter((f) => f.code === 'VT002');
        assert.deepEqual(
          vt002.map((f) => f.message),
          want.vt002,
        );
        if (vt002.length) assert.deepEqual([vt002[0].file, vt002[0].range.start.line + 1], [MODEL, 12]);
        const row = traceMatrix(inputs, result).views.requirements?.rows.find((r) => r.id === 'REQ-001');
        assert.equal(row?.status, want.status);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });

    it(`${name}: the language server's state gives the same VT002 and status`, async () => {
      const root = tempWorkspace(FILES);
      const state = new WorkspaceState(refusing(root, refused, code), { root, trusted: false, codeLinks: false });
      try {
        await state.loadAll();
        const { result } = state.check();
        assert.deepEqual(
          result.findings.filter((f) => f.code === 'VT002').map((f) => f.message),
          want.vt002,
        );
        assert.equal(state.traces(['requirement']).find((t) => t.item.id === 'REQ-001')?.status, want.status);
      } finally {
        state.dispose();
        rmSync(root, { recursive: true, force: true });
      }
    });
  }
});
