import type { SymbolKind } from '../model';
import type { SyntaxNodeLike } from '../syntax-node';
import { type DescribeContext, type LanguageTable, type SymbolShape, stripGenerics, textOf } from './types';

const MEMBER_OWNERS = new Set(['impl', 'trait']);
const RUST_ITEM_KINDS: Record<string, SymbolKind> = { const_item: 'constant', static_item: 'variable', type_item: 'type', macro_definition: 'macro' };

function describe(node: SyntaxNodeLike, ctx: DescribeContext): SymbolShape | undefined {
  switch (node.type) {
    case 'function_item':
    case 'function_signature_item': {
      const nameNode = node.childForFieldName('name');
      if (!nameNode) return undefined;
      const inOwner = ctx.enclosing !== undefined && MEMBER_OWNERS.has(ctx.enclosing.kind);
      return {
        kind: inOwner ? 'method' : 'function',
        name: textOf(nameNode, ctx.source),
        nameNode,
        declarationOnly: node.type === 'function_signature_item',
      };
    }
    case 'struct_item':
    case 'union_item':
    case 'enum_item':
    case 'trait_item': {
      const nameNode = node.childForFieldName('name');
      if (!nameNode) return undefined;
      const kind = node.type === 'enum_item' ? 'enum' : node.type === 'trait_item' ? 'trait' : 'struct';
      return { kind, name: textOf(nameNode, ctx.source), nameNode, body: kind === 'trait' || kind === 'enum' ? node.childForFieldName('body') : null };
    }
    case 'enum_variant': {
      const nameNode = node.childForFieldName('name');
      return nameNode && ctx.enclosing?.kind === 'enum' ? { kind: 'enum_member', name: textOf(nameNode, ctx.source), nameNode } : undefined;
    }
    case 'impl_item': {
      const typeNode = node.childForFieldName('type');
      if (!typeNode) return undefined;
      const type = stripGenerics(textOf(typeNode, ctx.source));
      const traitNode = node.childForFieldName('trait');
      const trait = traitNode ? stripGenerics(textOf(traitNode, ctx.source)) : undefined;
      return {
        kind: 'impl',
        name: trait ? `impl ${trait} for ${type}` : `impl ${type}`,
        nameNode: typeNode,
        memberScope: trait ? `<${type} as ${trait}>` : type,
        body: node.childForFieldName('body'),
      };
    }
    case 'mod_item': {
      const nameNode = node.childForFieldName('name');
      const body = node.childForFieldName('body');
      return nameNode ? { kind: 'module', name: textOf(nameNode, ctx.source), nameNode, body, ...(body ? {} : { declarationOnly: true }) } : undefined;
    }
    case 'const_item':
    case 'static_item':
    case 'type_item':
    case 'macro_definition': {
      const nameNode = node.childForFieldName('name');
      return nameNode ? { kind: RUST_ITEM_KINDS[node.type], name: textOf(nameNode, ctx.source), nameNode } : undefined;
    }
    default:
      return undefined;
  }
}

export const RUST_TABLE: LanguageTable = {
  separator: '::',
  commentTypes: new Set(['line_comment', 'block_comment']),
  commentStart: /\/[/*]/g,
  wrapperTypes: new Set(),
  unwrap: () => null,
  skippedAbove: new Set(['attribute_item']),
  containers: new Set(),
  isHeaderNode: (node) => node.type === 'inner_attribute_item',
  describe,
};
