// @spdf verifies SPDF-TM-001
import assert from 'node:assert/strict';
import { lintFiles } from '../support/workspace';

const MODEL = 'requirements:\n  - id: REQ-1\n    title: Stop\n    text: The pump shall stop.\n';

/** What each content of `e.spdf.yaml` gives: a file that defines nothing is one warning at 1:1, whatever its spelling. */
const CASES: [string, string, string[]][] = [
  ['an empty file', '', ['TM015 warning 1:1']],
  ['blank lines', '\n\n  \n', ['TM015 warning 1:1']],
  ['comments only', '# to be written\n', ['TM015 warning 1:1']],
  ['a document marker only', '---\n', ['TM015 warning 1:1']],
  ['document markers and comments', '--- # threats\n...\n', ['TM015 warning 1:1']],
  ['an empty mapping', '{}\n', ['TM015 warning 1:1']],
  ['a written null (a value, not a mapping)', '~\n', ['TM000 error 1:1']],
  ['a list', '- a\n', ['TM000 error 1:1']],
  ['an empty section', 'requirements: []\n', []],
  ['content, then an empty document', 'hazards: []\n---\n', []],
];

describe('a model file that defines nothing', () => {
  for (const [name, text, expected] of CASES)
    it(`${name}: ${expected.join(', ') || 'no finding'}`, async () => {
      const { result } = await lintFiles({ 'm.spdf.yaml': MODEL, 'e.spdf.yaml': text });
      const found = result.findings.filter((f) => f.file === 'e.spdf.yaml' && f.code.startsWith('TM')).map((f) => `${f.code} ${f.severity} ${f.range.start.line + 1}:${f.range.start.character + 1}`);
      assert.deepEqual(found, expected);
    });
});
