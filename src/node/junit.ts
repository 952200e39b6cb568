// @spdf implements SPDF-FC-RESULTS
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { pathMatcher } from '../core/path-glob';
import { wideEncoding } from '../core/text';
import { boundedReads } from './bounded-read';
import { attributeVerdict, rank, unshownFailures } from './junit-case-status';
import { goModsOnDisk, withGoModules } from './go-modules';
import { findResultFiles } from './junit-files';
import { nestedConfigsOfResults, type NestedConfigOptions } from './nested-config-results';
import type { JUnitCase, JUnitOutcome, TestResultsInput, TestResultsProblem } from '../core/matrix/test-results';

/** Largest JUnit file read. */
export const MAX_JUNIT_BYTES = 64 * 1024 * 1024;

/** A results file's bytes, or only its size when that is over MAX_JUNIT_BYTES. */
export type ResultBytes = Uint8Array | { size: number };

/**
 * Reads JUnit XML files matching `globs` under `root` (config `test_results`). Result folders are usually
 * git-ignored, so this walks the disk itself instead of the model file listing. Broken XML gives a problem
 * with file:line:column, never an exception. With them, the module paths of the go.mod files among `files` (the
 * workspace's listing), which tell Go cases' packages (go-modules.ts).
 */
export async function readTestResults(root: string, globs: readonly string[], opts: NestedConfigOptions = {}, files: readonly string[] = []): Promise<TestResultsInput> {
  if (globs.length === 0) return { version: 1, files: [], cases: [], problems: [] };
  const found = await findResultFiles(root, globs);
  found.problems.push(...nestedConfigsOfResults(root, found.files, opts));
  // One bounded read: never more than the limit plus one byte, however the file grows after the walk saw it.
  const read = (file: string): Promise<ResultBytes> => {
    const bytes = boundedReads().readFileUpToSync(join(root, file), MAX_JUNIT_BYTES);
    // A copy: the bounded read's buffer is the next read's.
    return Promise.resolve(Buffer.isBuffer(bytes) ? Buffer.from(bytes) : bytes);
  };
  return withGoModules(await readResultFiles(globs, found, '', read), globs, files, goModsOnDisk(root));
}

/**
 * The results in `found.files` (the files the `globs` chose, on disk or in a commit), read through `read` and parsed,
 * with `found.problems`: the same rules wherever they come from. A glob that chose nothing, a file over the limit or
 * one that cannot be read is a problem, never a quiet gap. `where` ends the no-match message (' in this revision').
 */
