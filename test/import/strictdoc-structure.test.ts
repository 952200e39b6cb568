// @spdf verifies SPDF-CMD-IMPORT
/**
 * A StrictDoc document cut short or mis-nested (a `>>>` text never closed, a `[[SECTION]]` never ended, an end with no
 * start) is one StrictDoc refuses: the import reports it at its line, never reads it as a shorter document whose lost
 * elements nobody is told about.
 */
import assert from 'node:assert/strict';
import { parseStrictDoc } from '../../src/core/import/strictdoc';
import { importOutcome } from '../support/import-outcome';

const req = (uid: string) => `[REQUIREMENT]\nUID: ${uid}\nTITLE: Requirement ${uid}\nSTATEMENT: >>>\nThe pump does ${uid}.\n<<<\n`;
const HEAD = '[DOCUMENT]\nTITLE: Pump\n\n';

describe('StrictDoc structure: a document cut short or mis-nested is an error at its line', () => {
  for (const [name, text, ids, errors] of [
    ['a whole document', `${HEAD}[[SECTION]]\nTITLE: Dosing\n\n${req('R-1')}\n${req('R-2')}[[/SECTION]]\n`, ['R-1', 'R-2'], []],
    ['prose quoting an element inside a closed text', `${HEAD}[TEXT]\nSTATEMENT: >>>\n[REQUIREMENT]\nUID: FAKE\n<<<\n\n${req('R-1')}`, ['R-1'], []],
    [
      'a [TEXT] whose >>> is never closed: the requirements below it were swallowed',
      `${HEAD}${req('R-1')}\n[TEXT]\nSTATEMENT: >>>\nIntro without its end\n\n[REQUIREMENT]\nUID: R-2\nTITLE: Two\nSTATEMENT: one line\n`,
      ['R-1'],
      ["12:12 STATEMENT of [TEXT]: '>>>' is never closed by a '<<<' line; nothing below it was read"],
    ],
    ['a file cut inside a section', `${HEAD}[[SECTION]]\nTITLE: Dosing\n\n${req('R-1')}`, ['R-1'], ['4:1 [[SECTION]] is never closed by a [[/SECTION]] line: the file may be cut short']],
    [
      'nested sections, the inner one never closed',
      `${HEAD}[[SECTION]]\nTITLE: A\n\n[[SECTION]]\nTITLE: B\n\n${req('R-1')}[[/SECTION]]\n`,
      ['R-1'],
      ['4:1 [[SECTION]] is never closed by a [[/SECTION]] line: the file may be cut short'],
    ],
    ['an end with no start', `${HEAD}${req('R-1')}[[/SECTION]]\n`, ['R-1'], ['10:1 [[/SECTION]] closes no open [[SECTION]]; the document structure cannot be read']],
  ] as const)
    it(`${name}: ${ids.join(', ')}${errors.length ? ', and an error' : ''}`, () => {
      assert.deepEqual(importOutcome(parseStrictDoc('p.sdoc', text)), { ids, errors });
    });
});
