import assert from 'node:assert/strict';
import { modelTypesSource } from '../../src/core/model/ts-types';

/** The generated model types promise only what the loader guarantees (see the header of model-types.ts). */
describe('generated model types', () => {
  const source = modelTypesSource();
  const member = (iface: string, field: string): string => {
    const body = source.slice(source.indexOf(`export interface ${iface} {`));
    const line = body.split('\n').find((l) => l.startsWith(`  ${field}`));
    assert.ok(line, `${iface}.${field} is missing from the generated source`);
    return line.trim();
  };

  it('keeps a required field optional and nullable: the loader keeps an item without it (TM008)', () => {
    assert.equal(member('ThreatData', 'title'), 'title?: Scalar | null;');
    assert.equal(member('ZoneData', 'class'), "class?: 'it' | 'dmz' | 'ot' | 'device' | 'external' | 'cloud' | null;");
  });

  it('guarantees only the id, which every loaded item has', () => {
    assert.equal(member('ThreatData', 'id'), 'id: Scalar;');
  });

  it('types a text field as any scalar: YAML reads a plain 1.2 as a number', () => {
    assert.equal(member('AssetData', 'name'), 'name?: Scalar | null;');
  });

  it('types a security level as a scalar or an FR mapping', () => {
    assert.equal(member('ZoneData', 'sl_t'), 'sl_t?: SecurityLevel | null;');
    assert.match(source, /export type SecurityLevel = number \| \{ FR1\?: number \| null;/);
  });

  it('lets list entries be empty', () => {
    assert.equal(member('ThreatData', 'controls'), 'controls?: (Scalar | null)[] | null;');
  });
});
