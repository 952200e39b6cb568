// @spdf implements SPDF-IDX-001
import type { SyntaxNodeLike } from '../syntax-node';
import { type DescribeContext, type SymbolShape, textOf } from './types';

/** Mocha, Jest, Vitest, Jasmine, node:test: the calls that declare a suite or a test, plain or with a modifier. */
const SUITES = /^(?:describe|context|suite)(?:\.(?:skip|only|todo|concurrent|sequential))?$|^[xf]describe$/;
const TESTS = /^(?:it|test|specify)(?:\.(?:skip|only|todo|concurrent|failing))?$|^[xf]it$|^xtest$/;
const CALLBACKS = new Set(['arrow_function', 'function_expression', 'function']);
/** `it`, `describe.skip`: a name or a member of one; the longest form above, with spaces, fits in the limit. */
const CALLEES = new Set(['identifier', 'member_expression']);
const MAX_CALLEE = 40;

/**
 * `describe('pump', () => {...})` and `it('rejects unsigned', ...)` as statements: a suite (a module whose tests
 * live in its callback) or a test (a function), named by their title, so a tag above one links it. A title that
 * is not a plain string (a template with substitutions, a variable, `describe.each(...)`) declares nothing readable.
 */
export function describeTestCall(node: SyntaxNodeLike, ctx: DescribeContext): SymbolShape | undefined {
  const call = node.namedChildren[0];
  if (call?.type !== 'call_expression') return undefined;
  // Every call statement of a JS/TS file comes here: the callee's name decides before its arguments are read.
  const callee = call.childForFieldName('function');
  if (!callee || !CALLEES.has(callee.type) || callee.endIndex - callee.startIndex > MAX_CALLEE) return undefined;
  const calleeText = textOf(callee, ctx.source).replace(/\s+/g, '');
  const suite = SUITES.test(calleeText);
  if (!suite && !TESTS.test(calleeText)) return undefined;
  const args = call.childForFieldName('arguments')?.namedChildren ?? [];
  const title = args[0];
  if (!title || !(title.type === 'string' || (title.type === 'template_string' && !title.namedChildren.some((c) => c?.type === 'template_substitution')))) return undefined;
  const name = textOf(title, ctx.source).slice(1, -1);
  if (!suite) return { kind: 'function', name, nameNode: title };
  const callback = args.slice(1).find((a) => a && CALLBACKS.has(a.type));
  return { kind: 'module', name, nameNode: title, body: callback?.childForFieldName('body') ?? null };
}
