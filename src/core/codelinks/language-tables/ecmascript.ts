import type { SyntaxNodeLike } from '../syntax-node';
import { describeTestCall } from './js-test-calls';
import { type DescribeContext, type LanguageTable, type SymbolShape, textOf } from './types';

const FUNCTION_VALUES = new Set(['arrow_function', 'function_expression', 'function', 'generator_function']);
const CLASS_VALUES = new Set(['class']);

function named(node: SyntaxNodeLike, ctx: DescribeContext, field = 'name'): { name: string; nameNode: SyntaxNodeLike } | undefined {
  const nameNode = node.childForFieldName(field);
  return nameNode ? { name: textOf(nameNode, ctx.source), nameNode } : undefined;
}

/** `const f = () => {}` / `let C = class {}`: the first declarator with a function or class value. */
function describeVariable(node: SyntaxNodeLike, ctx: DescribeContext): SymbolShape | undefined {
  for (const declarator of node.namedChildren) {
    if (declarator?.type !== 'variable_declarator') continue;
    const value = declarator.childForFieldName('value');
    const id = named(declarator, ctx);
    if (!value || !id || declarator.childForFieldName('name')?.type !== 'identifier') continue;
    if (FUNCTION_VALUES.has(value.type)) return { kind: 'function', ...id };
    if (CLASS_VALUES.has(value.type)) return { kind: 'class', ...id, body: value.childForFieldName('body') };
  }
  return undefined;
}

function describe(node: SyntaxNodeLike, ctx: DescribeContext): SymbolShape | undefined {
  switch (node.type) {
    case 'function_declaration':
    case 'generator_function_declaration': {
      const id = named(node, ctx);
      return id && { kind: 'function', ...id };
    }
    case 'function_signature': {
      const id = named(node, ctx);
      return id && { kind: 'function', ...id, declarationOnly: true };
    }
    case 'class_declaration':
    case 'abstract_class_declaration': {
      const id = named(node, ctx);
      return id && { kind: 'class', ...id, body: node.childForFieldName('body') };
    }
    case 'method_definition':
    case 'abstract_method_signature': {
      const id = named(node, ctx);
      if (!id) return undefined;
      const kind = id.name === 'constructor' ? 'constructor' : 'method';
      return { kind, ...id, declarationOnly: node.type === 'abstract_method_signature' };
    }
    case 'public_field_definition':
    case 'field_definition': {
      const value = node.childForFieldName('value');
      const id = named(node, ctx, node.type === 'field_definition' ? 'property' : 'name');
      return value && id && FUNCTION_VALUES.has(value.type) ? { kind: 'method', ...id } : undefined;
    }
    case 'interface_declaration': {
      const id = named(node, ctx);
      return id && { kind: 'interface', ...id };
    }
    case 'enum_declaration': {
      const id = named(node, ctx);
      return id && { kind: 'enum', ...id };
    }
    case 'internal_module':
    case 'module': {
      const id = named(node, ctx);
      if (!id) return undefined;
      const segments = id.name.replace(/['"]/g, '').split('.');
      const name = segments.pop() ?? id.name;
      return { kind: 'scope', name, nameNode: id.nameNode, qualifier: segments, body: node.childForFieldName('body') };
    }
    case 'lexical_declaration':
    case 'variable_declaration':
      return describeVariable(node, ctx);
    case 'expression_statement':
      return describeTestCall(node, ctx);
    default:
      return undefined;
  }
}

function unwrap(node: SyntaxNodeLike): SyntaxNodeLike | null {
  const declaration = node.childForFieldName('declaration');
  if (declaration) return declaration;
  for (const child of node.namedChildren) {
    if (child && child.type !== 'decorator' && child.type !== 'comment') return child;
  }
  return null;
}

function makeTable(): LanguageTable {
  return {
    separator: '.',
    commentTypes: new Set(['comment', 'html_comment']),
    commentStart: /\/[/*]|<!--/g,
    wrapperTypes: new Set(['export_statement', 'ambient_declaration']),
    unwrap,
    skippedAbove: new Set(['decorator']),
    containers: new Set(['statement_block']),
    isHeaderNode: (node) => node.type === 'hash_bang_line',
    describe,
  };
}

export const TYPESCRIPT_TABLE = makeTable();
export const TSX_TABLE = makeTable();
export const JAVASCRIPT_TABLE = makeTable();
