// @spdf verifies SPDF-FC-NESTED-CONFIG
import assert from 'node:assert/strict';
import { ALWAYS_EXCLUDED } from '../../src/core/model/load-workspace';
import { nestedConfigProblems } from '../../src/core/model/nested-configs';

const DEFAULTS = { include: ['**/*.spdf.yaml'], exclude: [] as string[], testResults: [] as string[], code: { include: [] as string[], exclude: [] as string[] } };
type Globs = typeof DEFAULTS;

/** A listing, the root config's globs, and the nested configs reported (TM014), each at 1:1. */
const CASES: [string, string[], Partial<Globs>, string[]][] = [
  ['no nested config', ['spdf.config.yaml', 'model.spdf.yaml', 'sub/model.spdf.yaml'], {}, []],
  ['a nested config beside a model file the root reads', ['spdf.config.yaml', 'sub/spdf.config.yaml', 'sub/model.spdf.yaml'], {}, ['sub/spdf.config.yaml']],
  ['a nested config above a deeper model file', ['sub/spdf.config.yaml', 'sub/a/b/model.spdf.yaml'], {}, ['sub/spdf.config.yaml']],
  ['nested configs at two depths', ['a/spdf.config.yaml', 'a/b/spdf.config.yaml', 'a/b/m.spdf.yaml'], {}, ['a/b/spdf.config.yaml', 'a/spdf.config.yaml']],
  ['a nested config beside a file the code index may read (no code.include)', ['sub/spdf.config.yaml', 'sub/main.c'], {}, ['sub/spdf.config.yaml']],
  ['a nested config alone in its folder', ['model.spdf.yaml', 'sub/spdf.config.yaml'], {}, []],
  [
    'a nested config beside files no glob of the root reads',
    ['sub/spdf.config.yaml', 'sub/model.spdf.yaml', 'sub/main.c'],
    { include: ['req/**/*.spdf.yaml'], code: { include: ['src/**'], exclude: [] } },
    [],
  ],
  [
    'a nested config beside a test result the root reads',
    ['sub/spdf.config.yaml', 'sub/junit.xml'],
    { include: ['req/**'], testResults: ['sub/*.xml'], code: { include: ['src/**'], exclude: [] } },
    ['sub/spdf.config.yaml'],
  ],
  ['a nested config whose folder is excluded', ['sub/spdf.config.yaml', 'sub/model.spdf.yaml'], { exclude: ['sub/**'] }, []],
  ['a nested config excluded by name', ['sub/spdf.config.yaml', 'sub/model.spdf.yaml'], { exclude: ['sub/spdf.config.yaml'] }, []],
  [
    'a nested config whose files only code.exclude leaves out (its model file is read)',
    ['sub/spdf.config.yaml', 'sub/model.spdf.yaml'],
    { code: { include: [], exclude: ['sub/**'] } },
    ['sub/spdf.config.yaml'],
  ],
  ['a nested config under node_modules', ['node_modules/pkg/spdf.config.yaml', 'node_modules/pkg/m.spdf.yaml'], {}, []],
  ['a folder whose name ends like the config', ['xspdf.config.yaml/m.spdf.yaml', 'sub/myspdf.config.yaml', 'sub/m.spdf.yaml'], {}, []],
];

describe("a sub-project's spdf.config.yaml the run does not apply (TM014)", () => {
  for (const [name, files, globs, expected] of CASES)
    it(name, () => {
      const found = nestedConfigProblems(files, { ...DEFAULTS, ...globs }, ALWAYS_EXCLUDED, true);
      assert.deepEqual(
        found.map((p) => `${p.code} ${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}`).sort(),
        expected.map((f) => `TM014 ${f}:1:1`),
      );
    });

  it('names a file it reads there and which settings apply instead', () => {
    const files = ['sub/spdf.config.yaml', 'sub/a.spdf.yaml', 'sub/b.spdf.yaml'];
    const [withRoot] = nestedConfigProblems(files, DEFAULTS, ALWAYS_EXCLUDED, true);
    const [alone] = nestedConfigProblems(files, DEFAULTS, ALWAYS_EXCLUDED, false);
    assert.match(withRoot.message, /reads files under sub\/ \(sub\/a\.spdf\.yaml among them\) with the workspace root's spdf\.config\.yaml only/);
    assert.match(alone.message, /with the default settings \(no spdf\.config\.yaml at the workspace root\) only/);
    assert.match(withRoot.message, /`exclude` 'sub\/\*\*' .* or 'sub\/spdf\.config\.yaml'/);
  });
});
