// @spdf verifies SPDF-FC-NEAR-MISS
import assert from 'node:assert/strict';
import { ALWAYS_EXCLUDED } from '../../src/core/model/load-workspace';
import { nearMissProblems } from '../../src/core/model/near-miss-names';

const DEFAULTS = { include: ['**/*.spdf.yaml'], exclude: [] as string[] };

/** Each listed name, and whether it is a near miss (`model`, `config`) or not (`-`) under the default include. */
const NAMES: [string, 'model' | 'config' | '-'][] = [
  ['model.spdf.yaml', '-'],
  ['req/a.spdf.yaml', '-'],
  ['x .spdf.yaml', '-'],
  ['threats.spdf.yml', 'model'],
  ['Pump.SPDF.yaml', 'model'],
  ['req/Zones.Spdf.Yml', 'model'],
  ['model.spdf.yaml.txt', 'model'],
  ['model.spdf.yaml.bak', 'model'],
  ['model.spdf.yaml~', 'model'],
  ['model.spdf.yaml.yaml', 'model'],
  ['x.spdf .yaml', 'model'],
  ['x. spdf.yaml', 'model'],
  ['x.spdf.yaml ', 'model'],
  ['spdf.config.yaml', '-'],
  ['spdf.config.yml', 'config'],
  ['.spdf.config.yaml', 'config'],
  ['SPDF.Config.yaml', 'config'],
  ['spdf-config.yaml', 'config'],
  ['spdf.config.yaml.txt', 'config'],
  ['spdf.config.json', 'config'],
  ['sub/spdf.config.yml', '-'],
  ['spdf.lock.json', '-'],
  ['spdf.baseline.json', '-'],
  ['.github/workflows/spdf.yml', '-'],
  ['docs/spdf.yaml.md', '-'],
  ['x.spdf.yaml/readme.md', '-'],
  ['node_modules/pkg/a.spdf.yml', '-'],
  ['src/spdf_yaml.c', '-'],
];

describe('model and config file names spelt otherwise (TM013)', () => {
  for (const [name, kind] of NAMES)
    it(`${JSON.stringify(name)}: ${kind === '-' ? 'no near miss' : `a ${kind} near miss`}`, () => {
      const found = nearMissProblems([name], DEFAULTS, ALWAYS_EXCLUDED);
      assert.deepEqual(
        found.map((p) => `${p.code} ${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message.startsWith('named like the config') ? 'config' : 'model'}`),
        kind === '-' ? [] : [`TM013 ${name}:1:1 ${kind}`],
      );
    });

  it('a near miss an include glob matches is read, one exclude leaves out is not reported', () => {
    const config = { include: ['**/*.spdf.yaml', 'legacy/*.spdf.yml'], exclude: ['archive/**', 'spdf.config.yml'] };
    const files = ['legacy/a.spdf.yml', 'archive/b.spdf.yml', 'spdf.config.yml', 'other/c.spdf.yml'];
    assert.deepEqual(
      nearMissProblems(files, config, ALWAYS_EXCLUDED).map((p) => p.file),
      ['other/c.spdf.yml'],
    );
  });

  it('a config near miss says which settings apply instead', () => {
    const [alone] = nearMissProblems(['spdf.config.yml'], DEFAULTS, ALWAYS_EXCLUDED);
    const [beside] = nearMissProblems(['spdf.config.yaml', 'spdf.config.yml'], DEFAULTS, ALWAYS_EXCLUDED);
    assert.match(alone.message, /the defaults do\)\. Rename it to spdf\.config\.yaml/);
    assert.match(beside.message, /spdf\.config\.yaml's do\)\. Move them into spdf\.config\.yaml/);
  });
});
