import type { Range } from '../types';
import type { LineIndex } from '../text';
import type { RawTag } from './comment-tags/scan-state';
import { codeHash } from './fingerprint';
import type { LanguageTable } from './language-tables';
import type { CodeFileIndex, CodeLink, CodeTag } from './model';
import type { FoundSymbol } from './symbol-collector';
import type { SyntaxNodeLike } from './syntax-node';

/** Where a tag attaches: a symbol, the file (`null`), or nothing (`undefined`, an orphan). */
export type Attachment = FoundSymbol | null | undefined;

/** Writes one file's tags and links into its index, each link with the code fingerprint of what it links. */
export class LinkRecorder {
  private readonly hashes = new Map<FoundSymbol | null, string>();

  constructor(
    private readonly input: { file: string; text: string; root: SyntaxNodeLike },
    private readonly table: LanguageTable,
    private readonly lines: LineIndex,
    private readonly result: CodeFileIndex,
  ) {}

  /** Records a tag (offsets relative to `base`) and, unless `link` is false or it attached to nothing, its link. */
  addTag(raw: RawTag, base: number, attached: Attachment, link = true, lines?: CodeLink['lines']): CodeTag {
    const tag: CodeTag = {
      syntax: raw.syntax,
      id: raw.id,
      idRange: this.lines.range(base + raw.idStart, base + raw.idEnd),
      relation: raw.relation,
      tagRange: this.lines.range(base + raw.tagStart, base + raw.tagEnd),
    };
    // Assigned in this order, not spread: the same keys in the same order, without a throw-away object each.
    if (raw.revision !== undefined) tag.revision = raw.revision;
    if (raw.artifactType !== undefined) tag.artifactType = raw.artifactType;
    if (raw.scope !== undefined) tag.scope = raw.scope;
    if (raw.written !== undefined) tag.written = raw.written;
    this.result.tags.push(tag);
    if (attached === undefined) {
      this.result.orphanTags.push(tag);
      return tag;
    }
    tag.symbol = attached ? attached.symbol.qualifiedName : null;
    if (link) this.addLink(tag, attached, lines);
    return tag;
  }

  addLink(tag: CodeTag, attached: FoundSymbol | null, lines?: CodeLink['lines']): void {
    const link: CodeLink = {
      id: tag.id,
      relation: tag.relation,
      file: this.input.file,
      symbol: attached ? attached.symbol.qualifiedName : null,
      range: tag.idRange,
      symbolRange: attached ? attached.symbol.range : this.wholeFileRange(),
      syntax: tag.syntax,
      codeHash: this.hashOf(attached),
    };
    if (attached) link.symbolKind = attached.symbol.kind;
    if (tag.revision !== undefined) link.revision = tag.revision;
    if (lines) link.lines = lines;
    this.result.links.push(link);
    for (const sibling of attached?.siblings ?? []) this.addLink(tag, sibling, lines);
  }

  private hashOf(attached: FoundSymbol | null): string {
    let hash = this.hashes.get(attached);
    if (hash === undefined) {
      const { root, text } = this.input;
      hash = attached ? codeHash(root, text, attached.outer.startIndex, attached.node.endIndex, this.table) : codeHash(root, text, 0, text.length, this.table);
      this.hashes.set(attached, hash);
      if (attached) attached.symbol.codeHash = hash;
    }
    return hash;
  }

  private wholeFileRange(): Range {
    return this.lines.range(0, this.input.text.length);
  }
}
