import assert from 'node:assert/strict';
import { checkWorkspace } from '../../src/core/check';
import { mightContainTags } from '../../src/core/codelinks/prefilter';
import { MemoryHost } from '../../src/core/host';
import { resolveConfig } from '../../src/core/model/config';
import { tagSyntaxOptions } from '../../src/node/workspace';

const at = (p: { file: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }) =>
  `${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}-${p.range.end.line + 1}:${p.range.end.character + 1}`;

describe('spdf.config.yaml: tag conventions (tag_patterns, call_tags, oft_ids, id_normalize)', () => {
  it('reports an unusable tag pattern and a relation group without a relations map at the pattern (TM008)', async () => {
    const config = [
      'code:',
      '  tag_patterns:',
      '    - pattern: "(?<=Covers: )REQ-\\\\d+"',
      '    - pattern: "(?P<relation>\\\\w+): (?P<ids>REQ-\\\\d+)"',
      '    - pattern: "x*"',
      '    - pattern: "Covers: (?P<ids>REQ-\\\\d+)"',
      '',
    ].join('\n');
    const ws = await checkWorkspace(
      new MemoryHost(
        new Map([
          ['spdf.config.yaml', config],
          ['m.spdf.yaml', 'requirements:\n  - id: REQ-1\n    title: t\n'],
        ]),
      ),
    );
    const problems = ws.result.findings.filter((f) => f.file === 'spdf.config.yaml').map((f) => `${f.code} ${at(f)}`);
    assert.deepEqual(problems, ['TM008 spdf.config.yaml:3:16-3:39', 'TM008 spdf.config.yaml:4:16-4:55', 'TM008 spdf.config.yaml:5:16-5:20']);
  });

  it('hands every convention to the code index', () => {
    const config = [
      'code:',
      '  oft_ids: full',
      '  id_normalize: { replace: { "_": "-" }, case: upper }',
      '  tag_patterns:',
      '    - { pattern: "Covers: (?P<ids>.+)", relation: implements, id_separator: ";" }',
      '  call_tags:',
      '    - { names: [RecordProperty], argument: 2, relation_argument: 1, relations: { Verifies: verifies } }',
      '    - { names: [] }',
      '',
    ].join('\n');
    const { config: resolved, problems } = resolveConfig(new TextEncoder().encode(config));
    assert.deepEqual(problems, []);
    assert.deepEqual(tagSyntaxOptions(resolveConfig(new TextEncoder().encode(config), false).config).tagPatterns, resolved.code.tagPatterns, 'kept in an untrusted workspace');
    const options = tagSyntaxOptions(resolved);
    assert.deepEqual(
      { oftIds: options.oftIds, idNormalize: options.idNormalize, tagPatterns: options.tagPatterns, callTags: options.callTags },
      {
        oftIds: 'full',
        idNormalize: { replace: { _: '-' }, case: 'upper' },
        tagPatterns: [{ pattern: 'Covers: (?P<ids>.+)', relation: 'implements', idSeparator: ';' }],
        callTags: [{ names: ['RecordProperty'], argument: 2, relationArgument: 1, relations: { Verifies: 'verifies' } }],
      },
    );
  });

  it('parses a file whose only tags are a configured call or comment pattern (the prefilter does not skip it)', () => {
    const call = 'void t(void) { REQUIREMENT("AL-1"); }\n';
    const pattern = '// Covers: AL-1\nvoid f(void) {}\n';
    assert.equal(mightContainTags(call, { callTags: [{ names: ['REQUIREMENT'] }] }), true);
    assert.equal(mightContainTags(call, {}), false);
    assert.equal(mightContainTags(pattern, { tagPatterns: [{ pattern: 'Covers: (?P<ids>.+)' }] }), true);
    assert.equal(mightContainTags(pattern, {}), false);
  });
});
