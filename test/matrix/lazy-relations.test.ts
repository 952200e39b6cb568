// @spdf verifies SPDF-TRC-001
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadTrace } from '../../src/cli/commands/trace';
import { requirementCoverage, TraceIndex } from '../../src/core/matrix/build';
import type { Graph } from '../../src/core/model/graph';

/** The example's graph, with a count of the reads of its threats (the relations index reads them once, for `refs.cve`). */
async function countedExample() {
  process.env.SPDF_NO_GIT = '1';
  const t = await loadTrace(join(__dirname, '..', '..', 'examples', 'infusion-pump'), { code: false });
  const graph = t.check.workspace.graph;
  const reads = { threats: 0 };
  const byKind = new Proxy(graph.byKind, {
    get(target, key, receiver) {
      if (key === 'threat') reads.threats++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  const counted: Graph = { ...graph, byKind };
  const index = () => new TraceIndex({ graph: counted, config: t.check.workspace.config, lint: t.result });
  return { graph, reads, index };
}

describe('trace relations', () => {
  it('are indexed at the first question about one, not for the coverage of the requirements', async () => {
    const { graph, reads, index } = await countedExample();
    const ix = index();
    const coverage = requirementCoverage(ix);
    assert.ok(coverage.total > 0, 'the example has requirements');
    assert.equal(reads.threats, 0, 'the coverage of the requirements (the language server status) indexes no relation');
    const threat = graph.byKind.threat[0];
    reads.threats = 0;
    const children = ix.childrenOf(threat);
    assert.ok(children.length > 0, 'the first threat has controls or requirements');
    assert.equal(reads.threats, 1, 'the relations are indexed at the first question');
    for (const t of graph.byKind.threat) ix.childrenOf(t);
    assert.equal(reads.threats, 1, 'and once');
  });

  it('answer the same whatever is asked first', async () => {
    const { graph, index } = await countedExample();
    const relationsOf = (ix: TraceIndex) =>
      graph.items.map((item) => ({
        id: item.id,
        children: ix.childrenOf(item),
        status: ix.statusOf(item).status,
        threats: ix.threatsOfRequirement(item.id),
        hazards: ix.hazardsOfRequirement(item.id),
        controls: ix.controlsOfRequirement(item.id),
        component: [ix.threatsOfComponent(item.id), ix.controlsOfComponent(item.id)],
        zone: item.kind === 'zone' || item.kind === 'conduit' ? ix.threatsOfZoneOrConduit(item) : [],
        targets: [ix.targetsOf(item.id), ix.appliesTo(item.id), ix.conduitsOfTarget(item.id), ix.zonesOfTarget(item.id)],
      }));
    const statusesFirst = index();
    requirementCoverage(statusesFirst);
    const relationsFirst = index();
    relationsFirst.childrenOf(graph.byKind.threat[0]);
    assert.deepEqual(relationsOf(statusesFirst), relationsOf(relationsFirst));
  });
});
