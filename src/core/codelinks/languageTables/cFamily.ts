import type { SyntaxNodeLike } from '../syntaxNode';
import { CLASS_LIKE, type DescribeContext, type LanguageTable, type SymbolShape, stripGenerics, textOf } from './types';

const FUNCTION_DECLARATOR_WRAPPERS = new Set([
  'pointer_declarator',
  'reference_declarator',
  'parenthesized_declarator',
  'attributed_declarator',
  'init_declarator',
]);

const SPECIFIER_KINDS: Readonly<Record<string, 'struct' | 'class' | 'enum'>> = {
  struct_specifier: 'struct',
  union_specifier: 'struct',
  class_specifier: 'class',
  enum_specifier: 'enum',
};

/** The function_declarator under a declarator chain (`*f(...)`, `&f(...)`), if any. */
function functionDeclarator(declarator: SyntaxNodeLike | null): SyntaxNodeLike | null {
  for (let node = declarator, depth = 0; node && depth < 8; depth++) {
    if (node.type === 'function_declarator') return node;
    if (!FUNCTION_DECLARATOR_WRAPPERS.has(node.type)) return null;
    node = node.childForFieldName('declarator');
  }
  return null;
}

function describeFunction(
  fnDeclarator: SyntaxNodeLike,
  ctx: DescribeContext,
  declarationOnly: boolean,
): SymbolShape | undefined {
  const nameNode = fnDeclarator.childForFieldName('declarator');
  if (!nameNode) return undefined;
  const segments = stripGenerics(textOf(nameNode, ctx.source)).split('::').filter(Boolean);
  const name = segments.pop();
  if (!name) return undefined;
  const enclosing = ctx.enclosing && CLASS_LIKE.has(ctx.enclosing.kind) ? ctx.enclosing.name : undefined;
  const owner = segments.length ? segments[segments.length - 1] : enclosing;
  const kind = owner === undefined ? 'function' : owner === name ? 'constructor' : 'method';
  return { kind, name, nameNode, qualifier: segments, declarationOnly };
}

function describeSpecifier(node: SyntaxNodeLike, ctx: DescribeContext, typedefName?: SyntaxNodeLike): SymbolShape | undefined {
  const kind = SPECIFIER_KINDS[node.type];
  const body = node.childForFieldName('body');
  if (!kind || !body) return undefined;
  const nameNode = typedefName ?? node.childForFieldName('name');
  if (!nameNode) return undefined;
  const segments = stripGenerics(textOf(nameNode, ctx.source)).split('::').filter(Boolean);
  const name = segments.pop();
  if (!name) return undefined;
  return { kind, name, nameNode, qualifier: segments, body: kind === 'enum' ? null : body };
}

function describe(node: SyntaxNodeLike, ctx: DescribeContext): SymbolShape | undefined {
  switch (node.type) {
    case 'function_definition': {
      const fn = functionDeclarator(node.childForFieldName('declarator'));
      return fn ? describeFunction(fn, ctx, false) : undefined;
    }
    case 'declaration':
    case 'field_declaration': {
      const fn = functionDeclarator(node.childForFieldName('declarator'));
      if (fn) return describeFunction(fn, ctx, true);
      const type = node.childForFieldName('type');
      return type && SPECIFIER_KINDS[type.type] ? describeSpecifier(type, ctx) : undefined;
    }
    case 'type_definition': {
      const type = node.childForFieldName('type');
      const declarator = node.childForFieldName('declarator');
      return type && declarator?.type === 'type_identifier' ? describeSpecifier(type, ctx, declarator) : undefined;
    }
    case 'struct_specifier':
    case 'union_specifier':
    case 'class_specifier':
    case 'enum_specifier':
      return describeSpecifier(node, ctx);
    case 'namespace_definition': {
      const nameNode = node.childForFieldName('name');
      const body = node.childForFieldName('body');
      if (!nameNode) return body ? { kind: 'scope', name: '', nameNode: node, body } : undefined;
      const segments = textOf(nameNode, ctx.source).split('::').map((s) => s.trim()).filter(Boolean);
      const name = segments.pop() ?? '';
      return { kind: 'scope', name, nameNode, qualifier: segments, body };
    }
    default:
      return undefined;
  }
}

function unwrap(node: SyntaxNodeLike): SyntaxNodeLike | null {
  // template_declaration: the templated entity is its last named child.
  const named = node.namedChildren;
  for (let i = named.length - 1; i >= 0; i--) {
    const child = named[i];
    if (child && child.type !== 'template_parameter_list' && child.type !== 'requires_clause') return child;
  }
  return null;
}

function makeTable(): LanguageTable {
  return {
    separator: '::',
    commentTypes: new Set(['comment']),
    commentStart: /\/[/*]/g,
    wrapperTypes: new Set(['template_declaration']),
    unwrap,
    skippedAbove: new Set(['attribute_declaration']),
    containers: new Set([
      'preproc_if',
      'preproc_ifdef',
      'preproc_else',
      'preproc_elif',
      'preproc_elifdef',
      'linkage_specification',
      'declaration_list',
    ]),
    isHeaderNode: () => false,
    describe,
  };
}

export const C_TABLE = makeTable();
export const CPP_TABLE = makeTable();
