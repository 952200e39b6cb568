// @spdf verifies SPDF-TM-001
import assert from 'node:assert/strict';
import { MemoryHost } from '../../src/core/host';
import { loadWorkspace } from '../../src/core/model/load-workspace';

const MODEL = `assets:
  - id: AST-1
    name: Pump
    kind: device
    zone: Z-1
    compensating_controls: [CTRL-1, CTRL-9]
    components:
      - name: libfoo
        threat: THR-1
      - name: libbar
      - name: libbaz
        threat: THR-2
zones:
  - id: Z-1
    name: Cell
    class: device
threats:
  - id: THR-1
    title: Spoofing
    controls: [CTRL-1, '', ~]
  - id: THR-2
    title: Tampering
    controls: CTRL-1
controls:
  - id: CTRL-1
    title: Signed commands
`;

describe('references of the graph', () => {
  it('name each reference by its dotted field path, with its target resolved as it is built', async () => {
    const { graph } = await loadWorkspace(new MemoryHost(new Map([['m.spdf.yaml', MODEL]])));
    assert.deepEqual(
      graph.refs.map((r) => `${r.from.id} ${r.field} -> ${r.id} (${r.target?.id ?? 'dangling'}) [${r.kinds.join()}] ${Object.keys(r).join()}`),
      [
        'AST-1 zone -> Z-1 (Z-1) [zone] from,field,id,kinds,node,target',
        'AST-1 components.0.threat -> THR-1 (THR-1) [threat] from,field,id,kinds,node,target',
        'AST-1 components.2.threat -> THR-2 (THR-2) [threat] from,field,id,kinds,node,target',
        'AST-1 compensating_controls -> CTRL-1 (CTRL-1) [control] from,field,id,kinds,node,target',
        'AST-1 compensating_controls -> CTRL-9 (dangling) [control] from,field,id,kinds,node,target',
        'THR-1 controls -> CTRL-1 (CTRL-1) [control] from,field,id,kinds,node,target',
      ],
    );
    assert.deepEqual([...graph.refsTo.keys()], ['Z-1', 'THR-1', 'THR-2', 'CTRL-1', 'CTRL-9']);
  });
});
