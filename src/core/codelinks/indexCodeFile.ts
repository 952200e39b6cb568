import { ZERO_RANGE, type Range } from '../types';
import { commentAt, commentRunAbove, leadingBlockEnd, nodeBelowComment } from './commentNodes';
import { codeHash } from './fingerprint';
import { csharpFileNamespace } from './languageTables/csharp';
import { javaPackage } from './languageTables/java';
import { pythonModulePath } from './languageTables/python';
import { LANGUAGE_TABLES, type LanguageTable } from './languageTables';
import type { CodeLanguage } from './languages';
import { LineIndex } from './lineIndex';
import {
  FUNCTION_LIKE_KINDS,
  type CodeExclusion,
  type CodeFileIndex,
  type CodeLink,
  type CodeProblem,
  type CodeTag,
  type SymbolKind,
} from './model';
import { type FoundSymbol, nodeRange, SymbolCollector } from './symbolCollector';
import type { SyntaxNodeLike } from './syntaxNode';
import { type CompiledTagSyntaxes, type RawTag, scanCommentForTags, tagCandidateOffsets } from './tagSyntaxes';

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

/** Where a tag attaches: a symbol, the file (`null`), or nothing (`undefined`, an orphan). */
type Attachment = FoundSymbol | null | undefined;

interface CommentContext {
  below: FoundSymbol | undefined;
  containing: FoundSymbol[];
  inHeader: boolean;
}

/** Symbols, tags and links of one parsed file. Never throws: failures become `internal` problems. */
export function indexCodeFile(input: CodeFileInput, syntaxes: CompiledTagSyntaxes): CodeFileIndex {
  try {
    return new FileIndexer(input, syntaxes).run();
  } catch (error) {
    return {
      ...emptyIndex(input.file, input.language),
      problems: [{ kind: 'internal', message: `code index failed: ${(error as Error).message}`, range: ZERO_RANGE }],
    };
  }
}

export function emptyIndex(file: string, language: CodeLanguage): CodeFileIndex {
  return { file, language, symbols: [], tags: [], links: [], orphanTags: [], exclusions: [], problems: [] };
}

export function fileScopeOf(language: CodeLanguage, file: string, root: SyntaxNodeLike, text: string): string[] {
  switch (language) {
    case 'python':
      return pythonModulePath(file);
    case 'java':
      return javaPackage(root, text);
    case 'csharp':
      return csharpFileNamespace(root, text);
    default:
      return [];
  }
}

class FileIndexer {
  private readonly table: LanguageTable;
  private readonly lines: LineIndex;
  private readonly collector: SymbolCollector;
  private readonly result: CodeFileIndex;
  private readonly hashes = new Map<FoundSymbol | null, string>();
  private headerEnd = 0;

  constructor(
    private readonly input: CodeFileInput,
    private readonly syntaxes: CompiledTagSyntaxes,
  ) {
    this.table = LANGUAGE_TABLES[input.language];
    this.lines = new LineIndex(input.text);
    this.collector = new SymbolCollector(this.table, input.text, fileScopeOf(input.language, input.file, input.root, input.text));
    this.result = emptyIndex(input.file, input.language);
  }

  run(): CodeFileIndex {
    const { root, text } = this.input;
    this.collector.collect(root);
    this.headerEnd = leadingBlockEnd(root, this.table);
    let scannedUpTo = -1;
    for (const offset of tagCandidateOffsets(text, this.syntaxes)) {
      if (offset < scannedUpTo) continue;
      const comment = commentAt(root, offset, this.table);
      if (!comment) continue;
      scannedUpTo = comment.endIndex;
      this.indexComment(comment);
    }
    for (const found of this.collector.found) found.symbol.docRanges = this.docRanges(found);
    if (root.hasError) {
      this.result.problems.push({
        kind: 'syntax-error',
        message: 'the file has syntax errors; symbols near them may be missing',
        range: this.firstErrorRange(root),
      });
    }
    this.result.symbols = this.collector.found
      .map((f) => f.symbol)
      .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return this.result;
  }

  private indexComment(comment: SyntaxNodeLike): void {
    const base = comment.startIndex;
    const scan = scanCommentForTags(this.input.text.slice(base, comment.endIndex), this.syntaxes, this.input.isTestFile ?? false);
    if (!scan.tags.length && !scan.exclusions.length && !scan.problems.length) return;
    const context = this.contextOf(comment);
    for (const raw of scan.tags) this.addTag(raw, base, this.attach(raw, context));
    for (const ex of scan.exclusions) {
      const attached = this.attach(undefined, context);
      const exclusion: CodeExclusion = { reason: ex.reason, range: this.lines.range(base + ex.start, base + ex.end) };
      if (attached !== undefined) exclusion.symbol = attached ? attached.symbol.qualifiedName : null;
      this.result.exclusions.push(exclusion);
    }
    for (const p of scan.problems) {
      const problem: CodeProblem = { kind: p.kind, message: p.message, range: this.lines.range(base + p.start, base + p.end) };
      this.result.problems.push(problem);
    }
  }

