import type { SyntaxNodeLike } from '../syntax-node';
import { type DescribeContext, type LanguageTable, type SymbolShape, textOf } from './types';

const TYPE_KINDS: Readonly<Record<string, 'class' | 'interface' | 'enum'>> = {
  class_declaration: 'class',
  record_declaration: 'class',
  interface_declaration: 'interface',
  annotation_type_declaration: 'interface',
  enum_declaration: 'enum',
};

function describe(node: SyntaxNodeLike, ctx: DescribeContext): SymbolShape | undefined {
  const nameNode = node.childForFieldName('name');
  if (!nameNode) return undefined;
  const name = textOf(nameNode, ctx.source);
  const typeKind = TYPE_KINDS[node.type];
  if (typeKind) return { kind: typeKind, name, nameNode, body: node.childForFieldName('body') };
  switch (node.type) {
    case 'method_declaration':
      return { kind: 'method', name, nameNode, declarationOnly: !node.childForFieldName('body') };
    case 'constructor_declaration':
    case 'compact_constructor_declaration':
      return { kind: 'constructor', name, nameNode };
    default:
      return undefined;
  }
}

export const JAVA_TABLE: LanguageTable = {
  separator: '.',
  fileScope: (_file, root, source) => javaPackage(root, source),
  commentTypes: new Set(['line_comment', 'block_comment']),
  commentStart: /\/[/*]/g,
  wrapperTypes: new Set(),
  unwrap: () => null,
  skippedAbove: new Set(),
  containers: new Set(['enum_body_declarations']),
  isHeaderNode: (node) => node.type === 'package_declaration',
  describe,
};

/** `package com.example.pump;` -> ['com', 'example', 'pump']. */
export function javaPackage(root: SyntaxNodeLike, source: string): string[] {
  for (const child of root.namedChildren) {
    if (child?.type === 'package_declaration') {
      const name = child.namedChildren.find((c) => c && (c.type === 'scoped_identifier' || c.type === 'identifier'));
      return name ? textOf(name, source).replace(/\s+/g, '').split('.') : [];
    }
    if (child && child.type !== 'line_comment' && child.type !== 'block_comment') break;
  }
  return [];
}
