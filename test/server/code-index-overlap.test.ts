// @spdf verifies SPDF-LSP-START
import assert from 'node:assert/strict';
import { defaultConfig } from '../../src/core/model/config';
import { loadModels, MODEL_BYTES_PER_TURN } from '../../src/server/load-sequence';
import type { Load, ModelInput } from '../../src/server/workspace-reads';

/** The code index started beside the first model load gets turns of the event loop while the model is loaded. */
describe('language server: the first code index works beside the model load', () => {
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
});