  private contextOf(comment: SyntaxNodeLike): CommentContext {
    const belowNode = this.table.commentTypes.has(comment.type) ? nodeBelowComment(comment, this.table) : null;
    const belowDef = belowNode ? this.collector.unwrapDefinition(belowNode) : null;
    return {
      below: belowDef ? this.collector.resolve(belowDef) : undefined,
      containing: this.collector.containing(comment),
      inHeader: comment.endIndex <= this.headerEnd,
    };
  }

  /** Innermost symbol the tag is above or inside; StrictDoc scopes pick the innermost of their kind. */
  private attach(raw: RawTag | undefined, context: CommentContext): Attachment {
    if (raw?.scope === 'file') return null;
    const candidates = context.below ? [context.below, ...context.containing] : context.containing;
    if (raw?.scope === 'function') return candidates.find((c) => FUNCTION_LIKE_KINDS.has(c.symbol.kind));
    if (raw?.scope === 'class') return candidates.find((c) => CLASS_KINDS.has(c.symbol.kind));
    if (candidates.length) return candidates[0];
    return context.inHeader ? null : undefined;
  }

  private addTag(raw: RawTag, base: number, attached: Attachment): void {
    const tag: CodeTag = {
      syntax: raw.syntax,
      id: raw.id,
      idRange: this.lines.range(base + raw.idStart, base + raw.idEnd),
      relation: raw.relation,
      tagRange: this.lines.range(base + raw.tagStart, base + raw.tagEnd),
      ...(raw.revision !== undefined ? { revision: raw.revision } : {}),
      ...(raw.artifactType !== undefined ? { artifactType: raw.artifactType } : {}),
      ...(raw.scope !== undefined ? { scope: raw.scope } : {}),
    };
    this.result.tags.push(tag);
    if (attached === undefined) {
      this.result.orphanTags.push(tag);
      return;
    }
    tag.symbol = attached ? attached.symbol.qualifiedName : null;
    const link: CodeLink = {
      id: raw.id,
      relation: raw.relation,
      file: this.input.file,
      symbol: tag.symbol,
      range: tag.idRange,
      symbolRange: attached ? attached.symbol.range : this.wholeFileRange(),
      syntax: raw.syntax,
      codeHash: this.hashOf(attached),
      ...(attached ? { symbolKind: attached.symbol.kind } : {}),
      ...(raw.revision !== undefined ? { revision: raw.revision } : {}),
    };
    this.result.links.push(link);
  }

  private hashOf(attached: FoundSymbol | null): string {
    let hash = this.hashes.get(attached);
    if (hash === undefined) {
      const { root, text } = this.input;
      hash = attached
        ? codeHash(root, text, attached.outer.startIndex, attached.node.endIndex, this.table)
        : codeHash(root, text, 0, text.length, this.table);
      this.hashes.set(attached, hash);
      if (attached) attached.symbol.codeHash = hash;
    }
    return hash;
  }

  private docRanges(found: FoundSymbol): Range[] {
    const ranges = commentRunAbove(found.outer, this.table).map((c) => nodeRange(c));
    const docstring = this.docstringOf(found.node);
    if (docstring) ranges.push(nodeRange(docstring));
    return ranges;
  }

  private docstringOf(def: SyntaxNodeLike): SyntaxNodeLike | null {
    if (!this.table.isDocstring) return null;
    const body = def.childForFieldName('body');
    for (const statement of body?.namedChildren ?? []) {
      if (!statement || this.table.commentTypes.has(statement.type)) continue;
      const first = statement.namedChildren[0];
      return first && this.table.isDocstring(first) ? first : null;
    }
    return null;
  }

  private wholeFileRange(): Range {
    return this.lines.range(0, this.input.text.length);
  }

  private firstErrorRange(root: SyntaxNodeLike): Range {
    let node: SyntaxNodeLike = root;
    for (let depth = 0; depth < 64; depth++) {
      const child = node.children.find((c) => c && (c.hasError || c.type === 'ERROR'));
      if (!child) break;
      node = child;
      if (child.type === 'ERROR') break;
    }
    return nodeRange(node);
  }
}
