// @spdf verifies SPDF-LSP-START
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Host } from '../../src/core/host';
import { FsHost } from '../../src/node/fs-host';
import { WORKER_START_MODEL_FILES } from '../../src/server/code-index';
import { loadModels, MODEL_BYTES_PER_TURN } from '../../src/server/load-sequence';
import { WorkspaceState } from '../../src/server/state';
import { defaultConfig } from '../../src/core/model/config';
import type { Load, ModelInput } from '../../src/server/workspace-reads';

/** No tag: parsed only because a safety-critical asset of the model claims it (a glob known once the model is loaded). */
const CLAIMED = 'src/alarm.c';

/** Every host call's path argument, in order. */
function recording(host: Host, calls: string[]): Host {
  return new Proxy(host, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (typeof args[0] === 'string') calls.push(args[0]);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** The code index started beside the first model load gets turns of the event loop while the model is loaded and before its rules run. */
describe('language server: the first code index works beside the model load and rules', function () {
  this.timeout(60000);

  it('loads the model files in order with a turn of the event loop after every MODEL_BYTES_PER_TURN of text', async () => {
    const text = `requirements:\n  - id: R-1\n    title: ${'x'.repeat(MODEL_BYTES_PER_TURN / 4)}\n`;
    const read: [string, ModelInput][] = Array.from({ length: 12 }, (_, i) => [`m${i}.spdf.yaml`, i % 2 ? { text } : { bytes: new TextEncoder().encode(text) }]);
    const loads = new Map<string, Load>();
    const seen: number[] = [];
    const watch = (): void => void setImmediate(() => (seen.push(loads.size), loads.size < read.length && watch()));
    watch();
    await loadModels(read, defaultConfig().limits, loads);
    assert.deepEqual(
      [...loads.keys()],
      read.map(([p]) => p),
    );
    const during = seen.filter((n) => n > 0 && n < read.length);
    assert.ok(during.length >= 2, `turns of the event loop while loading (files loaded at each): ${seen.join(' ')}`);
  });

  it(`parses the files the model claims before the model rules run (${WORKER_START_MODEL_FILES} model files)`, async () => {
    const root = mkdtempSync(join(tmpdir(), 'spdf-code-overlap-'));
    const files: Record<string, string> = {
      'spdf.config.yaml': 'version: 1\n',
      'src/pump.c': '/* @spdf implements SEC-REQ-000 */\nint dose(int rate)\n{\n    return rate;\n}\n',
      [CLAIMED]: 'int alarm(int level)\n{\n    return level > 3;\n}\n',
      'model/assets.spdf.yaml': `assets:\n  - id: ASSET-FW\n    title: Firmware\n    safety_critical: true\n    code: ["${CLAIMED}"]\n`,
    };
    for (let i = 0; i < WORKER_START_MODEL_FILES; i++)
      files[`model/m${i}.spdf.yaml`] = `requirements:\n  - id: SEC-REQ-${String(i).padStart(3, '0')}\n    title: R${i}\n    text: The pump shall do ${i}.\n`;
    for (const [p, t] of Object.entries(files)) {
      mkdirSync(dirname(join(root, p)), { recursive: true });
      writeFileSync(join(root, p), t);
    }
    const calls: string[] = [];
    const state = new WorkspaceState(recording(new FsHost(root), calls), { root, trusted: true, codeLinks: true });
    let claimedReadsBeforeRules = -1;
    try {
      await state.loadAll(undefined, undefined, () => void (claimedReadsBeforeRules = calls.filter((p) => p === CLAIMED).length));
      // Read in the first pass (untagged), in the second once the model claimed it (to be parsed), then for its suppressions.
      assert.ok(claimedReadsBeforeRules >= 2, `the claimed file was read for its parse before the model findings were handed over: ${claimedReadsBeforeRules} reads then (${calls.join(' ')})`);
      assert.ok(state.code.files.has(CLAIMED), 'the claimed untagged file is parsed');
    } finally {
      state.dispose();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
