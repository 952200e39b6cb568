// @spdf verifies SPDF-LSP-VIEWS
/** The requirements tree does not look complete when inputs were not read: an INCOMPLETE node leads each root. */
import assert from 'node:assert/strict';
import { problemNodes, problemsText, problemText, rootDescription, rootNodes, rowTooltip } from '../../src/extension/tree-nodes';
import type { TraceRow, TreeDataResult } from '../../src/protocol';

const at = { uri: 'file:///w/spdf.config.yaml', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
const row = (id: string, status: TraceRow['status']): TraceRow => ({ id, kind: 'requirement', title: id, status, reason: 'complete', location: at, zones: [], children: [] });
const data = (problems?: TreeDataResult['problems']): TreeDataResult => ({
  rows: [row('REQ-001', 'OK'), row('REQ-002', 'MISSING')],
  coverage: { percent: 50, total: 2, byStatus: { OK: 1, PARTIAL: 0, MISSING: 1, SUSPECT: 0, JUSTIFIED: 0, ERROR: 0 } },
  zones: [],
  problems,
});

describe('requirements tree: input problems', () => {
  it('shows only the status groups, worst first, when every input was read', () => {
    assert.deepEqual(
      rootNodes(data([]), undefined).map((n) => (n.type === 'group' ? n.status : n.type)),
      ['MISSING', 'OK'],
    );
    assert.deepEqual(
      rootNodes(data(), undefined).map((n) => n.type),
      ['group', 'group'],
    );
  });

  it('a root node (several roots) says INCOMPLETE before its coverage when inputs were not read', () => {
    assert.equal(rootDescription(data([])), '50% of 2');
    assert.equal(rootDescription(data([{ message: 'spdf.lock.json is not valid JSON' }])), 'INCOMPLETE · 50% of 2');
    assert.equal(rootDescription(undefined), undefined);
  });

  it('leads with a node counting the inputs not read, whose children open their places', () => {
    const problems = [
      { message: 'model/broken.spdf.yaml:3:12: TM000 YAML syntax error', location: { ...at, uri: 'file:///w/model/broken.spdf.yaml' } },
      { message: 'spdf.lock.json is not valid JSON' },
    ];
    const nodes = rootNodes(data(problems), '/w');
    assert.deepEqual(
      nodes.map((n) => n.type),
      ['problems', 'group', 'group'],
    );
    const top = nodes[0];
    assert.ok(top.type === 'problems');
    assert.deepEqual(problemsText(top.problems).label, '2 inputs not read or not understood');
    assert.match(problemsText(top.problems).tooltip, /^INCOMPLETE: 2 input problems/);
    const children = problemNodes(top);
    assert.deepEqual(
      children.map((c) => (c.type === 'problem' ? [c.problem.location?.uri, c.root] : [])),
      [
        ['file:///w/model/broken.spdf.yaml', '/w'],
        [undefined, '/w'],
      ],
    );
    assert.deepEqual(problemText(problems[0]), { label: 'model/broken.spdf.yaml:3:12', description: 'TM000 YAML syntax error' });
    assert.deepEqual(problemText(problems[1]), { label: 'spdf.lock.json is not valid JSON', description: '' });
    assert.deepEqual(problemText({ message: 'model/outside.spdf.yaml: symbolic link out of the root' }), { label: 'model/outside.spdf.yaml', description: 'symbolic link out of the root' });
  });
});

describe('requirements tree: row tooltips render model text as text', () => {
  // Titles (and zones, reasons) a model may hold: none may add HTML, a link, a line or a block to the tooltip.
  const HOSTILE = [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '</style>',
    '[x](javascript:alert(1))',
    '![x](https://attacker.invalid/pixel.png)',
    '[Mark reviewed](command:spdf.markReviewed)',
    '<https://attacker.invalid>',
    "{{constructor.constructor('alert(1)')()}}",
    'one\n\n**SEC-REQ-9** · requirement · OK',
    'a\r\n# heading\r---',
    '# heading',
    '- list item',
    '+ list item',
    '1. numbered',
    '2) numbered',
    '> quote',
    '    indented code',
    '\tindented code',
    '```fence',
    '| pipe | table |',
    '&lt;b&gt; entity',
    '=== setext',
    '\\[x](y)',
  ];
  /** Reverses mdCell: backslash escapes, then the three entities. */
  const unescape = (t: string) => t.replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  for (const text of HOSTILE)
    it(`shows ${JSON.stringify(text)} as text, in its own paragraph`, () => {
      const r: TraceRow = { ...row('REQ-1', 'MISSING'), title: text, reason: `reason ${text}`, zones: [text, 'Z-2'] };
      const tooltip = rowTooltip(r, undefined);
      const paragraphs = tooltip.split('\n\n');
      assert.equal(paragraphs.length, 4, tooltip);
      for (const p of paragraphs) assert.doesNotMatch(p, /[<>\n\r]|(?<!\\)\]\(|^ {4}|^\t/, p);
      assert.doesNotMatch(paragraphs[1], /^([#>+\-=`]|\d+[.)])/, paragraphs[1]);
      assert.equal(unescape(paragraphs[1]), text.replace(/\r\n|\r|\n/g, ' ').trimStart());
      assert.equal(unescape(paragraphs[2]), `reason ${text.replace(/\r\n|\r|\n/g, ' ')}`);
      assert.ok(paragraphs[3].startsWith('Zones: '), paragraphs[3]);
      assert.equal(paragraphs[0], '**REQ-1** · requirement · MISSING');
    });

  it('says what is missing when the row is not complete', () => {
    assert.equal(rowTooltip({ ...row('R', 'MISSING'), zones: [], hazardSeverity: 4 }, 'no test [x](y)').split('\n\n')[2], '**Missing:** no test \\[x\\](y)');
    assert.match(rowTooltip({ ...row('R', 'MISSING'), zones: [], hazardSeverity: 4 }, undefined), /\n\nHazard severity: 4$/);
  });
});
