import { nearest } from '../../suggest';
import { isRelation, RELATIONS, type Relation } from '../model';
import { nearMissMarkers } from './marker-near-miss';
import type { ScanState } from './scan-state';
import { idAfterList, lineEndOf, readIdList, readSticky, skipSpaces, tagSnippet, WORD } from './tag-text';

const RELATION_LIST = 'implements, verifies, mitigates or hazard';
const RELATION_FORMS: Readonly<Record<string, Relation>> = {
  impl: 'implements',
  implement: 'implements',
  implemented: 'implements',
  implementation: 'implements',
  implementing: 'implements',
  verify: 'verifies',
  verified: 'verifies',
  verification: 'verifies',
  test: 'verifies',
  tests: 'verifies',
  tested: 'verifies',
  mitigate: 'mitigates',
  mitigated: 'mitigates',
  mitigation: 'mitigates',
  hazards: 'hazard',
};

/** The relation a mistyped word most likely means, if any. */
export function suggestRelation(word: string): Relation | undefined {
  const lower = word.toLowerCase();
  if (isRelation(lower)) return lower;
  return RELATION_FORMS[lower] ?? (nearest(lower, RELATIONS) as Relation | undefined);
}

/** Reused by every scan (lastIndex reset first), as oft.ts does. */
const MARKER = /@spdf\b/gi;

export function scanSpdf(text: string, scan: ScanState): void {
  const re = MARKER;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    if (m[0] !== '@spdf') {
      const end = lineEndOf(text, start);
      scan.problem({
        kind: 'marker-case',
        message: `'${m[0]}' is not a tag marker: the marker is '@spdf' in lower case, so '${tagSnippet(text, start, end)}' links nothing`,
        start,
        end: start + m[0].length,
        suggestion: { start, end: start + m[0].length, text: '@spdf' },
      });
      scan.consume(start, end);
      re.lastIndex = end;
      continue;
    }
    const relAt = skipSpaces(text, start + m[0].length);
    const relation = readSticky(WORD, text, relAt);
    if (!relation) {
      scan.problem({ kind: 'malformed-tag', message: `'@spdf' needs a relation (${RELATION_LIST}) and an ID`, start, end: start + m[0].length });
      continue;
    }
    const relEnd = relAt + relation.length;
    const list = readIdList(text, relEnd);
    if (!isRelation(relation)) {
      const guess = suggestRelation(relation);
      scan.problem({
        kind: 'unknown-relation',
        message: `unknown relation '${relation}' (expected ${RELATION_LIST})${guess ? `; did you mean '${guess}'?` : ''}`,
        start,
        end: Math.max(relEnd, list.end),
        ...(guess ? { suggestion: { start: relAt, end: relEnd, text: guess } } : {}),
      });
      re.lastIndex = Math.max(relEnd, list.end);
      continue;
    }
    if (list.ids.length === 0) {
      scan.problem({ kind: 'malformed-tag', message: `'@spdf ${relation}' needs at least one ID`, start, end: relEnd });
      continue;
    }
    for (const { id, start: idStart } of list.ids) {
      scan.tags.push({ syntax: 'spdf', id, idStart, idEnd: idStart + id.length, relation, tagStart: start, tagEnd: list.end });
    }
    reportIdAfterList(text, list, scan);
    scan.consume(start, list.end);
    re.lastIndex = list.end;
  }
  scanNearMisses(text, scan);
}

/** `@spfd implements ID`: a marker misspelt by one edit reads no tag; reported (CL012) with the marker offered. */
function scanNearMisses(text: string, scan: ScanState): void {
  for (const { start, word } of nearMissMarkers(text)) {
    const end = start + 1 + word.length;
    scan.problem({
      kind: 'marker-near-miss',
      message: `'@${word}' is not a tag marker: did you mean '@spdf'? '${tagSnippet(text, start, lineEndOf(text, start))}' links nothing`,
      start,
      end,
      suggestion: { start, end, text: '@spdf' },
    });
    scan.consume(start, end);
  }
}

/** An ID written after the list with another separator than a comma (`idAfterList`): not read (CL008), with the comma offered. */
export function reportIdAfterList(text: string, list: ReturnType<typeof readIdList>, scan: ScanState): void {
  const after = idAfterList(text, list);
  if (!after) return;
  const { id, start, separator } = after;
  scan.problem({
    kind: 'malformed-tag',
    message: `'${id}' after the ID list is not read, so it links nothing: separate IDs with commas ('${list.ids[list.ids.length - 1].id}, ${id}')`,
    start,
    end: start + id.length,
    suggestion: { start: separator.start, end: separator.end, text: ', ' },
  });
}
