// @spdf implements SPDF-FC-TAGS
import { nearest } from '../../suggest';
import { isRelation, type Relation, type StrictDocScope } from '../model';
import type { RawTagProblem, ScanState } from './scan-state';
import { ID, lineEndOf, readSticky, tagSnippet } from './tag-text';

const STRICTDOC_SCOPES: ReadonlySet<string> = new Set<StrictDocScope>(['function', 'method', 'class', 'file', 'line', 'range_start', 'range_end']);
const ROLE_RELATIONS: Readonly<Record<string, Relation>> = {
  test: 'verifies',
  tests: 'verifies',
  verification: 'verifies',
  verify: 'verifies',
  implementation: 'implements',
  implement: 'implements',
  mitigation: 'mitigates',
};

/** A StrictDoc argument list: an ID first, or a `scope=`/`role=` key (not another annotation's, like Room's `@Relation(parentColumn = ...)`). */
const STRICTDOC_ARGS = /^\s*(?:[\w.~:-]+\s*(?:[,)]|$)|(?:scope|role)\s*=)/i;

export function scanStrictDoc(text: string, contextual: Relation, scan: ScanState): void {
  const re = /@relation\(/gi;
  // The line's end and the next ')' are found once per line and per ')', not per marker: a line of markers was quadratic.
  let lineEnd = -1;
  let nextClose = -2;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    if (start > lineEnd) lineEnd = lineEndOf(text, start);
    if (m[0] !== '@relation(') {
      const after = start + m[0].length;
      if (STRICTDOC_ARGS.test(text.slice(after, lineEnd)))
        scan.problem({
          kind: 'marker-case',
          message: `'${m[0]}' is not a StrictDoc marker: the marker is '@relation(' in lower case, so '${tagSnippet(text, start, lineEnd)}' links nothing`,
          start,
          end: after - 1,
          suggestion: { start, end: after - 1, text: '@relation' },
        });
      scan.consume(start, lineEnd);
      re.lastIndex = lineEnd;
      continue;
    }
    if (nextClose !== -1 && nextClose < start) nextClose = text.indexOf(')', start);
    const close = nextClose;
    if (close === -1 || close > lineEnd) {
      scan.problem({ kind: 'malformed-tag', message: "'@relation(' is not closed with ')' on the same line", start, end: lineEnd });
      continue;
    }
    const end = close + 1;
    re.lastIndex = end;
    let pos = start + '@relation('.length;
    const ids: { id: string; start: number }[] = [];
    let scope: StrictDocScope | undefined;
    let role: string | undefined;
    const errors: string[] = [];
    let suggestion: RawTagProblem['suggestion'];
    for (const part of text.slice(pos, close).split(',')) {
      const lead = part.length - part.trimStart().length;
      const value = part.trim();
      const at = pos + lead;
      pos += part.length + 1;
      if (!value) continue;
      const eq = value.indexOf('=');
      if (eq < 0) {
        if (readSticky(ID, value, 0) === value) ids.push({ id: value, start: at });
        else errors.push(`'${value}' is not an ID`);
        continue;
      }
      const key = value.slice(0, eq).trim();
      const v = value.slice(eq + 1).trim();
      if (key === 'scope') {
        if (STRICTDOC_SCOPES.has(v)) scope = v as StrictDocScope;
        else {
          const guess = nearest(v, STRICTDOC_SCOPES);
          const vAt = at + value.lastIndexOf(v);
          if (guess) suggestion = { start: vAt, end: vAt + v.length, text: guess };
          errors.push(`unknown StrictDoc scope '${v}' (expected ${[...STRICTDOC_SCOPES].join(', ')})${guess ? `; did you mean '${guess}'?` : ''}`);
        }
      } else if (key === 'role') role = v;
      else {
        const guess = nearest(key, ['scope', 'role']);
        errors.push(`unknown @relation key '${key}' (expected scope or role)${guess ? `; did you mean '${guess}'?` : ''}`);
      }
    }
    if (ids.length === 0) errors.push('@relation(...) names no ID');
    if (errors.length) {
      scan.problem({ kind: 'malformed-tag', message: errors.join('; '), start, end, ...(suggestion ? { suggestion } : {}) });
      continue;
    }
    scan.consume(start, end);
    const roleKey = role?.toLowerCase();
    const relation = roleKey === undefined ? contextual : isRelation(roleKey) ? roleKey : (ROLE_RELATIONS[roleKey] ?? contextual);
    for (const { id, start: idStart } of ids) {
      scan.tags.push({
        syntax: 'strictdoc',
        id,
        idStart,
        idEnd: idStart + id.length,
        relation,
        tagStart: start,
        tagEnd: end,
        ...(scope ? { scope } : {}),
        ...(role ? { artifactType: role } : {}),
      });
    }
  }
}
