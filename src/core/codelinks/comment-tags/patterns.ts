import { nearest } from '../../suggest';
import type { Relation } from '../model';
import type { CompiledTagSyntaxes } from '../tag-syntaxes';
import type { CommentScan, ScanState } from './scan-state';
import { splitIds, tagSnippet } from './tag-text';

/** `code.tag_patterns`: the team's own regexes with named groups `ids` and `relation`. */
export function scanTagPatterns(text: string, syntaxes: CompiledTagSyntaxes, contextual: Relation, scan: ScanState): void {
  for (const tp of syntaxes.tagPatterns) {
    const { pattern } = tp;
    for (const m of pattern.groupMatches(text)) {
      if (scan.overlaps(m.start, m.end)) continue;
      const rel = m.groups.relation;
      let relation = tp.relation ?? contextual;
      if (rel && tp.relations) {
        const word = text.slice(rel.start, rel.end);
        const mapped = Object.hasOwn(tp.relations, word) ? tp.relations[word] : undefined;
        if (!mapped) {
          const known = Object.keys(tp.relations);
          const guess = nearest(word, known);
          scan.problem({
            kind: 'unknown-relation',
            message: `'${word}' maps to no relation in the tag pattern's relations (known: ${known.join(', ')})${guess ? `; did you mean '${guess}'?` : ''}`,
            start: m.start,
            end: m.end,
            ...(guess ? { suggestion: { start: rel.start, end: rel.end, text: guess } } : {}),
          });
          continue;
        }
        relation = mapped;
      }
      const group = pattern.groupNames.includes('ids') ? m.groups.ids : m;
      const ids = group ? splitIds(text, group.start, group.end, tp.idSeparator) : [];
      if (!ids.length) {
        scan.problem({ kind: 'malformed-tag', message: `'${tagSnippet(text, m.start, m.end)}' matches a tag pattern but names no ID`, start: m.start, end: m.end });
        continue;
      }
      scan.consume(m.start, m.end);
      for (const { id, start } of ids) {
        scan.tags.push({ syntax: 'pattern', id, idStart: start, idEnd: start + id.length, relation, tagStart: m.start, tagEnd: m.end });
      }
    }
  }
}

/** `code.bare_id_patterns`: any match inside a comment not already read as another tag. */
export function scanBare(text: string, syntaxes: CompiledTagSyntaxes, contextual: Relation, scan: CommentScan, consumed: [number, number][]): void {
  const overlaps = (s: number, e: number) => consumed.some(([cs, ce]) => s < ce && e > cs);
  for (const pattern of syntaxes.barePatterns) {
    for (const { start, end } of pattern.matches(text)) {
      if (overlaps(start, end)) continue;
      consumed.push([start, end]);
      scan.tags.push({ syntax: 'bare', id: text.slice(start, end), idStart: start, idEnd: end, relation: contextual, tagStart: start, tagEnd: end });
    }
  }
}
