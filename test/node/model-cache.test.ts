import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadWorkspace } from '../../src/core/model/load-workspace';
import { lint } from '../../src/core/rules/engine';
import { FsHost } from '../../src/node/fs-host';
import { DiskModelCache } from '../../src/node/model-cache';
import { tempWorkspace } from '../support/cli';

const MODEL = `zones:
  - &z {id: Z-A, name: A, class: it}
threats:
  - id: THR-001
    title: Spoofed command
    controls: [CTRL-404]
    # spdf-disable-next-line TR001 -- categorised in the supplier model
    targets: [Z-A]
`;

async function run(root: string) {
  const cache = new DiskModelCache(root);
  let hits = 0;
  const counting = { get: (p: string, k: string) => { const v = cache.get(p, k); if (v) hits++; return v; }, set: cache.set.bind(cache) };
  const ws = await loadWorkspace(new FsHost(root), { fileCache: counting });
  cache.save();
  const result = lint({ graph: ws.graph, config: ws.config, allFiles: ws.allFiles });
  const summary = result.findings.map((f) => `${f.file}:${f.range.start.line}:${f.range.start.character}-${f.range.end.character} ${f.code} ${f.message}`);
  return { hits, summary, suppressed: result.suppressed.length, ws };
}

describe('model cache (.spdf-cache)', () => {
  it('a warm run reuses unchanged files and reports exactly what a cold run reports', async () => {
    const root = tempWorkspace({ 'spdf.config.yaml': 'profile: all\n', 'm.spdf.yaml': MODEL });
    const cold = await run(root);
    const warm = await run(root);
    assert.equal(cold.hits, 0);
    assert.equal(warm.hits, 1);
    assert.deepEqual(warm.summary, cold.summary);
    assert.equal(warm.suppressed, cold.suppressed);
    assert.ok(cold.summary.some((s) => s.includes('TM002')));
    const ref = warm.ws.graph.refs.find((r) => r.id === 'CTRL-404')!;
    assert.equal(warm.ws.graph.fileByPath.get('m.spdf.yaml')!.source.text.slice(ref.node.start, ref.node.end), 'CTRL-404', 'offsets still index the text');
  });

  it('reloads a changed file and ignores a corrupt cache', async () => {
    const root = tempWorkspace({ 'spdf.config.yaml': 'profile: all\n', 'm.spdf.yaml': MODEL });
    await run(root);
    writeFileSync(join(root, 'm.spdf.yaml'), MODEL.replace('CTRL-404', 'CTRL-405'));
    const changed = await run(root);
    assert.equal(changed.hits, 0);
    assert.ok(changed.summary.some((s) => s.includes("'CTRL-405'")));
    writeFileSync(join(root, '.spdf-cache', 'model-v2.bin'), 'not a v8 serialization');
    const afterCorruption = await run(root);
    assert.equal(afterCorruption.hits, 0);
    assert.deepEqual(afterCorruption.summary, changed.summary);
  });
});