export async function readResultFiles(
  globs: readonly string[],
  found: { files: readonly string[]; problems: readonly TestResultsProblem[] },
  where: string,
  read: (file: string) => Promise<ResultBytes>,
): Promise<TestResultsInput> {
  const out: TestResultsInput = { version: 1, files: [], cases: [], problems: [...found.problems] };
  // A configured result glob that finds nothing would let every verifier count as "not yet required": say so.
  for (const glob of globs) {
    const matches = pathMatcher(glob);
    if (!found.files.some((f) => matches(f)))
      out.problems.push({ file: glob, line: 1, column: 1, message: `test result glob '${glob}' matches no file${where}: no test result was read, so no verifier can be shown to pass` });
  }
  for (const file of found.files) {
    let bytes: ResultBytes;
    try {
      bytes = await read(file);
    } catch (e) {
      out.problems.push({ file, line: 1, column: 1, message: `cannot read test results: ${(e as Error).message}` });
      continue;
    }
    if (!(bytes instanceof Uint8Array) || bytes.length > MAX_JUNIT_BYTES) {
      out.problems.push({ file, line: 1, column: 1, message: `test result file is larger than ${MAX_JUNIT_BYTES} bytes; skipped` });
      continue;
    }
    // Read as UTF-8, UTF-16 or UTF-32 text would be NUL bytes around every character: the parser's complaint names none of that.
    const wide = wideEncoding(bytes);
    if (wide) {
      out.files.push(file);
      out.problems.push({
        file,
        line: 1,
        column: 1,
        message: `JUnit XML in ${wide} is not read (test results are read as UTF-8): save it as UTF-8 (have the test runner write UTF-8, or convert it: iconv -f ${wide.split(' ')[0]} -t UTF-8)`,
      });
      continue;
    }
    const parsed = parseJUnit(file, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8'));
    out.files.push(file);
    for (const c of parsed.cases) out.cases.push(c);
    for (const p of parsed.problems) out.problems.push(p);
  }
  return out;
}

type Node = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Parses one JUnit XML text (Surefire, pytest, go-junit-report, nextest, jest-junit, GoogleTest flavours). */
export function parseJUnit(file: string, text: string): { cases: JUnitCase[]; problems: TestResultsProblem[] } {
  const problems: TestResultsProblem[] = [];
  const cases: JUnitCase[] = [];
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const err = valid.err;
    problems.push({ file, line: err.line ?? 1, column: err.col ?? 1, message: `broken JUnit XML: ${err.msg}` });
    return { cases, problems };
  }
  // A DTD's declarations change the document for an XML reader that applies them (any conforming one does): an
  // entity's text may be markup (`<!ENTITY f "<failure/>">`, or `&#60;failure/>`), an attribute list may give every
  // case a default `status="failed"`. This reader applies neither, so a failed case would read as passed. None is read.
  const declaration = /<!(ENTITY|ATTLIST)\b/.exec(text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => ' '.repeat(m.length)));
  if (declaration) {
    const before = text.slice(0, declaration.index);
    problems.push({
      file,
      line: before.split('\n').length,
      column: declaration.index - before.lastIndexOf('\n'),
      message: `a DTD declaration (<!${declaration[1]}) is refused in JUnit XML: an XML reader applies it (an entity's text can be a <failure>, an attribute default a failed status) and this one would not; the file was not read`,
    });
    return { cases, problems };
  }
  let doc: Node[];
  try {
    // Character references (`&#x22;`, `&#60;`) are XML, and Mocha's xunit writes every quote and `<` of a title as one:
    // fast-xml-parser decodes them only with `htmlEntities`, which also decodes HTML's named entities (undeclared in
    // XML, so never in a well-formed file). Left undecoded, such a title never matched its test (not run).
    doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, processEntities: true, htmlEntities: true, parseTagValue: false, parseAttributeValue: false }).parse(
      text,
    ) as Node[];
  } catch (e) {
    problems.push({ file, line: 1, column: 1, message: `broken JUnit XML: ${(e as Error).message}` });
    return { cases, problems };
  }
  const tags = startTags(text);
  let n = 0;
  let sawSuite = false;
  /** Failures and errors read so far: each <failure> and <error>, or one for a case failed by its attributes alone. */
  let failedCases = 0;
  const unknown = (name: string, at: Position, parent: string) =>
    problems.push({
      file,
      line: at.line,
      column: at.column,
      message: `unknown element <${name}> in <${parent}> (JUnit names are case-sensitive): not understood, so nothing in it counts as a result`,
    });
  const walk = (nodes: Node[], suite: string, parent: string) => {
    for (const node of nodes) {
      const tag = Object.keys(node).find((k) => k !== ':@');
      if (!tag || tag.startsWith('#') || tag.startsWith('?')) continue;
      const at = tags[n++] ?? START;
      const attrs = node[':@'] ?? {};
      const children = (Array.isArray(node[tag]) ? node[tag] : []) as Node[];
      if (tag === 'testsuites' || tag === 'testsuite') {
        const before = failedCases;
        if (tag === 'testsuite') sawSuite = true;
        walk(children, tag === 'testsuite' ? (attrs.name ?? suite) : suite, tag);
        const unshown = unshownFailures(tag, attrs, failedCases - before);
        if (unshown) problems.push({ file, line: at.line, column: at.column, message: unshown });
      } else if (tag === 'testcase') readCase(children, attrs, suite, at);
      else {
        if (parent !== '' && !SUITE_EXTRAS.has(tag)) unknown(tag, at, parent);
        skip(children);
      }
    }
  };
  /** Counts the start tags of elements whose content is not read, so later positions stay right. */
  const skip = (nodes: Node[]) => {
    for (const node of nodes) {
      const tag = Object.keys(node).find((k) => k !== ':@');
      if (!tag || tag.startsWith('#') || tag.startsWith('?')) continue;
      n++;
      skip((Array.isArray(node[tag]) ? node[tag] : []) as Node[]);
    }
  };
  const readCase = (children: Node[], attrs: Record<string, string>, suite: string, at: Position) => {
    let outcome: JUnitOutcome = 'pass';
    let message: string | undefined;
    let notUnderstood = false;
    let failureElements = 0;
    for (const c of children) {
      const ct = Object.keys(c).find((k) => k !== ':@');
      if (!ct || ct.startsWith('#') || ct.startsWith('?')) continue;
      const childAt = tags[n++] ?? START;
      skip((Array.isArray(c[ct]) ? c[ct] : []) as Node[]);
      const ca = c[':@'] ?? {};
      if (ct === 'failure' || ct === 'error') {
        failureElements++;
        if (outcome !== 'fail' && outcome !== 'error') {
          outcome = ct === 'failure' ? 'fail' : 'error';
          message = ca.message ?? ca.type;
        }
      } else if (ct === 'skipped' || ct === 'disabled') {
        if (outcome === 'pass') outcome = 'skipped';
      } else if (!CASE_EXTRAS.has(ct)) {
        unknown(ct, childAt, 'testcase');
        notUnderstood = true;
      }
    }
    // GoogleTest marks a skipped case by `result="skipped"` alone (before 1.11 with no <skipped> child), a disabled one by `result="suppressed"`.
    const said = attributeVerdict(attrs);
    if (said?.notUnderstood)
      problems.push({ file, line: at.line, column: at.column, message: `<testcase ${said.notUnderstood}> is no test status the JUnit reader knows: not understood, so the case counts as errored` });
    if (said && rank(said.outcome) > rank(outcome)) {
      outcome = said.outcome;
      message = said.message ?? message;
    }
    if (notUnderstood && outcome !== 'fail') {
      outcome = 'error';
      message = 'not understood: the test case holds an element the JUnit reader does not know';
    }
    // pytest counts a test that failed and then errored in its teardown once in `failures` and once in `errors`.
    if (outcome === 'fail' || outcome === 'error') failedCases += Math.max(1, failureElements);
    const name = attrs.name ?? '';
    if (!name) problems.push({ file, line: at.line, column: 1, message: 'testcase without a name attribute; ignored' });
    else cases.push({ classname: attrs.classname ?? attrs.class ?? suite, name, outcome, file, line: at.line, ...(attrs.file ? { source: attrs.file } : {}), ...(message ? { message } : {}) });
  };
  walk(doc, '', '');
  if (!sawSuite && cases.length === 0) problems.push({ file, line: 1, column: 1, message: 'no <testsuite> or <testcase> element: not a JUnit XML file' });
  return { cases, problems };
}

