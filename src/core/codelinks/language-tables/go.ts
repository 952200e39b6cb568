import type { SyntaxNodeLike } from '../syntax-node';
import { type DescribeContext, type LanguageTable, type SymbolShape, stripGenerics, textOf } from './types';

/** `(p *Pump[T])` -> `Pump`. */
function receiverType(method: SyntaxNodeLike, source: string): string | undefined {
  const receiver = method.childForFieldName('receiver');
  const param = receiver?.namedChildren.find((c) => c?.type === 'parameter_declaration');
  const type = param?.childForFieldName('type');
  if (!type) return undefined;
  const name = stripGenerics(textOf(type, source)).replace(/^\*+/, '');
  return name || undefined;
}

function describe(node: SyntaxNodeLike, ctx: DescribeContext): SymbolShape | undefined {
  switch (node.type) {
    case 'function_declaration': {
      const nameNode = node.childForFieldName('name');
      return nameNode ? { kind: 'function', name: textOf(nameNode, ctx.source), nameNode } : undefined;
    }
    case 'method_declaration': {
      const nameNode = node.childForFieldName('name');
      if (!nameNode) return undefined;
      const owner = receiverType(node, ctx.source);
      return { kind: 'method', name: textOf(nameNode, ctx.source), nameNode, qualifier: owner ? [owner] : [] };
    }
    case 'type_spec': {
      const nameNode = node.childForFieldName('name');
      const type = node.childForFieldName('type');
      if (!nameNode || !type) return undefined;
      const kind = type.type === 'struct_type' ? 'struct' : type.type === 'interface_type' ? 'interface' : undefined;
      return kind ? { kind, name: textOf(nameNode, ctx.source), nameNode } : undefined;
    }
    default:
      return undefined;
  }
}

/** `type X struct{}` wraps exactly one spec; a grouped `type (...)` is walked as a container instead. */
function unwrap(node: SyntaxNodeLike): SyntaxNodeLike | null {
  const specs = node.namedChildren.filter((c) => c?.type === 'type_spec');
  return specs.length === 1 ? specs[0] : null;
}

export const GO_TABLE: LanguageTable = {
  separator: '.',
  commentTypes: new Set(['comment']),
  commentStart: /\/[/*]/g,
  wrapperTypes: new Set(['type_declaration']),
  unwrap,
  skippedAbove: new Set(),
  containers: new Set(['type_declaration']),
  isHeaderNode: (node) => node.type === 'package_clause',
  describe,
};
