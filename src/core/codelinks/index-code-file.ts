// @spdf implements SPDF-IDX-001, SPDF-IDX-002
import { ZERO_RANGE, type Range } from '../types';
import { LineIndex } from '../text';
import { commentAt, leadingBlockEnd, leafAt, nodeBelowComment } from './comment-nodes';
import { documentedSymbols } from './doc-ranges';
import { LANGUAGE_TABLES, type LanguageTable } from './language-tables';
import type { CodeLanguage } from './languages';
import { type Attachment, LinkRecorder } from './link-recorder';
import { FUNCTION_LIKE_KINDS, type CodeExclusion, type CodeFileIndex, type CodeProblem, type SymbolKind } from './model';
import { type FoundSymbol, nodeRange, SymbolCollector } from './symbol-collector';
import { codeBelow, errorAncestor, firstErrorRange } from './syntax-errors';
import type { SyntaxNodeLike } from './syntax-node';
import { callAt, readCallTag } from './call-tags';
import { normalized, scanCommentForTags } from './comment-tags/scan-comment';
import { syntaxNearMisses } from './comment-tags/syntax-near-miss';
import type { RawTag } from './comment-tags/scan-state';
import { tagSnippet } from './comment-tags/tag-text';
import { type CompiledTagSyntaxes, tagCandidateOffsets } from './tag-syntaxes';
import { textProblems } from './text-problems';

export interface CodeFileInput {
  /** Workspace-relative POSIX path. */
  file: string;
  language: CodeLanguage;
  text: string;
  /** Root of the tree-sitter tree parsed from exactly `text`. */
  root: SyntaxNodeLike;
  /** Test files turn contextual tags (LOBSTER, bare IDs) into `verifies`. */
  isTestFile?: boolean;
}

const CLASS_KINDS: ReadonlySet<SymbolKind> = new Set(['class', 'struct', 'interface', 'trait', 'enum', 'impl']);

interface CommentContext {
  below: FoundSymbol | undefined;
  /** The code directly below the comment, symbol or not. */
  belowNode: SyntaxNodeLike | null;
  containing: FoundSymbol[];
  inHeader: boolean;
  /** The definition whose docstring holds the tag (Python). */
  docstringOf?: FoundSymbol;
}

/** Symbols, tags and links of one parsed file. Never throws: failures become `internal` problems. */
export function indexCodeFile(input: CodeFileInput, syntaxes: CompiledTagSyntaxes): CodeFileIndex {
  try {
    return new FileIndexer(input, syntaxes).run();
  } catch (error) {
    return unreadableIndex(input.file, input.language, input.text, syntaxes, `code index failed: ${(error as Error).message}`);
  }
}

/**
 * The index of a file that could not be parsed or indexed: an `internal` problem, and every tag-like text of the
 * file as an `unparsed-tag` problem, so no tag in it vanishes.
 */
export function unreadableIndex(file: string, language: CodeLanguage, text: string, syntaxes: CompiledTagSyntaxes, message: string): CodeFileIndex {
  const index = emptyIndex(file, language);
  index.problems.push({ kind: 'internal', message, range: ZERO_RANGE });
  const lines = new LineIndex(text, 'lf');
  const calls = [...text.matchAll(new RegExp(syntaxes.callCandidate.source, 'g'))].map((m) => m.index);
  for (const offset of [...new Set([...tagCandidateOffsets(text, syntaxes), ...calls])].sort((a, b) => a - b)) {
    const lineEnd = text.indexOf('\n', offset);
    const end = lineEnd === -1 ? text.length : lineEnd;
    index.problems.push({
      kind: 'unparsed-tag',
      message: `'${tagSnippet(text, offset, end)}' looks like a tag but was not read: ${message}`,
      range: lines.range(offset, end),
    });
  }
  return index;
}

export function emptyIndex(file: string, language: CodeLanguage): CodeFileIndex {
  return { file, language, symbols: [], tags: [], links: [], orphanTags: [], exclusions: [], problems: [] };
}

