// @spdf implements SPDF-CMD-TRACE, SPDF-FC-REPORTS
import { promises as fs } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { toCsv } from '../../core/export/csv';
import { htmlChunks } from '../../core/export/html';
import { toJson } from '../../core/export/json';
import { toMarkdown } from '../../core/export/markdown';
import { toReqif } from '../../core/export/reqif';
import { traceToSarif } from '../../core/export/sarif';
import { toXlsx } from '../../core/export/xlsx';
import { traceMatrix } from '../../core/matrix/trace-matrix';
import { PROJECTION_VIEWS, VIEWS, type Matrix, type ViewName } from '../../core/matrix/model';
import type { TestResultsInput } from '../../core/matrix/test-results';
import type { LintResult } from '../../core/rules/engine';
import { checkPath, type CheckPathOptions, type NodeCheck } from '../../node/workspace';
import { writeFileAtomic } from '../../node/atomic-write';
import { gitOutput } from '../../node/git-output';
import { inputsOf, refusedOutput } from '../../node/output-target';
import { visible } from '../visible';
import { formatLoadProblem, loadProblems } from '../../node/load-problems';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type Out } from '../io';
import { checkFormat, parseCommand, unknownValue } from '../parse-command';
import { checkPathOptions, testResultsFlag, WORKSPACE_FLAGS_WITH_CODE, WORKSPACE_FLAGS_WITH_CODE_USAGE } from '../workspace-flags';
import { rootPrefix } from '../lint-formats';
import { unreadCode, unreadCodeLine } from '../../core/codelinks/unread-code';
import { UNSCANNED_KINDS } from '../../node/codeindex/index-notes';
import pkg from '../../../package.json';

export const TRACE_FORMATS = ['html', 'csv', 'xlsx', 'md', 'json', 'sarif', 'reqif'] as const;

export interface TraceLoad {
  check: NodeCheck;
  /** Complete in model files (what the matrix shows); rules that report only in source files do not run. */
  result: LintResult;
  matrix: Matrix;
  testResults: TestResultsInput;
  /** The matrix's problem lines that are code evidence not read (errors of the run, not warnings). */
  unreadCode: ReadonlySet<string>;
}

export interface TraceLoadOptions extends Omit<CheckPathOptions, 'testResults'> {
  views?: readonly ViewName[];
  testResults?: string[];
  /** Same as `trusted: false`. */
  untrusted?: boolean;
}

/** Loads the workspace with every trace input (code links, review lock, JUnit results, git commit) and builds the matrix. */
export async function loadTrace(start: string, opts: TraceLoadOptions = {}): Promise<TraceLoad> {
  const { views: _views, untrusted, ...checkOpts } = opts;
  // The matrix shows findings of model items only: rules that report in source files alone need not run.
  const check = await checkPath(start, { ...checkOpts, trusted: (opts.trusted ?? true) && !untrusted, modelFindingsOnly: true });
  const { root, inputs, result } = check;
  const testResults = inputs.testResults!;
  // A source file not scanned or a tag not read drops its links (a SUSPECT one too, so a status may rise): the matrix says so.
  const code = inputs.code;
  const unread = code
    ? unreadCode(
        code.files,
        code.notes.filter((n) => UNSCANNED_KINDS.has(n.kind)),
      )
    : [];
  const unreadLines = unread.map(unreadCodeLine);
  const matrix = traceMatrix(check.ruleInputs, result, { views: opts.views, commit: gitCommit(root), problems: [...check.problems, ...unreadLines] });
  return { check, result, matrix, testResults, unreadCode: new Set(unreadLines) };
}

function gitCommit(root: string): string | undefined {
  if (process.env.SPDF_NO_GIT) return undefined;
  const out = gitOutput(root, ['rev-parse', 'HEAD'], { timeout: 5000 })?.trim();
  return out !== undefined && /^[0-9a-f]{40}$/.test(out) ? out : undefined;
}

const USAGE = `usage: spdf trace [dir] [options]
Builds the traceability matrix of the workspace that holds dir (default: the current folder).
  --view ${VIEWS.join('|')}   one view (default: every view; csv: requirements)
                               reqif: the requirements (ID, title, text, status, derived_from) with
                               their trace status, as ReqIF 1.2 that \`spdf import reqif\` reads back
                               (input problems: its header's COMMENT says INCOMPLETE and lists them)
  -f, --format ${TRACE_FORMATS.join('|')}   (default html)
  -o, --output FILE            write to FILE (atomically) instead of stdout; xlsx needs it
  --test-results GLOB          JUnit XML files, replacing test_results of the config (repeatable)
  ${WORKSPACE_FLAGS_WITH_CODE_USAGE}`;

