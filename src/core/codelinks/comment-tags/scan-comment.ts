import type { Relation } from '../model';
import { type CompiledTagSyntaxes, tagCandidateOffsets } from '../tag-syntaxes';
import { scanLobster } from './lobster';
import { scanOft } from './oft';
import { scanBare, scanTagPatterns } from './patterns';
import { type CommentScan, type RawTag, type RawTagProblem, ScanState } from './scan-state';
import { scanSpdf } from './spdf';
import { scanStrictDoc } from './strictdoc';
import { syntaxNearMisses, type SyntaxNearMiss } from './syntax-near-miss';
import { lineEndOf, tagSnippet } from './tag-text';

/**
 * Scans one comment's text for tags of every enabled syntax. Every place where a tag of an enabled syntax may
 * start ends as a tag, an exclusion or a problem: nothing tag-like is dropped silently.
 */
export function scanCommentForTags(text: string, syntaxes: CompiledTagSyntaxes, isTestFile: boolean): CommentScan {
  const scan = new ScanState();
  const contextual: Relation = isTestFile ? 'verifies' : 'implements';
  if (syntaxes.enabled.has('spdf')) scanSpdf(text, scan);
  if (syntaxes.enabled.has('oft')) scanOft(text, syntaxes, scan);
  if (syntaxes.enabled.has('strictdoc')) scanStrictDoc(text, contextual, scan);
  if (syntaxes.enabled.has('lobster')) scanLobster(text, contextual, scan);
  scanTagPatterns(text, syntaxes, contextual, scan);
  if (syntaxes.enabled.has('bare')) scanBare(text, syntaxes, contextual, scan, scan.spans);
  const misses = syntaxNearMisses(text, syntaxes.enabled);
  for (const miss of misses) if (!scan.overlaps(miss.start, miss.end)) scan.problem(nearMissProblem(text, miss));
  for (const offset of tagCandidateOffsets(text, syntaxes, misses)) {
    if (scan.covers(offset)) continue;
    const end = lineEndOf(text, offset);
    scan.problem({ kind: 'malformed-tag', message: `'${tagSnippet(text, offset, end)}' looks like a tag but could not be read`, start: offset, end });
  }
  scan.tags.sort((a, b) => a.idStart - b.idStart);
  scan.problems.sort((a, b) => a.start - b.start);
  return { tags: scan.tags.map((t) => normalized(t, syntaxes)), exclusions: scan.exclusions, problems: scan.problems };
}

/** The tag with its ID as resolved against the model; `written` keeps the text when they differ. */
export function normalized(tag: RawTag, syntaxes: CompiledTagSyntaxes): RawTag {
  const written = tag.written ?? tag.id;
  const id = syntaxes.normalizeId(tag.id);
  return id === written ? tag : { ...tag, id, written };
}

const SYNTAX_NAMES: Record<SyntaxNearMiss['syntax'], string> = { oft: 'OpenFastTrace', strictdoc: 'StrictDoc', lobster: 'LOBSTER' };

/** A near miss of another syntax's tag (CL012): what was written, that it links nothing, and how the tag is written. */
function nearMissProblem(text: string, miss: SyntaxNearMiss): RawTagProblem {
  const written = text.slice(miss.start, miss.end).trim();
  const what =
    miss.syntax === 'oft'
      ? `'${written}' is an ${SYNTAX_NAMES.oft} item ID outside a coverage tag, so it links nothing`
      : `'${tagSnippet(text, miss.start, lineEndOf(text, miss.start))}' is not a ${SYNTAX_NAMES[miss.syntax]} tag ('${written}' misses its marker), so it links nothing`;
  return { kind: 'marker-near-miss', message: `${what}; write ${miss.meant}`, start: miss.start, end: miss.end };
}