class FileIndexer {
  private readonly table: LanguageTable;
  private readonly lines: LineIndex;
  private readonly collector: SymbolCollector;
  private readonly result: CodeFileIndex;
  private readonly recorder: LinkRecorder;
  /** StrictDoc range_start markers waiting for their range_end, by ID (innermost last). */
  private readonly openRanges = new Map<string, OpenRange[]>();
  /** An open StrictDoc `@relation(skip, scope=range_start)`: tags up to its range_end are not read (as StrictDoc does). */
  private skipFrom: { raw: RawTag; base: number } | undefined;
  private readonly warnedAt = new Set<number>();
  private headerEnd = 0;
  private nearMisses: Set<number> | undefined;

  constructor(
    private readonly input: CodeFileInput,
    private readonly syntaxes: CompiledTagSyntaxes,
  ) {
    this.table = LANGUAGE_TABLES[input.language];
    this.lines = LineIndex.lf(input.text);
    this.collector = new SymbolCollector(this.table, input.text, this.table.fileScope?.(input.file, input.root, input.text) ?? []);
    this.result = emptyIndex(input.file, input.language);
    this.recorder = new LinkRecorder(input, this.table, this.lines, this.result);
  }

  run(): CodeFileIndex {
    const { root, text } = this.input;
    this.collector.collect(root);
    this.headerEnd = leadingBlockEnd(root, this.table);
    let scannedUpTo = -1;
    for (const offset of tagCandidateOffsets(text, this.syntaxes)) {
      if (offset < scannedUpTo) continue;
      const comment = this.commentAround(offset);
      if (!comment) {
        this.checkUnparsed(offset);
        continue;
      }
      scannedUpTo = comment.end;
      this.indexComment(comment);
    }
    this.indexCallTags();
    this.reportOpenRanges();
    if (this.skipFrom) this.skipProblem(this.skipFrom.raw, this.skipFrom.base, "StrictDoc range_start for 'skip' has no range_end after it; no tag after it was read");
    const symbols = documentedSymbols(this.collector.found, this.table);
    const byPosition = (a: Range, b: Range) => a.start.line - b.start.line || a.start.character - b.start.character;
    this.result.tags.sort((a, b) => byPosition(a.idRange, b.idRange));
    this.result.orphanTags.sort((a, b) => byPosition(a.idRange, b.idRange));
    this.result.links.sort((a, b) => byPosition(a.range, b.range));
    if (root.hasError) {
      this.result.problems.push({
        kind: 'syntax-error',
        message: 'the file has syntax errors; symbols near them may be missing',
        range: firstErrorRange(root),
      });
    }
    this.result.symbols = symbols;
    this.result.problems.push(...textProblems(text, this.lines, this.result, this.input.isTestFile === true));
    return this.result;
  }

  /** `code.call_tags`: configured calls in code (not in comments or strings) become tags of the enclosing symbol. */
  private indexCallTags(): void {
    if (!this.syntaxes.callTags.length) return;
    const { root, text } = this.input;
    const contextual = this.input.isTestFile ? 'verifies' : 'implements';
    const read = new Set<number>();
    const re = new RegExp(this.syntaxes.callCandidate.source, 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const offset = m.index;
      if (this.commentAround(offset)) continue;
      const call = callAt(root, offset);
      // No call where the text says one is, or one inside an error: in a file with syntax errors that is a
      // tag the parser could not place (reported), in a clean file it is text in a string or the like.
      if (!call || errorAncestor(call)) {
        this.checkUnparsed(offset);
        continue;
      }
      if (read.has(call.startIndex)) continue;
      read.add(call.startIndex);
      const found = readCallTag(call, text, this.syntaxes, contextual);
      if (!found) continue;
      if (found.problem) {
        const p = found.problem;
        const problem: CodeProblem = { kind: p.kind, message: p.message, range: this.lines.range(p.start, p.end) };
        if (p.suggestion) problem.suggestion = { range: this.lines.range(p.suggestion.start, p.suggestion.end), newText: p.suggestion.text };
        this.result.problems.push(problem);
        continue;
      }
      const target = this.callTarget(call);
      for (const raw of found.tags) this.recorder.addTag(normalized(raw, this.syntaxes), 0, target);
    }
  }

