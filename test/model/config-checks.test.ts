// @spdf verifies SPDF-FC-CONFIG
import assert from 'node:assert/strict';
import { MemoryHost } from '../../src/core/host';
import { checkWorkspace } from '../../src/core/check';
import { loadWorkspace } from '../../src/core/model/load-workspace';
import { diffExpectations, parseMarkers } from '../support/markers';
import { CODE_LANGUAGE_IDS } from '../../src/core/model/config-def';
import { CODE_LANGUAGES } from '../../src/core/codelinks/languages';

const FIXTURE = `rules:
  XX999: off
# ^^^^^ TM008
  TMO02: warning
# ^^^^^ TM008
  dangling-refrence: off
# ^^^^^^^^^^^^^^^^^ TM008
  TM001: error
  schema-violation: warning
  tm003: info
include:
  - "**/*.spdf.yaml"
  - "{models,extra/**/*.spdf.yaml"
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ TM008
  - ""
#   ^^ TM008
exclude: ["/abs/**", "../up/**", "gen\\\\model\\\\*.yaml", "a/[z-a]", "ok/**"]
#         ^^^^^^^^^ TM008
#                    ^^^^^^^^^^ TM008
#                                ^^^^^^^^^^^^^^^^^^^^ TM008
#                                                      ^^^^^^^^^ TM008
code:
  test_globs: ["**/test/**", "tests\\\\unit", "spec\\\\*"]
#                            ^^^^^^^^^^^^^ TM008
  languages: {".inl": cpp, ".kt": off, ".cob": cobol}
#                                              ^^^^^ TM006
test_results: ["build/**/*.xml"]
`;

/** Every finding about the config file: the loader's (globs) and the rules engine's (rule keys). */
async function configFindings(text: string) {
  const { result } = await checkWorkspace(
    new MemoryHost(
      new Map([
        ['spdf.config.yaml', text],
        ['m.spdf.yaml', 'requirements: []\n'],
      ]),
    ),
  );
  return result.findings.filter((f) => f.file === 'spdf.config.yaml');
}

describe('config values: check.min_coverage is a percentage', () => {
  // [value as written, whether it is refused]
  const CASES: [string, boolean][] = [
    ['0.95', true],
    ['0.5', true],
    ['.8', true],
    ['0', false],
    ['1', false],
    ['80', false],
    ['99.5', false],
    ['100', false],
  ];
  for (const [value, refused] of CASES)
    it(`min_coverage: ${value} ${refused ? 'is refused (a fraction, not a percentage)' : 'is accepted'}`, async () => {
      const text = `check:\n  min_coverage: ${value}\n`;
      const found = (await configFindings(text)).map((f) => `${f.code} ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`);
      const meant = { '0.95': 95, '0.5': 50, '.8': 80 }[value];
      assert.deepEqual(
        found,
        refused ? [`TM008 2:17 check.min_coverage: ${Number(value)} is ${Number(value)} %, not ${meant} %: the value is a percentage (0..100); write ${meant} for ${meant} %`] : [],
      );
    });
});

describe('config values: check.min_coverage outside 0..100 or not a number', () => {
  // [value as written, the TM008 message at the value]; YAML's NaN (.nan, .NaN, .NAN) is a float no range holds.
  const CASES: [string, string][] = [
    ['-1', 'min_coverage must be between 0 and 100, not -1'],
    ['1000', 'min_coverage must be between 0 and 100, not 1000'],
    ['.inf', 'min_coverage must be between 0 and 100, not Infinity'],
    ['-.inf', 'min_coverage must be between 0 and 100, not -Infinity'],
    ['abc', 'min_coverage must be a number'],
    ["'80'", 'min_coverage must be a number'],
    ['.nan', 'min_coverage must be a number, not .nan (not a number)'],
    ['.NaN', 'min_coverage must be a number, not .nan (not a number)'],
    ['.NAN', 'min_coverage must be a number, not .nan (not a number)'],
  ];
  for (const [value, message] of CASES)
    it(`min_coverage: ${value} is TM008 at the value, a load problem of the config`, async () => {
      const text = `check:\n  min_coverage: ${value}\n`;
      const found = (await configFindings(text)).map((f) => `${f.code} ${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.character + 1} ${f.message}`);
      assert.deepEqual(found, [`TM008 2:17-${17 + value.length} ${message}`]);
      const { graph } = await loadWorkspace(new MemoryHost(new Map([['spdf.config.yaml', text]])));
      assert.deepEqual(
        graph.problems.map((p) => `${p.code} ${p.file}`),
        ['TM008 spdf.config.yaml'],
      );
    });
});

