// @spdf verifies SPDF-LSP-ACTIONS
/**
 * "Insert tag" applied the server's edit whatever happened to the document meanwhile, so an edit made during the
 * pick or while the server answered put the tag on the wrong line. The edit lands only on the version it was made for.
 */
import assert from 'node:assert/strict';
import { insertTagIfUnchanged, type InsertTagOutcome } from '../../src/extension/insert-tag';

const URI = 'file:///w/src/a.c';

interface Case {
  title: string;
  /** Version when the line was chosen; versions seen before and after the server's answer (undefined: not open). */
  before: number | undefined;
  during: number | undefined;
  after: number | undefined;
  answer: { uri: string; edit: string } | null;
  applies?: boolean;
  expected: InsertTagOutcome;
}

const CASES: Case[] = [
  { title: 'an unchanged open document gets the tag', before: 3, during: 3, after: 3, answer: { uri: URI, edit: 'tag' }, expected: 'inserted' },
  { title: 'a closed document gets the tag', before: undefined, during: undefined, after: undefined, answer: { uri: URI, edit: 'tag' }, expected: 'inserted' },
  { title: 'an edit during the pick refuses it', before: 3, during: 4, after: 4, answer: { uri: URI, edit: 'tag' }, expected: 'changed' },
  { title: 'an edit while the server answered refuses it', before: 3, during: 3, after: 4, answer: { uri: URI, edit: 'tag' }, expected: 'changed' },
  { title: 'a document opened meanwhile refuses it', before: undefined, during: undefined, after: 1, answer: { uri: URI, edit: 'tag' }, expected: 'changed' },
  { title: 'an edit for another file refuses it', before: 3, during: 3, after: 3, answer: { uri: 'file:///w/src/b.c', edit: 'tag' }, expected: 'changed' },
  { title: 'no edit from the server changes nothing', before: 3, during: 3, after: 3, answer: null, expected: 'no-edit' },
  { title: 'an edit the editor did not apply is said so', before: 3, during: 3, after: 3, answer: { uri: URI, edit: 'tag' }, applies: false, expected: 'not-applied' },
];

describe('Insert tag lands only on the version it was made for', () => {
  for (const c of CASES)
    it(c.title, async () => {
      let answered = false;
      const applied: string[] = [];
      const warnings: string[] = [];
      const outcome = await insertTagIfUnchanged(URI, c.before, {
        versionOf: () => (answered ? c.after : c.during),
        request: () => {
          answered = true;
          return Promise.resolve(c.answer);
        },
        apply: (uri, edit) => {
          applied.push(`${uri} ${edit}`);
          return Promise.resolve(c.applies ?? true);
        },
        warn: (m) => warnings.push(m),
      });
      assert.equal(outcome, c.expected);
      const lands = c.expected === 'inserted' || c.expected === 'not-applied';
      assert.deepEqual(applied, lands ? [`${c.answer!.uri} ${c.answer!.edit}`] : []);
      assert.equal(warnings.length, c.expected === 'changed' ? 1 : 0);
    });
});