  /** A decorator, annotation or attribute tags the definition it decorates; any other call its enclosing symbol. */
  private callTarget(call: SyntaxNodeLike): FoundSymbol | null {
    for (let a = call.parent; a; a = a.parent) {
      if (!this.table.skippedAbove.has(a.type)) continue;
      const below = nodeBelowComment(a, this.table);
      const def = below ? this.collector.unwrapDefinition(below) : null;
      const found = def ? this.collector.resolve(def) : undefined;
      if (found) return found;
    }
    return this.collector.containing(call)[0] ?? null;
  }

  /** The comment holding `offset`: a comment node, a docstring, or a comment the grammar folded into code. */
  private commentAround(offset: number): CommentSpan | null {
    const { root, text } = this.input;
    const node = commentAt(root, offset, this.table);
    if (node) return { start: node.startIndex, end: node.endIndex, node };
    const leaf = this.table.embeddedComment ? leafAt(root, offset) : null;
    const embedded = leaf ? this.table.embeddedComment!(leaf, offset, text) : null;
    return embedded ? { start: embedded.start, end: embedded.end, node: embedded.holder } : null;
  }

  /**
   * Tag-like text outside any comment is code or a string literal, unless the file has syntax errors: error
   * recovery can turn a comment or docstring into an ERROR node or into some other node, so say so.
   */
  private checkUnparsed(offset: number): void {
    const { root, text } = this.input;
    // A near miss of another syntax (CL012) is no tag: only in a comment is it worth a word.
    if (!root.hasError || (this.nearMisses ??= new Set(syntaxNearMisses(text, this.syntaxes.enabled).map((m) => m.start))).has(offset)) return;
    const leaf = leafAt(root, offset);
    const lineEnd = text.indexOf('\n', offset);
    const end = lineEnd === -1 ? text.length : lineEnd;
    const where = leaf && errorAncestor(leaf) ? 'in code the parser could not understand' : 'outside any comment the parser recognised, in a file with syntax errors';
    this.result.problems.push({
      kind: 'unparsed-tag',
      message: `'${tagSnippet(text, offset, end)}' looks like a tag ${where}; it was not read as a tag`,
      range: this.lines.range(offset, end),
    });
  }

  private indexComment(comment: CommentSpan): void {
    const base = comment.start;
    const scan = scanCommentForTags(this.input.text.slice(base, comment.end), this.syntaxes, this.input.isTestFile ?? false);
    if (!scan.tags.length && !scan.exclusions.length && !scan.problems.length) return;
    const context = this.contextOf(comment.node);
    for (const raw of scan.tags) {
      if (this.skipped(raw, base)) continue;
      if (raw.scope === 'range_start') {
        const open = this.openRanges.get(raw.id) ?? [];
        open.push({ raw, base, comment, context });
        this.openRanges.set(raw.id, open);
        continue;
      }
      if (raw.scope === 'range_end') {
        this.closeRange(raw, base, comment);
        continue;
      }
      const attached = this.attach(raw, context);
      const lines = raw.scope === 'line' ? this.lineOf(base + raw.tagStart) : undefined;
      const tag = this.recorder.addTag(raw, base, attached, true, lines);
      if (attached === undefined && context.belowNode) tag.above = nodeKindWords(context.belowNode.type);
      this.warnNearError(comment, context, attached, base + raw.tagStart, base + raw.tagEnd);
    }
    for (const ex of scan.exclusions) {
      const attached = this.attach(undefined, context);
      const exclusion: CodeExclusion = { reason: ex.reason, range: this.lines.range(base + ex.start, base + ex.end) };
      if (attached !== undefined) exclusion.symbol = attached ? attached.symbol.qualifiedName : null;
      this.result.exclusions.push(exclusion);
      this.warnNearError(comment, context, attached, base + ex.start, base + ex.end);
    }
    for (const p of scan.problems) {
      const problem: CodeProblem = { kind: p.kind, message: p.message, range: this.lines.range(base + p.start, base + p.end) };
      if (p.suggestion) problem.suggestion = { range: this.lines.range(base + p.suggestion.start, base + p.suggestion.end), newText: p.suggestion.text };
      this.result.problems.push(problem);
    }
  }

