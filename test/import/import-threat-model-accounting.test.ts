import assert from 'node:assert/strict';
import fc from 'fast-check';
import { assembleModelImport } from '../../src/core/import/model-assemble';
import { MODEL_IMPORTERS } from '../../src/core/import/model-registry';
import { parseYaml } from '../../src/core/yaml/parse';

const RUNS = Number(process.env.SPDF_FUZZ_RUNS ?? 100);

/** Fragments of each format, valid and broken, joined at random into documents. */
const KEYS = [
  'id',
  'name',
  'type',
  'parent',
  'trustZone',
  'component',
  'source',
  'destination',
  'target',
  'cell',
  'threats',
  'threat',
  'mitigations',
  'mitigation',
  'state',
  'status',
  'protocol',
  'data',
  'shape',
  'position',
  'size',
  'x',
  'y',
  'width',
  'height',
  'assets',
  'zones',
  'from_zone',
  'to_zone',
  'flows',
  'communication_links',
  'technical_assets_inside',
  '<<',
  'version',
  'detail',
  'diagrams',
  'cells',
  'otmVersion',
  'trustZones',
  'components',
  'dataflows',
  'technical_assets',
  'trust_boundaries',
  'risk_tracking',
  'conduits',
  'includes',
  'security_requirements',
  'custom_risk_categories',
];
const SCALARS = [
  fc.constantFrom('a', 'b', 'z1', 'flow', 'actor', 'process', 'store', 'trust-boundary-box', '2.2.0', 'mitigated', 'accepted', 'Spoofing', 'https', '*@a'),
  fc.integer({ min: -5, max: 500 }),
  fc.boolean(),
  fc.constant(null),
];
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, ...SCALARS, fc.array(tie('v'), { maxLength: 4 }), fc.dictionary(fc.constantFrom(...KEYS), tie('v'), { maxKeys: 6 })),
})).v;

describe('threat-model import accounting: readers never throw, every element is imported or reported, output is valid YAML', () => {
  for (const [format, importer] of Object.entries(MODEL_IMPORTERS))
    it(format, async () => {
      await fc.assert(
        fc.asyncProperty(fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 8 }), fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 8 }), fc.boolean(), async (doc, part, asJson) => {
          const yaml = (d: unknown) => (asJson ? JSON.stringify(d) : JSON.stringify(d, null, 1).replace(/^(\s*)"([^"]+)":/gm, '$1$2:'));
          const text = yaml(doc);
          // Every file a Threagile model includes (`includes: [a]`) reads as the second document, itself included again or not.
          const parsed = await importer.parse('d.x', text, (path) => Promise.resolve(path === 'a' || path === 'b' ? { text: yaml(part) } : { error: 'cannot read (ENOENT)', found: false }));
          const outcome = assembleModelImport(format, [{ file: 'd.x', parsed }]);
          const c = outcome.counts;
          assert.equal(c.elements, c.imported + c.reported);
          const written = outcome.files.reduce((n, f) => n + (f.content.match(/^ {2}- id: /gm) ?? []).length, 0);
          assert.equal(written, c.imported);
          for (const f of outcome.files) assert.deepEqual(parseYaml(f.content).problems, [], f.content);
        }),
        { numRuns: RUNS },
      );
    });
});
