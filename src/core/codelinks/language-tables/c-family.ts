import type { SyntaxNodeLike } from '../syntax-node';
import { CLASS_LIKE, type DescribeContext, type EmbeddedComment, type LanguageTable, type SymbolShape, stripGenerics, textOf } from './types';

const FUNCTION_DECLARATOR_WRAPPERS = new Set(['pointer_declarator', 'reference_declarator', 'parenthesized_declarator', 'attributed_declarator', 'init_declarator']);

const SPECIFIER_KINDS: Readonly<Record<string, 'struct' | 'class' | 'enum'>> = {
  struct_specifier: 'struct',
  union_specifier: 'struct',
  class_specifier: 'class',
  enum_specifier: 'enum',
};

/**
 * What names a function under a declarator chain (`*f(...)`, `&f(...)`, `&&f(...)`), or null for a variable.
 * tree-sitter-cpp gives `reference_declarator` no `declarator` field, so the inner declarator is its last named
 * child; a conversion operator (`operator bool()`, `Foo::operator bool()`) has no function_declarator at all.
 */
function functionName(declarator: SyntaxNodeLike | null): SyntaxNodeLike | null {
  for (let node = declarator, depth = 0; node && depth < 8; depth++) {
    if (node.type === 'function_declarator') {
      // `int (*handler(void))(int)` returns a function pointer: the function is the inner declarator;
      // `void (*callback)(int)` is a variable holding one, no symbol.
      const inner = node.childForFieldName('declarator');
      return inner?.type === 'parenthesized_declarator' ? functionName(inner) : inner;
    }
    if (node.type === 'operator_cast' || (node.type === 'qualified_identifier' && innermostName(node)?.type === 'operator_cast')) return node;
    if (!FUNCTION_DECLARATOR_WRAPPERS.has(node.type)) return null;
    node = node.childForFieldName('declarator') ?? innerDeclarator(node);
  }
  return null;
}

/** The declarator inside a wrapper without a `declarator` field (skipping `const`, attributes, MS modifiers). */
function innerDeclarator(node: SyntaxNodeLike): SyntaxNodeLike | null {
  for (const child of node.namedChildren) if (child && !/qualifier|attribute|specifier|modifier/.test(child.type)) return child;
  return null;
}

function innermostName(node: SyntaxNodeLike): SyntaxNodeLike | null {
  let name: SyntaxNodeLike | null = node;
  for (let depth = 0; name?.type === 'qualified_identifier' && depth < 16; depth++) name = name.childForFieldName('name');
  return name;
}

/** `operator <<` -> `operator<<`, `operator new []` -> `operator new[]`, `operator std::string` kept readable. */
function operatorName(text: string): string {
  const rest = text
    .replace(/^operator/, '')
    .trim()
    .replace(/\s+/g, ' ');
  if (/^[A-Za-z_]/.test(rest)) return `operator ${rest.replace(/\s*([^\w\s:])\s*/g, '$1')}`;
  return `operator${rest.replace(/\s+/g, '')}`;
}

/** Scope segments and name of a declarator name; template arguments dropped, operator names kept whole. */
function nameSegments(node: SyntaxNodeLike, source: string): string[] {
  switch (node.type) {
    case 'qualified_identifier': {
      const scope = node.childForFieldName('scope');
      const name = node.childForFieldName('name');
      return [...(scope ? nameSegments(scope, source) : []), ...(name ? nameSegments(name, source) : [])];
    }
    case 'template_type':
    case 'template_function':
    case 'template_method': {
      const name = node.childForFieldName('name');
      return name ? nameSegments(name, source) : [];
    }
    case 'operator_name':
      return [operatorName(textOf(node, source))];
    case 'operator_cast': {
      const type = node.childForFieldName('type');
      return [operatorName(`operator ${type ? textOf(type, source) : ''}`)];
    }
    default:
      return stripGenerics(textOf(node, source)).split('::').filter(Boolean);
  }
}

function describeFunction(nameNode: SyntaxNodeLike, ctx: DescribeContext, declarationOnly: boolean): SymbolShape | undefined {
  const segments = nameSegments(nameNode, ctx.source);
  const name = segments.pop();
  if (!name) return undefined;
  const enclosing = ctx.enclosing && CLASS_LIKE.has(ctx.enclosing.kind) ? ctx.enclosing.name : undefined;
  const owner = segments.length ? segments[segments.length - 1] : enclosing;
  const kind = owner === undefined ? 'function' : owner === name ? 'constructor' : 'method';
  return { kind, name, nameNode, qualifier: segments, declarationOnly };
}

const TEST_MACROS = new Set(['TEST', 'TEST_F', 'TEST_P', 'TYPED_TEST', 'TYPED_TEST_P']);

/** A googletest `TEST(Suite, Name) {...}` parses as a function named TEST: name it `Suite.Name`, as gtest does. */
function describeTestMacro(nameNode: SyntaxNodeLike, ctx: DescribeContext): SymbolShape | undefined {
  if (nameNode.type !== 'identifier' || !TEST_MACROS.has(textOf(nameNode, ctx.source))) return undefined;
  const params = nameNode.parent?.childForFieldName('parameters')?.namedChildren ?? [];
  const names = params.map((p) => (p?.type === 'parameter_declaration' && !p.childForFieldName('declarator') ? p.childForFieldName('type') : null));
  if (names.length !== 2 || names.some((n) => !n)) return undefined;
  return { kind: 'function', name: names.map((n) => textOf(n!, ctx.source)).join('.'), nameNode };
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
  return { kind, name, nameNode, qualifier: segments, body };
}