  /**
   * A StrictDoc range links the outermost symbols defined between its markers; a range holding no whole
   * symbol (lines inside a function) links the symbol around its start, or the file from the header.
   */
  private closeRange(end: RawTag, endBase: number, endComment: CommentSpan): void {
    const start = this.openRanges.get(end.id)?.pop();
    if (!start) {
      this.result.problems.push({
        kind: 'malformed-tag',
        message: `StrictDoc range_end for '${end.id}' has no range_start before it`,
        range: this.lines.range(endBase + end.tagStart, endBase + end.tagEnd),
      });
      return;
    }
    const inside = this.symbolsBetween(start.comment.end, endComment.start);
    const fallback: Attachment = start.context.containing[0] ?? (start.context.inHeader ? null : undefined);
    const targets: Attachment[] = inside.length ? inside : [fallback];
    const lines = { start: this.lineOf(start.base + start.raw.tagStart).start, end: this.lineOf(endBase + end.tagStart).end };
    const startTag = this.recorder.addTag(start.raw, start.base, targets[0], true, lines);
    for (const target of targets.slice(1)) if (target !== undefined) this.recorder.addLink(startTag, target, lines);
    this.recorder.addTag({ ...end, relation: start.raw.relation }, endBase, targets[0], false);
    for (const target of targets) {
      this.warnNearError(start.comment, start.context, target, start.base + start.raw.tagStart, start.base + start.raw.tagEnd);
    }
  }

  /**
   * StrictDoc's `@relation(skip, scope=range_start)` ... `range_end` region: its tags are not read. Each marker
   * and each tag inside is kept as an exclusion without a symbol, so every tag-like text is still accounted for.
   */
  private skipped(raw: RawTag, base: number): boolean {
    const marker = raw.syntax === 'strictdoc' && (raw.written ?? raw.id) === 'skip' && (raw.scope === 'range_start' || raw.scope === 'range_end');
    if (!marker && !this.skipFrom) return false;
    const range = this.lines.range(base + raw.tagStart, base + raw.tagEnd);
    const open = this.skipFrom && this.lines.range(this.skipFrom.base + this.skipFrom.raw.tagStart, this.skipFrom.base + this.skipFrom.raw.tagStart).start.line + 1;
    if (!marker) this.result.exclusions.push({ reason: `'${raw.id}' not read: inside the StrictDoc skip region from line ${open}`, range });
    else if (raw.scope === 'range_start' && open) this.skipProblem(raw, base, `StrictDoc skip region already open at line ${open}`);
    else if (raw.scope === 'range_end' && !open) this.skipProblem(raw, base, "StrictDoc range_end for 'skip' has no range_start before it");
    else {
      this.skipFrom = raw.scope === 'range_start' ? { raw, base } : undefined;
      this.result.exclusions.push({ reason: this.skipFrom ? 'StrictDoc skip region: the tags up to its range_end are not read' : 'end of a StrictDoc skip region', range });
    }
    return true;
  }

  private skipProblem(raw: RawTag, base: number, message: string): void {
    this.result.problems.push({ kind: 'malformed-tag', message, range: this.lines.range(base + raw.tagStart, base + raw.tagEnd) });
  }

  private symbolsBetween(from: number, to: number): FoundSymbol[] {
    const inside = this.collector.found.filter((f) => f.outer.startIndex >= from && f.node.endIndex <= to);
    const within = (f: FoundSymbol, g: FoundSymbol) => g.outer.startIndex <= f.outer.startIndex && g.node.endIndex >= f.node.endIndex;
    return inside.filter((f) => !inside.some((g) => g !== f && within(f, g))).sort((a, b) => a.outer.startIndex - b.outer.startIndex);
  }

  private reportOpenRanges(): void {
    for (const open of this.openRanges.values()) {
      for (const { raw, base } of open) {
        this.result.problems.push({
          kind: 'malformed-tag',
          message: `StrictDoc range_start for '${raw.id}' has no range_end after it`,
          range: this.lines.range(base + raw.tagStart, base + raw.tagEnd),
        });
      }
    }
  }

