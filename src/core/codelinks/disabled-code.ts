// @spdf implements SPDF-FC-DISABLED-CODE
import type { CodeLanguage } from './languages';
import type { CodeFileIndex, CodeProblem } from './model';

/** Languages whose files pass through a preprocessor with `#if`/`#elif`/`#else`/`#endif`. */
const PREPROCESSED: ReadonlySet<CodeLanguage> = new Set(['c', 'cpp', 'csharp']);

const DIRECTIVE = /^[ \t]*#[ \t]*([a-z]+)\b(.*)$/;
const ANY_BRANCH = /^[ \t]*#[ \t]*(?:if|elif|else)\b/m;

/** Lines (0-based, inclusive) that no build compiles, and the directive line that leaves them out. */
export interface DisabledSpan {
  from: number;
  to: number;
  directive: number;
}

interface Frame {
  /** The current branch is left out whatever the build defines; `at` is the directive that says so. */
  off: boolean;
  at: number;
  taken: 'yes' | 'no' | 'maybe';
}

/**
 * The branches of `#if` chains that are certainly not compiled: under a constant false condition (`#if 0`,
 * `#if (0)`, `#if false`), or after a branch whose condition is constant true (`#else` of `#if 1`). A condition
 * naming a macro (`#ifdef`, `#if DEBUG`) may hold in some build: its branches are never reported.
 */
export function disabledSpans(text: string, language: CodeLanguage): DisabledSpan[] {
  if (!PREPROCESSED.has(language) || !ANY_BRANCH.test(text)) return [];
  const lines = text.split('\n');
  const stack: Frame[] = [];
  const spans: DisabledSpan[] = [];
  let inComment = false;
  let open: DisabledSpan | undefined;
  // The frames that are off, outermost first: only the top frame changes, so each change is at the end of this list.
  const offFrames: Frame[] = [];
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].replace(/\r$/, '');
    const directive = inComment ? null : DIRECTIVE.exec(line);
    inComment = endsInComment(line, inComment);
    if (directive) {
      const [depth, wasOff] = [stack.length, stack[stack.length - 1]?.off === true];
      branch(stack, directive[1], withoutComments(directive[2]), n, language);
      const top = stack[stack.length - 1];
      if (stack.length < depth) {
        if (wasOff) offFrames.pop();
      } else if (stack.length > depth) {
        if (top.off) offFrames.push(top);
      } else if (top && wasOff !== top.off) {
        if (top.off) offFrames.push(top);
        else offFrames.pop();
      }
      const off = offFrames[0];
      if (open && (!off || off.at !== open.directive)) open = undefined;
      if (off && !open) spans.push((open = { from: n + 1, to: n, directive: off.at }));
      continue;
    }
    if (open) open.to = n;
  }
  return spans.filter((s) => s.to >= s.from);
}

function branch(stack: Frame[], name: string, condition: string, line: number, language: CodeLanguage): void {
  const top = stack[stack.length - 1];
  if (name === 'if' || name === 'ifdef' || name === 'ifndef') {
    const value = name === 'if' ? constant(condition, language) : undefined;
    stack.push({ off: value === false, at: line, taken: value === true ? 'yes' : value === false ? 'no' : 'maybe' });
  } else if (!top) {
    return;
  } else if (name === 'elif' || name === 'elifdef' || name === 'elifndef') {
    const value = name === 'elif' ? constant(condition, language) : undefined;
    const off = top.taken === 'yes' || value === false;
    top.taken = value === true ? 'yes' : top.taken === 'no' && value === false ? 'no' : 'maybe';
    Object.assign(top, { off, at: line });
  } else if (name === 'else') {
    Object.assign(top, { off: top.taken === 'yes', at: line, taken: 'yes' });
  } else if (name === 'endif') {
    stack.pop();
  }
}

/** The value of a condition every build agrees on, or undefined. */
function constant(condition: string, language: CodeLanguage): boolean | undefined {
  let c = condition.trim();
  if (c.length > 64) return undefined;
  while (/^\(.*\)$/.test(c) && balanced(c.slice(1, -1))) c = c.slice(1, -1).trim();
  if (/^0+[uUlL]*$/.test(c) || /^0[xX]0+[uUlL]*$/.test(c) || c === 'false') return false;
  if (/^[1-9][0-9]*[uUlL]*$/.test(c)) return true;
  // In C before C23, `true` in a condition is an unknown identifier (0) unless <stdbool.h> made it 1.
  if (c === 'true' && language !== 'c') return true;
  return undefined;
}

function balanced(s: string): boolean {
  let depth = 0;
  for (const ch of s) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

function withoutComments(s: string): string {
  return s.replace(/\/\*.*?(\*\/|$)/g, ' ').replace(/\/\/.*$/, '');
}

/** Whether a block comment is still open at the end of `line`, given whether one was open at its start. */
function endsInComment(line: string, inComment: boolean): boolean {
  if (!line.includes(inComment ? '*/' : '/')) return inComment;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    const next = line[i + 1];
    if (inComment) {
      if (ch === '*' && next === '/') {
        inComment = false;
        i++;
      }
    } else if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '/' && next === '/') return false;
    else if (ch === '/' && next === '*') {
      inComment = true;
      i++;
    }
  }
  return inComment;
}

/** CL013: each tag written in code no build compiles. Its link claims code that is not in the product. */
export function disabledCodeProblems(text: string, index: Pick<CodeFileIndex, 'language' | 'tags' | 'orphanTags'>): CodeProblem[] {
  const tags = [...index.tags, ...index.orphanTags];
  if (!tags.length) return [];
  const spans = disabledSpans(text, index.language);
  if (!spans.length) return [];
  const problems: CodeProblem[] = [];
  const reported = new Set<string>();
  let lines: string[] | undefined;
  for (const { tagRange } of tags) {
    const at = `${tagRange.start.line}:${tagRange.start.character}`;
    const span = spanAt(spans, tagRange.start.line);
    if (!span || reported.has(at)) continue;
    reported.add(at);
    lines ??= text.split('\n');
    const directive = lines[span.directive].trim().slice(0, 80);
    problems.push({
      kind: 'tag-in-disabled-code',
      message: `tag in code no build compiles (\`${directive}\` at line ${span.directive + 1}): the code it links to is not in the product; remove the tag or the condition`,
      range: tagRange,
    });
  }
  return problems;
}

/** The span holding a line, by binary search: spans are disjoint and in order. */
function spanAt(spans: readonly DisabledSpan[], line: number): DisabledSpan | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].to < line) lo = mid + 1;
    else if (spans[mid].from > line) hi = mid - 1;
    else return spans[mid];
  }
  return undefined;
}