describe('config values: rule codes and globs', () => {
  it('reports unknown rule codes and aliases and bad globs at their spans', async () => {
    assert.deepEqual(diffExpectations(parseMarkers('spdf.config.yaml', FIXTURE), await configFindings(FIXTURE)), []);
  });

  it('suggests the nearest rule code or alias', async () => {
    const messages = (await configFindings(FIXTURE)).map((p) => p.message);
    assert.ok(messages.includes("unknown rule 'TMO02' (did you mean 'TM002'?); the setting is ignored (spdf rules lists codes and aliases)"), messages.join('\n'));
    assert.ok(
      messages.some((m) => m.startsWith("unknown rule 'dangling-refrence' (did you mean 'dangling-reference'?)")),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m) => m.startsWith("unknown rule 'XX999'; ")),
      messages.join('\n'),
    );
  });

  it('applies a rule setting written with a lower-case code', async () => {
    const files = new Map<string, string>([
      ['spdf.config.yaml', 'rules:\n  tm002: off\n'],
      ['m.spdf.yaml', 'threats:\n  - id: THR-001\n    title: T\n    controls: [CTRL-9]\n'],
    ]);
    const { result } = await checkWorkspace(new MemoryHost(files));
    assert.deepEqual(
      result.findings.filter((f) => f.code === 'TM002'),
      [],
    );
  });

  /** A glob that matches no workspace file: TM008 at its span (the marker), so a typo cannot leave input unread unseen. */
  const UNMATCHED_GLOBS: { name: string; config: string; files: [string, string][]; message: string }[] = [
    {
      name: 'include',
      config: 'include:\n  - "model/**/*.spdf.yaml"\n  - "modles/**/*.spdf.yaml"\n#   ^^^^^^^^^^^^^^^^^^^^^^^ TM008\n',
      files: [],
      message: "include: glob 'modles/**/*.spdf.yaml' matches no file, so no model file is read through it",
    },
    {
      name: 'code.include',
      config: 'code:\n  include:\n    - "src/**"\n    - "firmwre/**"\n#     ^^^^^^^^^^^^ TM008\n',
      files: [['src/main.c', 'int main(void) { return 0; }\n']],
      message: "code.include: glob 'firmwre/**' matches no file, so no source file is read through it",
    },
  ];
  for (const c of UNMATCHED_GLOBS)
    it(`reports a glob of ${c.name} that matches no workspace file at its span, and loads the rest`, async () => {
      const ws = await loadWorkspace(new MemoryHost(new Map([['spdf.config.yaml', c.config], ['model/m.spdf.yaml', 'requirements:\n  - id: SEC-REQ-001\n    title: t\n'], ...c.files])));
      const found = ws.graph.problems.filter((p) => p.file === 'spdf.config.yaml');
      assert.deepEqual(diffExpectations(parseMarkers('spdf.config.yaml', c.config), found), []);
      assert.equal(found[0].message, c.message);
      assert.ok(ws.graph.byId.has('SEC-REQ-001'), `loaded: ${[...ws.graph.byId.keys()].join(', ')}`);
    });

  it('fails instead of passing when an include glob can match nothing', async () => {
    for (const include of ['"{a,b"', '""']) {
      const files = new Map<string, string>([
        ['spdf.config.yaml', `include: [${include}]\n`],
        ['m.spdf.yaml', 'requirements:\n  - id: SEC-REQ-001\n    title: t\n'],
      ]);
      const { result } = await checkWorkspace(new MemoryHost(files));
      assert.ok(
        result.findings.some((f) => f.code === 'TM008' && f.file === 'spdf.config.yaml' && f.severity === 'error'),
        `${include}: ${JSON.stringify(result.findings.map((f) => `${f.code} ${f.severity} ${f.file}`))}`,
      );
    }
  });
});

