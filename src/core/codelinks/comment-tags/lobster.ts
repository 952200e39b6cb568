// @spdf implements SPDF-FC-TAGS
import type { Relation } from '../model';
import type { ScanState } from './scan-state';
import { reportIdAfterList } from './spdf';
import { lineEndOf, readIdList, tagSnippet } from './tag-text';

export function scanLobster(text: string, contextual: Relation, scan: ScanState): void {
  const re = /lobster-(trace|exclude):/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    const after = start + m[0].length;
    const marker = m[0].toLowerCase();
    if (m[0] !== marker) {
      const end = lineEndOf(text, after);
      scan.problem({
        kind: 'marker-case',
        message: `'${m[0]}' is not a LOBSTER marker: the marker is '${marker}' in lower case, so '${tagSnippet(text, start, end)}' ${m[1].toLowerCase() === 'exclude' ? 'excludes' : 'links'} nothing`,
        start,
        end: after,
        suggestion: { start, end: after, text: marker },
      });
      scan.consume(start, end);
      re.lastIndex = end;
      continue;
    }
    if (m[1] === 'exclude') {
      const raw = text.slice(after, lineEndOf(text, after));
      const reason = raw.replace(/\s*(?:\*\/|-->)\s*$/, '').trim();
      const end = after + raw.length;
      if (!reason) scan.problem({ kind: 'malformed-tag', message: 'lobster-exclude needs a reason', start, end });
      else {
        scan.consume(start, end);
        scan.exclusions.push({ reason, start, end });
      }
      continue;
    }
    const list = readIdList(text, after);
    if (list.ids.length === 0) {
      scan.problem({ kind: 'malformed-tag', message: 'lobster-trace needs an ID', start, end: after });
      continue;
    }
    scan.consume(start, list.end);
    for (const { id, start: idStart } of list.ids) {
      scan.tags.push({ syntax: 'lobster', id, idStart, idEnd: idStart + id.length, relation: contextual, tagStart: start, tagEnd: list.end });
    }
    reportIdAfterList(text, list, scan);
  }
}
