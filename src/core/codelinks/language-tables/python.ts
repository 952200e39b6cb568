import type { SyntaxNodeLike } from '../syntax-node';
import { type DescribeContext, type LanguageTable, type SymbolShape, textOf } from './types';

function describe(node: SyntaxNodeLike, ctx: DescribeContext): SymbolShape | undefined {
  if (node.type === 'expression_statement') return describeAssignment(node, ctx);
  if (node.type !== 'function_definition' && node.type !== 'class_definition') return undefined;
  const nameNode = node.childForFieldName('name');
  if (!nameNode) return undefined;
  const name = textOf(nameNode, ctx.source);
  if (node.type === 'class_definition') return { kind: 'class', name, nameNode, body: node.childForFieldName('body') };
  const inClass = ctx.enclosing?.kind === 'class';
  return { kind: inClass ? (name === '__init__' ? 'constructor' : 'method') : 'function', name, nameNode };
}

/** `MAX_RATE = 10` at module or class level: a constant when its name is upper case, a variable otherwise. */
function describeAssignment(node: SyntaxNodeLike, ctx: DescribeContext): SymbolShape | undefined {
  const parent = node.parent;
  // Only module level and class bodies hold these: answered from the parents before looking up the scope.
  const inClassBody = parent?.type === 'block' && parent.parent?.type === 'class_definition';
  if (!inClassBody && parent?.type !== 'module') return undefined;
  const classLevel = inClassBody && ctx.enclosing?.kind === 'class';
  if (!classLevel && (ctx.enclosing || parent?.type !== 'module')) return undefined;
  const assignment = node.firstNamedChild;
  const nameNode = assignment?.type === 'assignment' ? assignment.childForFieldName('left') : null;
  if (!nameNode || nameNode.type !== 'identifier') return undefined;
  const name = textOf(nameNode, ctx.source);
  return { kind: /^[A-Z][A-Z0-9_]*$/.test(name) ? 'constant' : 'variable', name, nameNode };
}

/** A string that is the first statement of a module, class or function body. */
function isDocstring(node: SyntaxNodeLike): boolean {
  if (node.type !== 'string') return false;
  const statement = node.parent;
  if (statement?.type !== 'expression_statement' || statement.firstNamedChild?.nextNamedSibling !== null) return false;
  const block = statement.parent;
  if (!block || (block.type !== 'block' && block.type !== 'module')) return false;
  for (let prev = statement.previousSibling; prev; prev = prev.previousSibling) {
    if (prev.isNamed && prev.type !== 'comment') return false;
  }
  if (block.type === 'module') return true;
  const owner = block.parent;
  return owner?.type === 'function_definition' || owner?.type === 'class_definition';
}

export const PYTHON_TABLE: LanguageTable = {
  separator: '.',
  fileScope: (file) => pythonModulePath(file),
  commentTypes: new Set(['comment']),
  commentStart: /#|"""|'''/g,
  wrapperTypes: new Set(['decorated_definition']),
  unwrap: (node) => node.childForFieldName('definition'),
  skippedAbove: new Set(),
  containers: new Set(['if_statement', 'try_statement', 'block', 'else_clause', 'except_clause', 'finally_clause']),
  isHeaderNode: (node, isFirst) => isFirst && node.type === 'expression_statement' && node.firstNamedChild?.type === 'string',
  describe,
  isDocstring,
};

/**
 * Python module path of a workspace file: `src/pump/dose.py` -> `pump.dose`, `pump/__init__.py` -> `pump`.
 * A leading `src/` (the src layout) is not part of the import path.
 */
export function pythonModulePath(file: string): string[] {
  const parts = file
    .replace(/\.pyi?$/, '')
    .split('/')
    .filter(Boolean);
  if (parts[0] === 'src' && parts.length > 1) parts.shift();
  if (parts[parts.length - 1] === '__init__') parts.pop();
  return parts.filter((p) => p !== '.');
}
