import type { Range } from '../types';
import type { EnclosingScope, LanguageTable, SymbolShape } from './language-tables';
import type { DescribeContext } from './language-tables/types';
import type { CodeSymbol, SymbolKind } from './model';
import type { PointLike, SyntaxNodeLike } from './syntax-node';

export interface FoundSymbol {
  symbol: CodeSymbol;
  /** The definition node. */
  node: SyntaxNodeLike;
  /** The definition with its wrappers (decorators, export, template). */
  outer: SyntaxNodeLike;
  /** Scope segments of the symbol's members. */
  memberPrefix: string[];
  /** The other names of the same definition (C `int a, b;`): a tag on the definition links them too. */
  siblings?: FoundSymbol[];
}

export function pointToPosition(point: PointLike): { line: number; character: number } {
  return { line: point.row, character: point.column };
}

export function nodeRange(start: SyntaxNodeLike, end: SyntaxNodeLike = start): Range {
  // Nodes of one syntax arena: the same positions read from its line index, without a point object per end.
  const lines = start.lineIndex;
  if (lines && end.lineIndex === lines) return lines.range(start.startIndex, end.endIndex);
  return { start: pointToPosition(start.startPosition), end: pointToPosition(end.endPosition) };
}

/**
 * Found symbols by their definition node's start, end and type (a node asked about may be another view of the same
 * node). Keyed by the start offset, then searched: building a string key for every node asked about cost more.
 */
class SymbolsByNode {
  private readonly byStart = new Map<number, FoundSymbol[]>();

  get(node: SyntaxNodeLike): FoundSymbol | undefined {
    const atStart = this.byStart.get(node.startIndex);
    if (!atStart) return undefined;
    const end = node.endIndex;
    const type = node.type;
    return atStart.find((f) => f.node.endIndex === end && f.node.type === type);
  }

  set(node: SyntaxNodeLike, found: FoundSymbol): void {
    const atStart = this.byStart.get(node.startIndex);
    if (atStart) atStart.push(found);
    else this.byStart.set(node.startIndex, [found]);
  }
}

function sameNode(a: SyntaxNodeLike | null, b: SyntaxNodeLike | null): boolean {
  return !!a && !!b && a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type;
}

/**
 * Finds definitions by walking only containers (file, namespaces, class and impl bodies), never function
 * bodies: that keeps big files cheap. Definitions nested in functions are added on demand (`resolve`) when a
 * tag points at them, with their qualified name taken from their ancestors.
 */
export class SymbolCollector {
  private readonly byNode = new SymbolsByNode();
  readonly found: FoundSymbol[] = [];

  constructor(
    private readonly table: LanguageTable,
    readonly source: string,
    private readonly fileScope: readonly string[],
  ) {}

  collect(root: SyntaxNodeLike): void {
    this.walkContainer(root, [...this.fileScope], undefined);
  }

  /** The definition a node stands for after removing wrappers, or null. */
  unwrapDefinition(node: SyntaxNodeLike): SyntaxNodeLike | null {
    let def: SyntaxNodeLike | null = node;
    for (let depth = 0; def && this.table.wrapperTypes.has(def.type) && depth < 4; depth++) def = this.table.unwrap(def);
    return def;
  }

  /** The symbol for a definition node (with its wrapper `outer`), registering nested ones on demand. */
  resolve(def: SyntaxNodeLike): FoundSymbol | undefined {
    const known = this.byNode.get(def);
    if (known) return known;
    // Most nodes asked about (blocks, statements around a comment) define nothing, which `describe` tells from
    // their type alone: the walk up for the enclosing scope is only made when `describe` reads it.
    const ctx = new AncestorContext(this, def);
    const shape = this.table.describe(def, ctx);
    if (!shape || shape.kind === 'scope') return undefined;
    return this.register(def, this.outerOf(def), shape, ctx.ancestors.scope);
  }

  /** Definitions containing `node`, innermost first (wrappers count as their definition). */
  containing(node: SyntaxNodeLike): FoundSymbol[] {
    const result: FoundSymbol[] = [];
    for (let a = node.parent; a; a = a.parent) {
      let def: SyntaxNodeLike | null = a;
      if (this.table.wrapperTypes.has(a.type)) {
        def = this.unwrapDefinition(a);
        // Inside the wrapper but before the definition (a comment between decorator and def).
        if (!def || (def.startIndex <= node.startIndex && def.endIndex >= node.endIndex)) continue;
      }
      const found = this.resolve(def);
      if (found) result.push(found);
    }
    return result;
  }