describe('config lists that would empty out the evidence', () => {
  /** An empty list that reads no model file or finds no tag: TM008 at the list (the marker); the others are quiet. */
  const CASES: { name: string; config: string; message?: string }[] = [
    { name: 'include: []', config: 'include: []\n#        ^^ TM008\n', message: "include: the list is empty, so no model file is read; remove the key for the default ['**/*.spdf.yaml']" },
    {
      name: 'code.tag_syntaxes: []',
      config: 'code:\n  tag_syntaxes: []\n#               ^^ TM008\n',
      message: 'code.tag_syntaxes: the list is empty and no code.tag_patterns or code.call_tags is set, so no tag is found and every code link is lost; remove the key for the default [spdf]',
    },
    { name: 'code.tag_syntaxes: [] beside code.tag_patterns', config: "code:\n  tag_syntaxes: []\n  tag_patterns:\n    - pattern: 'satisfies (?<id>[A-Z]+-[0-9]+)'\n      relation: implements\n" },
    { name: 'code.tag_syntaxes: [] beside code.call_tags', config: 'code:\n  tag_syntaxes: []\n  call_tags:\n    - names: [requirement]\n      relation: verifies\n' },
    { name: 'exclude: [] and test_results: [] (the defaults)', config: 'exclude: []\ntest_results: []\ncode:\n  exclude: []\n' },
  ];
  for (const c of CASES)
    it(`${c.name}: ${c.message ? 'TM008 at the list' : 'no finding'}`, async () => {
      const ws = await loadWorkspace(
        new MemoryHost(
          new Map([
            ['spdf.config.yaml', c.config],
            ['m.spdf.yaml', 'requirements:\n  - id: SEC-REQ-001\n    title: t\n'],
          ]),
        ),
      );
      const found = ws.graph.problems.filter((p) => p.file === 'spdf.config.yaml');
      assert.deepEqual(diffExpectations(parseMarkers('spdf.config.yaml', c.config), found), []);
      assert.deepEqual(
        found.map((p) => p.message),
        c.message ? [c.message] : [],
      );
    });

  it('code.test_globs: [] means the default test globs everywhere (the code index took it as "no test file")', async () => {
    const ws = await loadWorkspace(new MemoryHost(new Map([['spdf.config.yaml', 'code:\n  test_globs: []\n']])));
    assert.ok(ws.config.code.testGlobs.includes('**/test/**'), JSON.stringify(ws.config.code.testGlobs));
  });
});

describe('config cannot silence unread input', () => {
  it('TM000 and TM009 stay errors when the config turns them off, and the setting is reported', async () => {
    const config = 'rules:\n  TM000: off\n# ^^^^^ TM008\n  file-unreadable: warning\n# ^^^^^^^^^^^^^^^ TM008\n';
    const files = new Map<string, string | Uint8Array>([
      ['spdf.config.yaml', config],
      ['bad.spdf.yaml', 'requirements:\n  - id: [\n'],
      ['utf16.spdf.yaml', new Uint8Array([0xff, 0xfe, 0x61, 0x00])],
    ]);
    const { result } = await checkWorkspace(new MemoryHost(files));
    const unread = result.findings.filter((f) => f.code === 'TM000' || f.code === 'TM009');
    assert.deepEqual([...new Set(unread.map((f) => `${f.code} ${f.severity}`))].sort(), ['TM000 error', 'TM009 error']);
    const onConfig = result.findings.filter((f) => f.file === 'spdf.config.yaml');
    assert.deepEqual(diffExpectations(parseMarkers('spdf.config.yaml', config), onConfig), []);
    for (const f of onConfig) assert.match(f.message, /is always an error; the setting is ignored$/);
  });
});

describe('code.languages values', () => {
  it('are the code index languages, listed again in the model layer', () => {
    assert.deepEqual([...CODE_LANGUAGE_IDS].sort(), [...CODE_LANGUAGES].sort());
  });
});
