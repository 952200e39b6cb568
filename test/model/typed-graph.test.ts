import assert from 'node:assert/strict';
import { MemoryHost } from '../../src/core/host';
import { loadWorkspace } from '../../src/core/model/load-workspace';

/**
 * The loaded graph is typed per kind (model-types.ts, generated from schema-def.ts). The `@ts-expect-error`
 * lines are the test of the types: `npm test` typechecks this file, so it fails if the data turns `any` again.
 */
const MODEL = `threats:
  - id: THR-1
    title: 1.5
    stride: [S, T]
    score: { pre: 7.5 }
zones:
  - id: Z-A
    name: A
    class: ot
    sl_t: { FR1: 2 }
hazards:
  - id: HAZ-1
    hazard: Overdose
`;

describe('typed model graph', () => {
  it('hands out typed threats by kind', async () => {
    const { graph } = await loadWorkspace(new MemoryHost(new Map([['m.spdf.yaml', MODEL]])));
    const threat = graph.byKind.threat[0];
    const stride: readonly (string | null)[] | null | undefined = threat.data.stride;
    assert.deepEqual(stride, ['S', 'T']);
    assert.equal(threat.data.score?.pre, 7.5);
    // @ts-expect-error a field the threat schema does not have
    assert.equal(threat.data.severity_x, undefined);
  });

  it('types a plain number in a text field as a scalar, not a string', async () => {
    const { graph } = await loadWorkspace(new MemoryHost(new Map([['m.spdf.yaml', MODEL]])));
    // @ts-expect-error `title: 1.5` loads as a number
    const title: string | null | undefined = graph.byKind.threat[0].data.title;
    assert.equal(title, 1.5);
  });

  it('types a security level as a level or an FR mapping', async () => {
    const { graph } = await loadWorkspace(new MemoryHost(new Map([['m.spdf.yaml', MODEL]])));
    const sl = graph.byKind.zone[0].data.sl_t;
    // @ts-expect-error the level may be a plain number, so FR1 needs a narrowing first
    assert.equal(sl.FR1, 2);
    assert.equal(typeof sl === 'object' && sl !== null ? sl.FR1 : undefined, 2);
  });

  it('narrows an item of any kind on its kind', async () => {
    const { graph } = await loadWorkspace(new MemoryHost(new Map([['m.spdf.yaml', MODEL]])));
    const item = graph.byId.get('HAZ-1');
    assert.equal(item?.kind, 'hazard');
    if (item?.kind !== 'hazard') return;
    const hazard: string | number | boolean | null | undefined = item.data.hazard;
    assert.equal(hazard, 'Overdose');
    // @ts-expect-error a hazard has no stride: the field reads as absent
    const stride: (string | null)[] = item.data.stride;
    assert.equal(stride, undefined);
  });
});
