// @spdf verifies SPDF-LSP-START
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { FsHost } from '../../src/node/fs-host';
import { WORKER_START_MODEL_FILES } from '../../src/server/code-index';
import { WorkspaceState } from '../../src/server/state';

const TAGGED = 'src/pump.c';
/** No tag: parsed only because a safety-critical asset of the model claims it (a glob known once the model is loaded). */
const CLAIMED = 'src/alarm.c';

/** The first index reads source files beside the model load, not after it; what it indexes is unchanged. */
describe('language server: the first code index starts beside the model load', function () {
  this.timeout(60000);
  for (const modelFiles of [3, WORKER_START_MODEL_FILES]) {
    it(`reads source files before the model is loaded, and parses the files the model's safety-critical assets claim (${modelFiles} model files)`, async () => {
      const root = mkdtempSync(join(tmpdir(), 'spdf-code-start-'));
      const files: Record<string, string> = {
        'spdf.config.yaml': 'version: 1\n',
        [TAGGED]: '/* @spdf implements SEC-REQ-000 */\nint dose(int rate)\n{\n    return rate;\n}\n',
        [CLAIMED]: 'int alarm(int level)\n{\n    return level > 3;\n}\n',
        'model/assets.spdf.yaml': 'assets:\n  - id: ASSET-FW\n    title: Firmware\n    safety_critical: true\n    code: ["src/alarm.c"]\n',
      };
      for (let i = 0; i < modelFiles; i++) files[`model/m${i}.spdf.yaml`] = `requirements:\n  - id: SEC-REQ-${String(i).padStart(3, '0')}\n    title: R${i}\n    text: The pump shall do ${i}.\n`;
      for (const [p, t] of Object.entries(files)) {
        mkdirSync(dirname(join(root, p)), { recursive: true });
        writeFileSync(join(root, p), t);
      }
      const calls: string[] = [];
      const fs = new FsHost(root);
      const host = new Proxy(fs, {
        get(target, key, receiver) {
          const value = Reflect.get(target, key, receiver) as unknown;
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            if (typeof args[0] === 'string') calls.push(args[0]);
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
      const state = new WorkspaceState(host, { root, trusted: true, codeLinks: true });
      try {
        await state.loadAll();
        state.check();
        const firstSource = calls.indexOf(TAGGED);
        const lastModel = calls.map((p) => p.endsWith('.spdf.yaml')).lastIndexOf(true);
        assert.ok(firstSource >= 0 && firstSource < lastModel, `first read of ${TAGGED} at call ${firstSource}, last model read at ${lastModel}: ${calls.join(' ')}`);
        assert.deepEqual(
          state.code.links().map((l) => l.id),
          ['SEC-REQ-000'],
        );
        assert.ok(state.code.files.has(CLAIMED), 'the claimed untagged file is parsed once the model named it');
        assert.ok(state.code.isSafetyCritical(CLAIMED));
      } finally {
        state.dispose();
        rmSync(root, { recursive: true, force: true });
      }
    });
  }
});
