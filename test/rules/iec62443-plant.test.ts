// @spdf verifies SPDF-ZC-001
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffExpectations, parseMarkers } from '../support/markers';
import { lintFiles } from '../support/workspace';

const PLANT = join(__dirname, '..', 'fixtures', 'plant');
const read = (variant: string) => ({ 'plant.spdf.yaml': readFileSync(join(PLANT, variant, 'plant.spdf.yaml'), 'utf8') });

/**
 * A small plant (enterprise, DMZ, operations, two cells, a safety system, vendor access) with planted
 * IEC 62443 faults: each fires exactly its ZC code at its marker, and the same plant without them has no
 * ZC finding; both are free of TM (structure) findings and their zones are counted, so a clean result cannot
 * come from a model that was not read.
 */
describe('IEC 62443 plant', () => {
  it('each planted fault fires exactly its ZC code at its marker, and no other ZC finding appears', async () => {
    const files = read('faulty');
    const expected = parseMarkers('plant.spdf.yaml', files['plant.spdf.yaml']);
    assert.ok(new Set(expected.map((e) => e.code)).size >= 7, 'at least seven distinct planted faults');
    const { workspace, result } = await lintFiles(files);
    assert.deepEqual(result.internalErrors, []);
    assert.equal(workspace.graph.byKind.zone.length, 9);
    assert.deepEqual(
      result.findings.filter((f) => f.code.startsWith('TM')).map((f) => f.code),
      [],
      'the faulty plant is well-formed',
    );
    assert.deepEqual(diffExpectations(expected, result.findings), []);
  });

  it('the same plant without the faults has no ZC finding and is well-formed', async () => {
    const { workspace, result } = await lintFiles(read('clean'));
    assert.deepEqual(result.internalErrors, []);
    assert.equal(workspace.graph.byKind.zone.length, 7);
    assert.equal(workspace.graph.byKind.conduit.length, 6);
    assert.deepEqual(
      result.findings.filter((f) => /^(ZC|TM)/.test(f.code)).map((f) => `${f.code} ${f.range.start.line + 1} ${f.message}`),
      [],
    );
  });
});
