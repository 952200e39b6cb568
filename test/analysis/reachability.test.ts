import assert from 'node:assert/strict';
import { computeExposure, describePath, formatPath, LOW_TRUST_CLASSES } from '../../src/core/analysis/reachability';
import { buildZoneGraph } from '../../src/core/analysis/zone-graph';
import type { Graph } from '../../src/core/model/graph';
import { c, graphOf, z } from './graph-of';

const exposureOf = (g: Graph) => computeExposure(buildZoneGraph(g), LOW_TRUST_CLASSES);

describe('reachability without a DMZ', () => {
  it('finds a path that passes no DMZ and names it', async () => {
    const g = await graphOf(`zones:\n${z('Z-HIS', 'it')}${z('Z-GW', 'ot')}${z('Z-PUMP', 'device')}conduits:\n${c('C-HIS-GW', ['Z-HIS', 'Z-GW'])}${c('C-GW-PUMP', ['Z-GW', 'Z-PUMP'])}`);
    const exp = exposureOf(g);
    const path = exp.pathTo('Z-PUMP')!;
    assert.equal(formatPath(path), 'Z-HIS -> Z-GW -> Z-PUMP');
    assert.equal(describePath(path), 'Z-HIS -> Z-GW -> Z-PUMP (via C-HIS-GW, C-GW-PUMP)');
    assert.equal(exp.entryOf('Z-PUMP')!.via.id, 'C-HIS-GW');
    assert.deepEqual(exp.behind('Z-HIS', 'Z-GW', g.byId.get('C-HIS-GW')!), ['Z-PUMP']);
    assert.equal(exp.pathTo('Z-HIS'), undefined, 'sources are not "reached"');
  });

  it('DMZ zones block: a target behind a DMZ only is not reached', async () => {
    const g = await graphOf(
      `zones:\n${z('Z-HIS', 'it')}${z('Z-DMZ', 'dmz')}${z('Z-GW', 'ot')}${z('Z-PUMP', 'device')}conduits:\n` +
        `${c('C-1', ['Z-HIS', 'Z-DMZ'])}${c('C-2', ['Z-DMZ', 'Z-GW'])}${c('C-3', ['Z-GW', 'Z-PUMP'])}`,
    );
    assert.deepEqual([...exposureOf(g).reached], []);
  });

  it('one path around the DMZ is enough (every path must pass a DMZ)', async () => {
    const g = await graphOf(
      `zones:\n${z('Z-NET', 'external')}${z('Z-DMZ', 'dmz')}${z('Z-GW', 'ot')}${z('Z-PUMP', 'device')}assets:\n` +
        `  - {id: AST-N, name: n, kind: device, zone: Z-NET}\n  - {id: AST-P, name: p, kind: device, zone: Z-PUMP}\n` +
        `flows:\n  - {id: F-SIDE, source: AST-N, destination: AST-P, protocol: https}\nconduits:\n` +
        `${c('C-1', ['Z-NET', 'Z-DMZ'])}${c('C-2', ['Z-DMZ', 'Z-GW'])}${c('C-3', ['Z-GW', 'Z-PUMP'])}`,
    );
    const exp = exposureOf(g);
    assert.equal(describePath(exp.pathTo('Z-PUMP')!), 'Z-NET -> Z-PUMP (via F-SIDE)');
    assert.equal(formatPath(exp.pathTo('Z-GW')!), 'Z-NET -> Z-PUMP -> Z-GW');
  });

  it('a hardware diode out of OT lets nothing in', async () => {
    const g = await graphOf(`zones:\n${z('Z-GW', 'ot')}${z('Z-HIS', 'it')}conduits:\n${c('C-D', ['Z-GW', 'Z-HIS'], 'direction: unidirectional-hw')}`);
    assert.deepEqual([...exposureOf(g).reached], []);
  });

  // Its time is measured by `npm run bench` (bench/lint-bench.ts, benchReachability), not asserted here.
  it('follows a long chain with many side branches to its end', async () => {
    const n = 3000;
    let zones = z('Z-IT', 'it');
    let conduits = '';
    for (let i = 0; i < n; i++) {
      zones += z(`Z-${i}`, 'ot');
      conduits += c(`C-${i}`, [i === 0 ? 'Z-IT' : `Z-${i - 1}`, `Z-${i}`]);
      conduits += c(`C-S${i}`, [`Z-${i}`, 'Z-IT'], 'direction: unidirectional-hw');
    }
    const g = await graphOf(`zones:\n${zones}conduits:\n${conduits}`);
    const exp = exposureOf(g);
    assert.equal(exp.pathTo(`Z-${n - 1}`)?.zones.length, n + 1);
    assert.equal(exp.reached.size, n);
  });
});
