import type { SyntaxNodeLike } from '../syntax-node';
import { type DescribeContext, type LanguageTable, type SymbolShape, textOf } from './types';

const TYPE_KINDS: Readonly<Record<string, 'class' | 'struct' | 'interface' | 'enum'>> = {
  class_declaration: 'class',
  record_declaration: 'class',
  struct_declaration: 'struct',
  record_struct_declaration: 'struct',
  interface_declaration: 'interface',
  enum_declaration: 'enum',
};

function describe(node: SyntaxNodeLike, ctx: DescribeContext): SymbolShape | undefined {
  if (node.type === 'file_scoped_namespace_declaration') return undefined;
  const nameNode = node.childForFieldName('name');
  if (!nameNode) return undefined;
  const name = textOf(nameNode, ctx.source);
  const typeKind = TYPE_KINDS[node.type];
  if (typeKind) return { kind: typeKind, name, nameNode, body: typeKind === 'enum' ? null : node.childForFieldName('body') };
  switch (node.type) {
    case 'namespace_declaration': {
      const segments = name.replace(/\s+/g, '').split('.');
      const last = segments.pop() ?? name;
      return { kind: 'scope', name: last, nameNode, qualifier: segments, body: node.childForFieldName('body') };
    }
    case 'method_declaration':
      return { kind: 'method', name, nameNode, declarationOnly: !node.childForFieldName('body') && !hasArrowBody(node) };
    case 'constructor_declaration':
      return { kind: 'constructor', name, nameNode };
    case 'destructor_declaration':
      return { kind: 'method', name: `~${name}`, nameNode };
    case 'local_function_statement':
      return { kind: 'function', name, nameNode };
    default:
      return undefined;
  }
}

function hasArrowBody(node: SyntaxNodeLike): boolean {
  return node.namedChildren.some((c) => c?.type === 'arrow_expression_clause');
}

export const CSHARP_TABLE: LanguageTable = {
  separator: '.',
  fileScope: (_file, root, source) => csharpFileNamespace(root, source),
  commentTypes: new Set(['comment']),
  commentStart: /\/[/*]/g,
  wrapperTypes: new Set(),
  unwrap: () => null,
  skippedAbove: new Set(),
  containers: new Set(['file_scoped_namespace_declaration']),
  isHeaderNode: () => false,
  describe,
};

/** `namespace A.B;` (file-scoped) -> ['A', 'B'], applying to every declaration of the file. */
export function csharpFileNamespace(root: SyntaxNodeLike, source: string): string[] {
  for (const child of root.namedChildren) {
    if (child?.type === 'file_scoped_namespace_declaration') {
      const name = child.childForFieldName('name');
      return name ? textOf(name, source).replace(/\s+/g, '').split('.') : [];
    }
  }
  return [];
}
