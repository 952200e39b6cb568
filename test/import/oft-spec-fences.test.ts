// @spdf verifies SPDF-CMD-IMPORT
/**
 * An OpenFastTrace Markdown file whose code fence is never closed is code to its end (CommonMark): item IDs below the
 * fence are not read. With such an ID there, the file was most likely cut short or lost its closing fence, so the
 * import reports it at the fence instead of succeeding with fewer items.
 */
import assert from 'node:assert/strict';
import { parseOftSpec } from '../../src/core/import/oft-spec';
import { importOutcome } from '../support/import-outcome';

const ONE = '# Spec\n\n### One\n`req~one~1`\n\nText one.\n';
const TWO = '### Two\n`req~two~1`\n\nText two.\n';

describe('OpenFastTrace Markdown: a code fence never closed', () => {
  for (const [name, text, ids, errors] of [
    ['a closed fence with an ID example in it', `${ONE}\n\`\`\`\nreq~example~1\n\`\`\`\n\n${TWO}`, ['req~one~1', 'req~two~1'], []],
    ['a fence never closed, with no item ID below it', `${ONE}\n\`\`\`\nsome code\n`, ['req~one~1'], []],
    [
      'a fence never closed, items below it',
      `${ONE}\n\`\`\`\nexample\n\n${TWO}`,
      ['req~one~1'],
      ["8:1 code fence '```' is never closed: the rest of the file is code, so the items below it (first: req~two~1 at line 12) were not read; close the fence"],
    ],
    [
      'a ~~~ fence closed by ``` is not closed',
      `${ONE}\n~~~\nexample\n\`\`\`\n\n${TWO}`,
      ['req~one~1'],
      ["8:1 code fence '~~~' is never closed: the rest of the file is code, so the items below it (first: req~two~1 at line 13) were not read; close the fence"],
    ],
    [
      'an indented fence',
      `${ONE}\n  \`\`\`\`\nexample\n\`\`\`\n${TWO}`,
      ['req~one~1'],
      ["8:3 code fence '````' is never closed: the rest of the file is code, so the items below it (first: req~two~1 at line 12) were not read; close the fence"],
    ],
  ] as const)
    it(`${name}: ${ids.join(', ')}${errors.length ? ', and an error at the fence' : ''}`, () => {
      assert.deepEqual(importOutcome(parseOftSpec('s.md', text)), { ids, errors });
    });
});