/** The model's requirements, in file order, with the status the requirements view gives each. */
function reqifOf(t: TraceLoad): string {
  const status = new Map((t.matrix.views.requirements?.rows ?? []).map((r) => [r.id, r.status]));
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const reqs = t.check.ruleInputs.graph.byKind.requirement.map((item) => ({
    id: item.id,
    title: str(item.data.title),
    text: str(item.data.text),
    status: str(item.data.status),
    derivedFrom: Array.isArray(item.data.derived_from) ? (item.data.derived_from as unknown[]).filter((d): d is string => typeof d === 'string') : [],
    fields: Object.fromEntries(Object.entries(item.data).filter(([k]) => !['id', 'title', 'text', 'status'].includes(k))),
    traceStatus: status.get(item.id),
  }));
  return toReqif(reqs, {
    time: process.env.SOURCE_DATE_EPOCH ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000).toISOString() : new Date().toISOString(),
    toolId: `SPDF Workbench ${pkg.version}`,
    problems: t.matrix.problems,
  });
}

export async function traceCommand(o: Out, args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    args,
    {
      view: { type: 'string' },
      format: { type: 'string', short: 'f', default: 'html' },
      output: { type: 'string', short: 'o' },
      'test-results': { type: 'string', multiple: true },
      ...WORKSPACE_FLAGS_WITH_CODE,
    },
    1,
  );
  if (values.help) return (o.out(USAGE), EXIT_OK);
  const format = checkFormat(values.format, TRACE_FORMATS);
  const view = values.view as ViewName | undefined;
  if (view !== undefined && !(VIEWS as readonly string[]).includes(view)) throw unknownValue('--view', view, VIEWS);
  if (format === 'reqif' && view !== undefined && view !== 'requirements') throw new UsageError('--format reqif exports the requirements; --view must be requirements or left out');
  if (format === 'xlsx' && !values.output) throw new UsageError('--format xlsx needs -o FILE');
  // CSV holds one table: the requirements view unless --view names another. The other formats hold every view unless narrowed.
  const views: ViewName[] = view ? [view] : format === 'csv' || format === 'reqif' ? ['requirements'] : format === 'sarif' ? VIEWS.filter((v) => !PROJECTION_VIEWS.includes(v)) : [...VIEWS];
  const t = await loadTrace(positionals[0] ?? '.', { views, testResults: testResultsFlag(values['test-results']), ...checkPathOptions(values) });
  for (const p of loadProblems(t.check)) o.err(formatLoadProblem(p));
  for (const p of t.matrix.problems) o.err(t.unreadCode.has(p) ? visible(`error: ${p}`) : `warning: ${p}`);
  let data: string | Uint8Array | Iterable<string>;
  switch (format) {
    case 'html':
      data = htmlChunks(t.matrix, { subtitle: `SPDF Workbench ${pkg.version}` });
      break;
    case 'csv':
      data = toCsv(t.matrix.views[views[0]]!, t.matrix.problems);
      break;
    case 'md':
      data = toMarkdown(t.matrix);
      break;
    case 'json':
      data = toJson(t.matrix);
      break;
    case 'reqif':
      // An exchange file is taken as the whole requirement set: one missing what could not be read must not exist.
      if (loadProblems(t.check).some((p) => p.severity === 'error')) {
        o.err('spdf trace --format reqif: the model has errors (above), so requirements may be missing; no ReqIF written');
        return EXIT_FINDINGS;
      }
      data = reqifOf(t);
      break;
    case 'sarif':
      data = `${JSON.stringify(traceToSarif(t.matrix, { toolVersion: pkg.version, uriPrefix: rootPrefix(t.check.root) }), null, 2)}\n`;
      break;
    default:
      data = await toXlsx(t.matrix);
  }
  if (values.output) {
    const refused = refusedOutput(
      'spdf trace',
      t.check.root,
      inputsOf(t.check.workspace, [...(t.check.inputs.code?.files ?? []).map((f) => f.file), ...(t.check.inputs.testResults?.files ?? [])]),
      values.output,
    );
    if (refused !== undefined) {
      o.err(visible(refused));
      return EXIT_USAGE;
    }
    const abs = resolve(values.output);
    await fs.mkdir(dirname(abs), { recursive: true });
    await writeFileAtomic(abs, data);
    o.err(`wrote ${values.output} (${Object.keys(t.matrix.views).join(', ')}; ${t.matrix.coverage.total} requirements in scope)`);
  } else if (data instanceof Uint8Array) o.out(Buffer.from(data).toString('base64'));
  else o.out((typeof data === 'string' ? data : [...data].join('')).replace(/\n$/, ''));
  // The matrix says INCOMPLETE inside; the exit code says it to a script that only keeps the file.
  if (t.matrix.problems.length) {
    o.err(`spdf trace: INCOMPLETE: ${t.matrix.problems.length} input problem${t.matrix.problems.length === 1 ? '' : 's'} (above); what was not read is missing from the matrix`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}