  private warnNearError(comment: CommentSpan, context: CommentContext, attached: Attachment, start: number, end: number): void {
    if (this.warnedAt.has(start)) return;
    const error = this.syntaxErrorNear(comment.node, context, attached);
    if (!error) return;
    this.warnedAt.add(start);
    this.result.problems.push({
      kind: 'tag-near-syntax-error',
      message: `tag next to code the parser could not understand (syntax error at ${error.start.line + 1}:${error.start.character + 1}); check the symbol it links to`,
      range: this.lines.range(start, end),
    });
  }

  /**
   * Where the parser failed next to a tag: the comment inside an ERROR node, the code right below the comment
   * holding errors (the symbol the tag documents may be missing), the symbol the tag attached to holding them, or
   * the function around the tag holding them.
   */
  private syntaxErrorNear(comment: SyntaxNodeLike, context: CommentContext, attached: Attachment): Range | undefined {
    if (!this.input.root.hasError) return undefined;
    const around = errorAncestor(comment);
    if (around) return nodeRange(around);
    const next = codeBelow(comment, this.table);
    if (next?.hasError) return firstErrorRange(next);
    const symbolNode = attached ? attached.outer : context.below?.outer;
    if (symbolNode?.hasError) return firstErrorRange(symbolNode);
    // Inside a function with errors, recovery may have nested the code there (after an unclosed brace): the symbol and its name are guesses.
    const enclosing = context.containing.find((c) => FUNCTION_LIKE_KINDS.has(c.symbol.kind));
    if (enclosing?.outer.hasError) return firstErrorRange(enclosing.outer);
    return undefined;
  }

  private contextOf(comment: SyntaxNodeLike): CommentContext {
    const belowNode = this.table.commentTypes.has(comment.type) ? nodeBelowComment(comment, this.table) : null;
    const belowDef = belowNode ? this.collector.unwrapDefinition(belowNode) : null;
    const containing = this.collector.containing(comment);
    return {
      below: belowDef ? this.collector.resolve(belowDef) : undefined,
      belowNode,
      containing,
      inHeader: comment.endIndex <= this.headerEnd,
      ...(this.table.isDocstring?.(comment) && containing[0] ? { docstringOf: containing[0] } : {}),
    };
  }

  /**
   * Innermost symbol the tag is above or inside; StrictDoc scopes pick the innermost of their kind, and in a
   * docstring with none of that kind around, the definition the docstring documents (as StrictDoc reads it).
   */
  private attach(raw: RawTag | undefined, context: CommentContext): Attachment {
    if (raw?.scope === 'file') return null;
    const candidates = context.below ? [context.below, ...context.containing] : context.containing;
    if (raw?.scope === 'function') return candidates.find((c) => FUNCTION_LIKE_KINDS.has(c.symbol.kind)) ?? context.docstringOf;
    if (raw?.scope === 'method') return candidates.find((c) => c.symbol.kind === 'method' || c.symbol.kind === 'constructor') ?? context.docstringOf;
    if (raw?.scope === 'class') return candidates.find((c) => CLASS_KINDS.has(c.symbol.kind)) ?? context.docstringOf;
    if (candidates.length) return candidates[0];
    return context.inHeader ? null : undefined;
  }

  /** The line of `offset`, as the `lines` of a StrictDoc line tag. */
  private lineOf(offset: number): { start: number; end: number } {
    const line = this.lines.range(offset, offset).start.line;
    return { start: line, end: line };
  }
}

interface OpenRange {
  raw: RawTag;
  base: number;
  comment: CommentSpan;
  context: CommentContext;
}

/** A comment's text span and the node holding it (the comment node, or the node the grammar folded it into). */
interface CommentSpan {
  start: number;
  end: number;
  node: SyntaxNodeLike;
}

/** `expression_statement` -> `expression statement`: what a tag is above, in words. */
function nodeKindWords(type: string): string {
  return type.replace(/_/g, ' ');
}