  private walkContainer(container: SyntaxNodeLike, scope: string[], enclosing: EnclosingScope | undefined): void {
    for (const child of container.namedChildren) if (child) this.visit(child, scope, enclosing);
  }

  private visit(node: SyntaxNodeLike, scope: string[], enclosing: EnclosingScope | undefined): void {
    const def = this.table.wrapperTypes.has(node.type) ? this.unwrapDefinition(node) : node;
    if (!def) {
      if (this.table.containers.has(node.type)) this.walkContainer(node, scope, enclosing);
      return;
    }
    const shape = this.table.describe(def, { source: this.source, enclosing });
    if (!shape) {
      if (this.table.containers.has(def.type)) this.walkContainer(def, scope, enclosing);
      return;
    }
    const memberPrefix = this.memberPrefix(scope, shape);
    if (shape.kind !== 'scope') this.register(def, node, shape, scope);
    if (shape.body) this.walkContainer(shape.body, memberPrefix, { kind: shape.kind, name: shape.memberScope ?? shape.name });
  }

  private memberPrefix(scope: readonly string[], shape: SymbolShape): string[] {
    return [...scope, ...(shape.qualifier ?? []), shape.memberScope ?? shape.name].filter(Boolean);
  }

  private register(def: SyntaxNodeLike, outer: SyntaxNodeLike, shape: SymbolShape, scope: readonly string[]): FoundSymbol {
    const existing = this.byNode.get(def);
    if (existing) return existing;
    const found = this.symbolOf(def, outer, shape, scope);
    if (shape.also?.length) found.siblings = shape.also.map((s) => this.symbolOf(def, outer, s, scope));
    this.byNode.set(def, found);
    this.found.push(found);
    return found;
  }

  private symbolOf(def: SyntaxNodeLike, outer: SyntaxNodeLike, shape: SymbolShape, scope: readonly string[]): FoundSymbol {
    const qualifiedName = [...(shape.unscoped ? [] : scope), ...(shape.qualifier ?? []), shape.name].filter(Boolean).join(this.table.separator);
    const symbol: CodeSymbol = {
      name: shape.name,
      qualifiedName,
      kind: shape.kind as SymbolKind,
      range: nodeRange(outer, def),
      nameRange: nodeRange(shape.nameNode),
      docRanges: [],
      ...(shape.declarationOnly ? { declarationOnly: true } : {}),
    };
    return { symbol, node: def, outer, memberPrefix: this.memberPrefix(scope, shape) };
  }

  private outerOf(def: SyntaxNodeLike): SyntaxNodeLike {
    let outer = def;
    for (let p = def.parent; p && this.table.wrapperTypes.has(p.type); p = p.parent) {
      if (!sameNode(this.unwrapDefinition(p), def)) break;
      outer = p;
    }
    return outer;
  }

  /** The scope segments and the innermost enclosing scope of `def`, from its ancestors. */
  scopeFromAncestors(def: SyntaxNodeLike): { scope: string[]; enclosing: EnclosingScope | undefined } {
    const segments: string[][] = [];
    let enclosing: EnclosingScope | undefined;
    let prefix: readonly string[] = this.fileScope;
    for (let a = this.outerOf(def).parent; a; a = a.parent) {
      if (this.table.wrapperTypes.has(a.type)) continue;
      const known = this.byNode.get(a);
      if (known) {
        prefix = known.memberPrefix;
        enclosing ??= { kind: known.symbol.kind, name: known.memberPrefix[known.memberPrefix.length - 1] ?? '' };
        break;
      }
      const shape = this.table.describe(a, { source: this.source, enclosing: undefined });
      if (!shape) continue;
      segments.unshift([...(shape.qualifier ?? []), shape.memberScope ?? shape.name]);
      enclosing ??= { kind: shape.kind, name: shape.memberScope ?? shape.name };
    }
    return { scope: [...prefix, ...segments.flat()].filter(Boolean), enclosing };
  }
}

/** `describe`'s context for a node found by walking up: the enclosing scope is looked up only when read. */
class AncestorContext implements DescribeContext {
  private found: { scope: string[]; enclosing: EnclosingScope | undefined } | undefined;

  constructor(
    private readonly collector: SymbolCollector,
    private readonly def: SyntaxNodeLike,
  ) {}

  get source(): string {
    return this.collector.source;
  }

  get enclosing(): EnclosingScope | undefined {
    return this.ancestors.enclosing;
  }

  get ancestors(): { scope: string[]; enclosing: EnclosingScope | undefined } {
    return (this.found ??= this.collector.scopeFromAncestors(this.def));
  }
}