/**
 * A variable declared outside functions and classes (`static const int MAX_RATE = 10;`). A declaration of
 * several (`int a, *b, c[4];`) is one symbol per name, all linked by a tag above it: the tag documents the
 * whole line, and linking only the first name would hide the others from the trace.
 */
function describeVariable(node: SyntaxNodeLike, ctx: DescribeContext): SymbolShape | undefined {
  if (ctx.enclosing && ctx.enclosing.kind !== 'scope') return undefined;
  const type = node.childForFieldName('type');
  const names: SyntaxNodeLike[] = [];
  for (const child of node.namedChildren) {
    if (!child || (type && child.startIndex <= type.startIndex) || (child.type !== 'identifier' && !child.type.endsWith('declarator'))) continue;
    let declarator: SyntaxNodeLike | null = child;
    for (let depth = 0; declarator && declarator.type !== 'identifier' && depth < 8; depth++) {
      declarator = declarator.childForFieldName('declarator') ?? innerDeclarator(declarator);
    }
    if (!declarator || declarator.type !== 'identifier') return undefined;
    names.push(declarator);
  }
  if (!names.length) return undefined;
  const isConst = node.namedChildren.some((c) => c?.type === 'type_qualifier' && /const/.test(textOf(c, ctx.source)));
  const [first, ...rest] = names.map((n): SymbolShape => ({ kind: isConst ? 'constant' : 'variable', name: textOf(n, ctx.source), nameNode: n }));
  return rest.length ? { ...first, also: rest } : first;
}

function describe(node: SyntaxNodeLike, ctx: DescribeContext): SymbolShape | undefined {
  switch (node.type) {
    case 'function_definition': {
      const fn = functionName(node.childForFieldName('declarator'));
      return fn ? (describeTestMacro(fn, ctx) ?? describeFunction(fn, ctx, false)) : undefined;
    }
    case 'declaration':
    case 'field_declaration': {
      const fn = functionName(node.childForFieldName('declarator'));
      if (fn) return describeFunction(fn, ctx, true);
      const type = node.childForFieldName('type');
      if (type && SPECIFIER_KINDS[type.type] && type.childForFieldName('body')) return describeSpecifier(type, ctx);
      return node.type === 'declaration' ? describeVariable(node, ctx) : undefined;
    }
    case 'enumerator': {
      const nameNode = node.childForFieldName('name');
      return nameNode && ctx.enclosing?.kind === 'enum' ? { kind: 'enum_member', name: textOf(nameNode, ctx.source), nameNode } : undefined;
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
    case 'friend_declaration': {
      // A friend function is no member: no constructor or method kind from the class around it.
      const inner = node.namedChildren.find((c) => c && (c.type === 'declaration' || c.type === 'function_definition'));
      const shape = inner ? describe(inner, { ...ctx, enclosing: undefined }) : undefined;
      return shape && shape.kind === 'function' ? shape : undefined;
    }
    case 'preproc_def':
    case 'preproc_function_def': {
      const nameNode = node.childForFieldName('name');
      return nameNode ? { kind: 'macro', name: textOf(nameNode, ctx.source), nameNode, unscoped: true } : undefined;
    }
    case 'namespace_definition': {
      const nameNode = node.childForFieldName('name');
      const body = node.childForFieldName('body');
      if (!nameNode) return body ? { kind: 'scope', name: '', nameNode: node, body } : undefined;
      const segments = textOf(nameNode, ctx.source)
        .split('::')
        .map((s) => s.trim())
        .filter(Boolean);
      const name = segments.pop() ?? '';
      return { kind: 'scope', name, nameNode, qualifier: segments, body };
    }
    default:
      return undefined;
  }
}

/** The line or block comment around `offset` in a preprocessor directive's value (`#define X 1 // note`). */
function embeddedComment(node: SyntaxNodeLike, offset: number, source: string): EmbeddedComment | null {
  let arg: SyntaxNodeLike | null = node;
  for (let depth = 0; arg && arg.type !== 'preproc_arg' && depth < 2; depth++) arg = arg.parent;
  if (!arg || arg.type !== 'preproc_arg') return null;
  const end = arg.endIndex;
  let quote = '';
  for (let i = arg.startIndex; i < end && i <= offset; i++) {
    const ch = source[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '/' && source[i + 1] === '/') return { start: i, end, holder: arg };
    else if (ch === '/' && source[i + 1] === '*') {
      const close = source.indexOf('*/', i + 2);
      const commentEnd = close === -1 || close + 2 > end ? end : close + 2;
      if (offset < commentEnd) return { start: i, end: commentEnd, holder: arg };
      i = commentEnd - 1;
    }
  }
  return null;
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
    containers: new Set(['preproc_if', 'preproc_ifdef', 'preproc_else', 'preproc_elif', 'preproc_elifdef', 'linkage_specification', 'declaration_list']),
    isHeaderNode: () => false,
    describe,
    embeddedComment,
  };
}

export const C_TABLE = makeTable();
export const CPP_TABLE = makeTable();