interface Position {
  line: number;
  column: number;
}
const START: Position = { line: 1, column: 1 };

/** Children of <testsuite>/<testsuites> that hold no result. */
const SUITE_EXTRAS = new Set(['properties', 'property', 'system-out', 'system-err']);
/** Children of <testcase> beside failure/error/skipped: output, properties, Surefire's rerun and flaky reports (the final outcome is the failure/error element). */
const CASE_EXTRAS = new Set(['properties', 'property', 'system-out', 'system-err', 'rerunFailure', 'rerunError', 'flakyFailure', 'flakyError']);

/** 1-based line and column of every element start tag, in document order (comments and CDATA skipped). One pass over the text. */
function startTags(text: string): Position[] {
  const out: Position[] = [];
  const re = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[A-Za-z_:]/g;
  let line = 1;
  let lineStart = 0;
  let nextNewline = text.indexOf('\n');
  const countTo = (end: number) => {
    while (nextNewline !== -1 && nextNewline < end) {
      line++;
      lineStart = nextNewline + 1;
      nextNewline = text.indexOf('\n', nextNewline + 1);
    }
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    countTo(m.index);
    if (m[0].length === 2) out.push({ line, column: m.index - lineStart + 1 });
    else countTo(m.index + m[0].length);
  }
  return out;
}
