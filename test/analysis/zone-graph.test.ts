// @spdf verifies SPDF-ZC-001
import assert from 'node:assert/strict';
import { flowCoverage } from '../../src/core/analysis/flow-coverage';
import { buildZoneGraph } from '../../src/core/analysis/zone-graph';
import { c, graphOf, z } from './graph-of';

const edges = (zg: ReturnType<typeof buildZoneGraph>) =>
  [...zg.out.values()]
    .flat()
    .map((e) => `${e.from}>${e.to}:${e.via.id}`)
    .sort();

describe('zone graph', () => {
  it("joins every pair of a conduit's distinct defined zones, both ways", async () => {
    const g = await graphOf(`zones:\n${z('Z-A', 'it')}${z('Z-B', 'dmz')}${z('Z-C', 'ot')}conduits:\n${c('C-1', ['Z-A', 'Z-B', 'Z-B', 'Z-NONE'])}`);
    const zg = buildZoneGraph(g);
    assert.deepEqual(
      zg.conduitZones(g.byId.get('C-1')!).map((x) => x.id),
      ['Z-A', 'Z-B'],
    );
    assert.deepEqual(edges(zg), ['Z-A>Z-B:C-1', 'Z-B>Z-A:C-1']);
    assert.deepEqual(
      zg.conduitsBetween('Z-B', 'Z-A').map((x) => x.id),
      ['C-1'],
    );
  });

  it('treats only hardware diodes as one-way', async () => {
    const g = await graphOf(
      `zones:\n${z('Z-A', 'ot')}${z('Z-B', 'it')}conduits:\n` +
        c('C-SW', ['Z-A', 'Z-B'], 'direction: a-to-b') +
        c('C-HW', ['Z-A', 'Z-B'], 'direction: unidirectional-hw') +
        c('C-DIODE-BA', ['Z-A', 'Z-B'], 'direction: b-to-a, filtering: {type: diode}'),
    );
    assert.deepEqual(edges(buildZoneGraph(g)), ['Z-A>Z-B:C-HW', 'Z-A>Z-B:C-SW', 'Z-B>Z-A:C-DIODE-BA', 'Z-B>Z-A:C-SW']);
  });

  it('adds zone-crossing flows as edges only where no conduit joins the zones', async () => {
    const g = await graphOf(
      `zones:\n${z('Z-A', 'it')}${z('Z-B', 'dmz')}${z('Z-C', 'ot')}assets:\n` +
        `  - {id: AST-A, name: a, kind: device, zone: Z-A}\n  - {id: AST-B, name: b, kind: device, zone: Z-B}\n  - {id: AST-C, name: c, kind: device, zone: Z-C}\n` +
        `flows:\n  - {id: F-AB, source: AST-A, destination: AST-B, protocol: https}\n  - {id: F-AC, source: AST-A, destination: AST-C, protocol: https}\n` +
        `conduits:\n${c('C-AB', ['Z-A', 'Z-B'])}`,
    );
    assert.deepEqual(edges(buildZoneGraph(g)), ['Z-A>Z-B:C-AB', 'Z-A>Z-C:F-AC', 'Z-B>Z-A:C-AB', 'Z-C>Z-A:F-AC']);
  });

  it('indexes assets by their one zone and ignores assets in several zones', async () => {
    const g = await graphOf(
      `zones:\n${z('Z-A', 'it', 'assets: [AST-2, AST-3]')}${z('Z-B', 'ot')}assets:\n` +
        `  - {id: AST-1, name: a, kind: device, zone: Z-A}\n  - {id: AST-2, name: b, kind: device}\n  - {id: AST-3, name: c, kind: device, zone: Z-B}\n`,
    );
    const zg = buildZoneGraph(g);
    assert.deepEqual(
      zg.assetsOf('Z-A').map((a) => a.id),
      ['AST-1', 'AST-2'],
    );
    assert.equal(zg.zoneOf('AST-3'), undefined);
  });

  it('knows which flows a conduit carries, listed or naming it', async () => {
    const g = await graphOf(
      `flows:\n  - {id: F-1, source: AST-A, destination: AST-B, protocol: https, conduit: C-1}\n  - {id: F-2, source: AST-A, destination: AST-B, protocol: https}\n` +
        `conduits:\n${c('C-1', ['Z-A', 'Z-B'], 'flows: [F-1, F-2]')}`,
    );
    const zg = buildZoneGraph(g);
    const c1 = g.byId.get('C-1')!;
    assert.deepEqual(
      zg
        .flowsOf(c1)
        .map((f) => f.id)
        .sort(),
      ['F-1', 'F-2'],
    );
    assert.equal(zg.carries(c1, g.byId.get('F-2')!), true);
  });
});

describe('flow coverage', () => {
  const model = (flow: string, conduits: string) =>
    graphOf(
      `zones:\n${z('Z-A', 'dmz')}${z('Z-B', 'ot')}${z('Z-C', 'ot')}assets:\n` +
        `  - {id: AST-A, name: a, kind: device, zone: Z-A}\n  - {id: AST-A2, name: a2, kind: device, zone: Z-A}\n  - {id: AST-B, name: b, kind: device, zone: Z-B}\n` +
        `flows:\n  - {id: F-1, source: AST-A, ${flow}}\nconduits:\n${conduits}`,
    );
  const coverage = async (flow: string, conduits: string) => {
    const g = await model(flow, conduits);
    const cov = flowCoverage(g, buildZoneGraph(g), g.byId.get('F-1')!);
    return !cov.crossing ? 'inside' : cov.covered ? `covered by ${cov.conduit.id}` : cov.reason;
  };

  it('a flow inside one zone is no crossing', async () => {
    assert.equal(await coverage('destination: AST-A2, protocol: https', c('C-X', ['Z-A', 'Z-C'])), 'inside');
  });
  it('a named conduit joining both zones covers it; one between other zones does not', async () => {
    assert.equal(await coverage('destination: AST-B, protocol: https, conduit: C-AB', c('C-AB', ['Z-B', 'Z-A'], 'channels: [{protocol: ssh}]')), 'covered by C-AB');
    assert.equal(await coverage('destination: AST-B, protocol: https, conduit: C-AC', c('C-AC', ['Z-A', 'Z-C']) + c('C-AB', ['Z-A', 'Z-B'])), 'wrong-conduit');
  });
  it('otherwise a conduit between the zones covers it by listing it, by protocol, or by declaring nothing', async () => {
    assert.equal(await coverage('destination: AST-B, protocol: https', c('C-AB', ['Z-A', 'Z-B'], 'channels: [{protocol: https}]')), 'covered by C-AB');
    assert.equal(await coverage('destination: AST-B, protocol: https', c('C-AB', ['Z-A', 'Z-B'], 'flows: [F-1]')), 'covered by C-AB');
    assert.equal(await coverage('destination: AST-B, protocol: https', c('C-AB', ['Z-A', 'Z-B'])), 'covered by C-AB');
    assert.equal(await coverage('destination: AST-B, protocol: https', c('C-AB', ['Z-A', 'Z-B'], 'channels: [{protocol: ssh}]')), 'no-channel');
  });
  it('no conduit between the zones: not covered', async () => {
    assert.equal(await coverage('destination: AST-B, protocol: https', c('C-AC', ['Z-A', 'Z-C'])), 'no-conduit');
  });
});
