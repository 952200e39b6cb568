import { nearest } from '../suggest';
import type { Relation } from './model';
import type { SyntaxNodeLike } from './syntax-node';
import type { RawTag, RawTagProblem } from './comment-tags/scan-state';
import { splitIds } from './comment-tags/tag-text';
import type { CallTagOption, CompiledTagSyntaxes } from './tag-syntaxes';

/**
 * Tags written in code (`code.call_tags`): a call, macro invocation, decorator, annotation or attribute whose
 * string argument names IDs, e.g. `REQUIREMENT("AL-001")`, `RecordProperty("Verifies", "REQ-1, REQ-2")`,
 * `@pytest.mark.req("SEC-1")`, `@Requirement("R-1")`, `[Requirement("R-1")]`, `#[requirement("R-1")]`.
 */

/** Nodes that apply a callee to arguments, across the grammars. */
const CALL_TYPES = new Set(['call_expression', 'call', 'method_invocation', 'invocation_expression', 'annotation', 'marker_annotation', 'attribute', 'macro_invocation']);
const ARGUMENT_LISTS = new Set(['argument_list', 'arguments', 'attribute_argument_list', 'annotation_argument_list', 'token_tree']);
/** Argument nodes that hold the value in a field or as their last child (`value = "R-1"`, C# `argument`). */
const ARGUMENT_WRAPPERS = new Set(['argument', 'attribute_argument', 'element_value_pair', 'keyword_argument']);
const STRING_TYPES = new Set(['string_literal', 'string', 'interpreted_string_literal', 'raw_string_literal', 'verbatim_string_literal', 'template_string']);
const STRING_PARTS = new Set(['string_content', 'string_fragment', 'string_literal_content', 'escape_sequence']);
const INTERPOLATIONS = new Set(['interpolation', 'template_substitution']);

/** A call the option names, read: its tags, or the problem that kept them from being read. */
export interface CallTagRead {
  call: SyntaxNodeLike;
  tags: RawTag[];
  problem?: RawTagProblem;
}

/** The call whose callee holds `offset` (where a configured name was found), or null when that text is no call. */
export function callAt(root: SyntaxNodeLike, offset: number): SyntaxNodeLike | null {
  const leaf = root.descendantForIndex(offset, offset + 1);
  for (let node = leaf; node; node = node.parent) {
    if (!CALL_TYPES.has(node.type)) continue;
    const callee = calleeOf(node);
    if (callee && callee.startIndex <= offset && offset < callee.endIndex) return node;
    const list = argumentListOf(node);
    if (list && list.startIndex <= offset && offset < list.endIndex) return null;
  }
  return null;
}

function calleeOf(call: SyntaxNodeLike): SyntaxNodeLike | null {
  const named = call.childForFieldName('function') ?? call.childForFieldName('name') ?? call.childForFieldName('macro');
  if (named) return named;
  return call.type === 'attribute' ? (call.namedChildren[0] ?? null) : null;
}

function optionFor(callee: string, options: readonly CallTagOption[]): CallTagOption | undefined {
  const written = callee.replace(/\s+/g, '');
  return options.find((o) => o.names.some((name) => written === name || written.endsWith(`.${name}`) || written.endsWith(`::${name}`)));
}

function argumentListOf(call: SyntaxNodeLike): SyntaxNodeLike | null {
  return call.childForFieldName('arguments') ?? call.namedChildren.find((c) => c && ARGUMENT_LISTS.has(c.type)) ?? null;
}

function argumentsOf(call: SyntaxNodeLike): SyntaxNodeLike[] {
  const list = argumentListOf(call);
  const args = (list?.namedChildren ?? []).filter((c): c is SyntaxNodeLike => !!c && !/comment/.test(c.type));
  return args.map((a) => (ARGUMENT_WRAPPERS.has(a.type) ? (a.childForFieldName('value') ?? a.namedChildren[a.namedChildren.length - 1] ?? a) : a));
}

/** The content span of a plain string literal, or undefined for anything computed (names, concatenation, interpolation). */
function literalContent(node: SyntaxNodeLike): { start: number; end: number } | undefined {
  if (!STRING_TYPES.has(node.type)) return undefined;
  const named = node.namedChildren.filter((c): c is SyntaxNodeLike => !!c);
  if (named.some((c) => INTERPOLATIONS.has(c.type))) return undefined;
  const parts = named.filter((c) => STRING_PARTS.has(c.type));
  if (parts.length) return { start: parts[0].startIndex, end: parts[parts.length - 1].endIndex };
  // Empty, or a leaf such as C#'s @"..." or Rust's r#"..."#: the text between the first and last quote.
  const written = node.text;
  const open = written.search(/["'`]/);
  const close = open < 0 ? -1 : written.lastIndexOf(written[open]);
  return close > open ? { start: node.startIndex + open + 1, end: node.startIndex + close } : undefined;
}

/**
 * Reads the call at `call` when its callee is configured; null when it is not (an unrelated call that shares
 * the last name segment). A configured call whose arguments cannot be read is a problem, never silence.
 */
export function readCallTag(call: SyntaxNodeLike, text: string, syntaxes: CompiledTagSyntaxes, contextual: Relation): CallTagRead | null {
  const callee = calleeOf(call);
  if (!callee) return null;
  const name = text.slice(callee.startIndex, callee.endIndex);
  const option = optionFor(name, syntaxes.callTags);
  if (!option) return null;
  const start = call.startIndex;
  const end = call.endIndex;
  const shown = `${name.replace(/\s+/g, '')}(...)`;
  const fail = (kind: RawTagProblem['kind'], message: string, suggestion?: RawTagProblem['suggestion']): CallTagRead => ({
    call,
    tags: [],
    problem: { kind, message, start, end, ...(suggestion ? { suggestion } : {}) },
  });
  const args = argumentsOf(call);
  let relation = option.relation ?? contextual;
  if (option.relationArgument !== undefined) {
    const relArg = args[option.relationArgument - 1];
    const span = relArg && literalContent(relArg);
    if (!span) return fail('malformed-tag', `argument ${option.relationArgument} of ${shown} is not a string literal; the relation cannot be read`);
    const word = text.slice(span.start, span.end);
    const relations = option.relations ?? {};
    const mapped = Object.hasOwn(relations, word) ? relations[word] : undefined;
    if (!mapped) {
      const guess = nearest(word, Object.keys(relations));
      // Not a trace call (gtest RecordProperty also records timings); a near miss of a relation word is a typo.
      if (!guess) return null;
      return fail('unknown-relation', `'${word}' in ${shown} maps to no relation (known: ${Object.keys(relations).join(', ')}); did you mean '${guess}'?`, {
        start: span.start,
        end: span.end,
        text: guess,
      });
    }
    relation = mapped;
  }
  const position = option.argument ?? 1;
  const idArg = args[position - 1];
  if (!idArg) return fail('malformed-tag', `${shown} has no argument ${position}; the IDs cannot be read`);
  const span = literalContent(idArg);
  if (!span) return fail('malformed-tag', `argument ${position} of ${shown} is not a string literal; the IDs it names cannot be read (write the IDs as a literal)`);
  const ids = splitIds(text, span.start, span.end, option.idSeparator ?? ',');
  if (!ids.length) return fail('malformed-tag', `${shown} names no ID`);
  return {
    call,
    tags: ids.map(({ id, start: idStart }) => ({ syntax: 'call', id, idStart, idEnd: idStart + id.length, relation, tagStart: start, tagEnd: end })),
  };
}
