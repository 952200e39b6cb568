import { nearest } from '../../suggest';
import { OFT_START, type CompiledTagSyntaxes } from '../tag-syntaxes';
import type { ScanState } from './scan-state';
import { lineEndOf, tagSnippet } from './tag-text';

/** `[covering(~name~rev)? -> type~name~rev (>> needed, types)?]`: the needs-coverage suffix is OpenFastTrace's, read and not kept. */
const OFT_FULL = /\[\s*([A-Za-z]\w*)(?:~[^\]~\s]+~\d+)?\s*->\s*([A-Za-z]\w*)~([^\]~\s]+)~(\d+)\s*(?:>>\s*[A-Za-z]+(?:\s*,\s*[A-Za-z]+)*\s*)?\]/y;

/** Reused by every scan (lastIndex reset first): a new RegExp per comment cost more than the scan of a short comment. */
const START = new RegExp(OFT_START, 'g');

export function scanOft(text: string, syntaxes: CompiledTagSyntaxes, scan: ScanState): void {
  const re = START;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index;
    OFT_FULL.lastIndex = start;
    const match = OFT_FULL.exec(text);
    if (!match) {
      const close = text.indexOf(']', start);
      const end = close === -1 || close > lineEndOf(text, start) ? lineEndOf(text, start) : close + 1;
      scan.problem({
        kind: 'malformed-tag',
        message: `'${tagSnippet(text, start, end)}' is not a complete OpenFastTrace tag; write [impl->req~NAME~REVISION]`,
        start,
        end,
      });
      re.lastIndex = end;
      continue;
    }
    const [whole, covering, target, name, revision] = match;
    const end = start + whole.length;
    re.lastIndex = end;
    const relation = Object.hasOwn(syntaxes.oftRelations, covering) ? syntaxes.oftRelations[covering] : undefined;
    if (!relation) {
      const known = Object.keys(syntaxes.oftRelations);
      const guess = nearest(covering, known);
      const typeAt = start + whole.indexOf(covering);
      scan.problem({
        kind: 'unknown-relation',
        message: `OpenFastTrace artifact type '${covering}' maps to no relation (known: ${known.join(', ')}; map it in code.oft_relations)${guess ? `; did you mean '${guess}'?` : ''}`,
        start,
        end,
        ...(guess ? { suggestion: { start: typeAt, end: typeAt + covering.length, text: guess } } : {}),
      });
      continue;
    }
    scan.consume(start, end);
    const nameStart = start + whole.lastIndexOf(`~${name}~`) + 1;
    const full = syntaxes.oftIds === 'full';
    const idStart = full ? nameStart - target.length - 1 : nameStart;
    scan.tags.push({
      syntax: 'oft',
      id: full ? `${target}~${name}` : name,
      idStart,
      idEnd: nameStart + name.length,
      relation,
      tagStart: start,
      tagEnd: end,
      revision: Number(revision),
      artifactType: covering,
    });
  }
}
