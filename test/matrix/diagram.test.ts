import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadTrace } from '../../src/cli/commands/trace';
import { TraceIndex } from '../../src/core/matrix/build';
import { zoneDiagram } from '../../src/core/matrix/diagram';

describe('zone diagram', () => {
  it('lays out the example: zones with assets inside, conduits as edges with protocol labels, DMZ and findings', async function () {
    this.timeout(60_000);
    process.env.SPDF_NO_GIT = '1';
    const t = await loadTrace(join(__dirname, '..', '..', 'examples', 'infusion-pump'), { code: false });
    const d = await zoneDiagram(new TraceIndex({ graph: t.check.workspace.graph, config: t.check.workspace.config, lint: t.result }));
    assert.equal(d.version, 1);
    assert.ok(d.zones.length >= 6 && d.width > 0 && d.height > 0);
    for (const z of d.zones) {
      assert.ok(z.width > 0 && z.height > 0, z.id);
      for (const a of z.assets) assert.ok(a.x >= 0 && a.y >= 0 && a.x + a.width <= z.width + 1 && a.y + a.height <= z.height + 1, `${a.id} inside ${z.id}`);
    }
    const direct = d.conduits.find((c) => c.id === 'C-IT-PUMP-DIRECT')!;
    assert.equal(direct.viaDmz, false);
    assert.ok(direct.findings.some((f) => f.startsWith('ZC004')), 'the deliberate IT-to-device conduit is highlighted');
    const viaDmz = d.conduits.find((c) => c.id === 'C-IT-DMZ')!;
    assert.equal(viaDmz.viaDmz, true);
    for (const c of d.conduits) {
      assert.ok(c.paths.length >= 1 && c.paths[0].points.length >= 2, `${c.id} has an edge`);
      assert.match(c.label, /encrypt/i);
    }
  });
});
