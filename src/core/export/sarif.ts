// @spdf implements SPDF-EXP-SARIF
import { PROJECTION_VIEWS, type Matrix, type ViewName } from '../matrix/model';
import type { LintResult } from '../rules/engine';
import { RULES } from '../rules/registry';
import type { Rule } from '../rules/types';
import type { Finding, Severity, SuppressedFinding } from '../types';
import { viewsOf } from './table';

/** SARIF 2.1.0 (OASIS). Only the properties we emit are typed. */
export const SARIF_VERSION = '2.1.0';
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifOptions {
  toolVersion: string;
  /** Prefix of every artifact URI (the workspace root relative to where the log is read, e.g. `examples/pump/`). */
  uriPrefix?: string;
  informationUri?: string;
}

type Level = 'error' | 'warning' | 'note';
const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'note' };

function uri(prefix: string | undefined, file: string): string {
  const p = prefix ? `${prefix.replace(/\/?$/, '/')}${file}` : file;
  return p.split('/').map(encodeURIComponent).join('/');
}

function ruleDescriptor(r: Rule) {
  const m = r.meta;
  return {
    id: m.code,
    name: m.alias,
    shortDescription: { text: m.description },
    fullDescription: { text: m.rationale || m.description },
    help: { text: `${m.description}\n\n${m.rationale}\n\nSource: ${m.source}`, markdown: `**${m.code} ${m.alias}**: ${m.description}\n\n${m.rationale}\n\nSource: ${m.source}` },
    defaultConfiguration: { level: LEVEL[m.severity] },
    properties: { category: m.category, fixable: m.fixable, source: m.source, tags: ['spdf', m.category] },
  };
}

function location(prefix: string | undefined, f: Finding) {
  return {
    physicalLocation: {
      artifactLocation: { uri: uri(prefix, f.file), uriBaseId: '%SRCROOT%' },
      region: { startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 },
    },
  };
}

function driver(opts: SarifOptions, rules: object[]) {
  return {
    name: 'spdf',
    fullName: 'SPDF Workbench',
    version: opts.toolVersion,
    semanticVersion: opts.toolVersion,
    ...(opts.informationUri ? { informationUri: opts.informationUri } : {}),
    rules,
  };
}

function run(opts: SarifOptions, rules: object[], results: object[], problems: readonly string[] = []) {
  const withInputs = problems.length ? [...rules, INPUT_RULE] : rules;
  const inputResults = problems.map((text) => inputResult(opts, text, rules.length));
  return { tool: { driver: driver(opts, withInputs) }, ...incomplete(problems), columnKind: 'utf16CodeUnits', results: [...results, ...inputResults] };
}

/** Where a problem without a file of its own is shown: the config, whose globs and settings choose what is read. */
const CONFIG_PLACE = 'spdf.config.yaml';

/** The rule of the results that stand for inputs not read, added to a log only when it has such results. */
const INPUT_RULE = {
  id: 'SPDF-INPUT',
  name: 'input-not-read',
  shortDescription: { text: 'An input was not read, parsed or understood: the results of this run are incomplete.' },
  fullDescription: {
    text: 'A model, source, test-result or lock file the run should have read was not read, parsed or understood, or a rule crashed; what it holds is missing from the other results.',
  },
  defaultConfiguration: { level: 'error' },
  properties: { tags: ['spdf', 'input'] },
};

/**
 * An input problem as an error result at its file:line:col (else at the config's 1:1): a viewer that shows results
 * only (GitHub code scanning ignores notifications) must not take a log without them for a clean run.
 */
function inputResult(opts: SarifOptions, text: string, ruleIndex: number) {
  const placed = /^([^\s:*?[\]{}]+):(\d+):(\d+): /.exec(text);
  const [file, line, column] = placed ? [placed[1], Number(placed[2]), Number(placed[3])] : [CONFIG_PLACE, 1, 1];
  return {
    ruleId: INPUT_RULE.id,
    ruleIndex,
    level: 'error',
    message: { text },
    locations: [{ physicalLocation: { artifactLocation: { uri: uri(opts.uriPrefix, file), uriBaseId: '%SRCROOT%' }, region: { startLine: line, startColumn: column } } }],
  };
}

/**
 * Input the run could not read: the log says the run did not succeed and names each problem, so a SARIF viewer
 * (which never sees the exit code) does not take a short result list for a complete one.
 */
function incomplete(problems: readonly string[]) {
  if (!problems.length) return {};
  return { invocations: [{ executionSuccessful: false, toolExecutionNotifications: problems.map((text) => ({ level: 'error', message: { text } })) }] };
}

/** SARIF for `spdf lint`: every shown finding, every suppressed finding (with its justification), every rule's metadata. */
export function lintToSarif(result: Pick<LintResult, 'suppressed'>, shown: readonly Finding[], opts: SarifOptions & { problems?: readonly string[] }): object {
  const index = new Map(RULES.map((r, i) => [r.meta.code, i]));
  const one = (f: Finding, sup?: SuppressedFinding) => ({
    ruleId: f.code,
    ...(index.has(f.code) ? { ruleIndex: index.get(f.code)! } : {}),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [location(opts.uriPrefix, f)],
    ...(f.related?.length ? { relatedLocations: f.related.map((r, i) => ({ id: i, ...location(opts.uriPrefix, { ...f, file: r.file, range: r.range }), message: { text: r.message } })) } : {}),
    ...(sup ? { suppressions: [{ kind: 'inSource', status: 'accepted', justification: sup.justification }] } : {}),
  });
  const results = [...shown.map((f) => one(f)), ...result.suppressed.map((s) => one(s, s))];
  return { $schema: SARIF_SCHEMA, version: SARIF_VERSION, runs: [run(opts, RULES.map(ruleDescriptor), results, opts.problems)] };
}

/** Trace rules: one per status that is not OK. */
export const TRACE_RULES = [
  { id: 'TRACE-ERROR', name: 'trace-error', level: 'error' as Level, text: 'The item has an error of its own (broken reference, structure error) or a failing verifying test.' },
  { id: 'TRACE-MISSING', name: 'trace-missing', level: 'error' as Level, text: 'The item has none of the evidence its kind requires (implementation, verification, linked items).' },
  { id: 'TRACE-SUSPECT', name: 'trace-suspect', level: 'warning' as Level, text: 'A code link of the item changed since it was reviewed (code or target changed).' },
  { id: 'TRACE-PARTIAL', name: 'trace-partial', level: 'warning' as Level, text: 'The item has some but not all of the evidence its kind requires.' },
  { id: 'TRACE-JUSTIFIED', name: 'trace-justified', level: 'note' as Level, text: 'The gap is justified by a documented suppression or an accepted risk with approver and rationale.' },
];

/** SARIF for `spdf trace`: one result per matrix row whose status is not OK (JUSTIFIED rows carry a suppression). */
export function traceToSarif(m: Matrix, opts: SarifOptions): object {
  const rules = TRACE_RULES.map((r) => ({
    id: r.id,
    name: r.name,
    shortDescription: { text: r.text },
    fullDescription: { text: `${r.text} Status rule: README, "Trace statuses".` },
    defaultConfiguration: { level: r.level },
    properties: { tags: ['spdf', 'traceability'] },
  }));
  const results: object[] = [];
  const seen = new Set<string>();
  const hasItemView = Object.keys(m.views).some((n) => !PROJECTION_VIEWS.includes(n as ViewName));
  for (const v of viewsOf(m)) {
    if (PROJECTION_VIEWS.includes(v.name) && hasItemView) continue;
    for (const r of v.rows) {
      if (r.status === 'OK' || seen.has(r.id)) continue;
      seen.add(r.id);
      const ruleIndex = TRACE_RULES.findIndex((t) => t.id === `TRACE-${r.status}`);
      const why = (r.cells.why ?? []).map((c) => c.text).join('; ');
      results.push({
        ruleId: TRACE_RULES[ruleIndex].id,
        ruleIndex,
        level: TRACE_RULES[ruleIndex].level,
        message: { text: `${r.kind} ${r.id} is ${r.status}${why ? `: ${why}` : ''}` },
        locations: [{ physicalLocation: { artifactLocation: { uri: uri(opts.uriPrefix, r.file), uriBaseId: '%SRCROOT%' }, region: { startLine: r.line } } }],
        ...(r.status === 'JUSTIFIED' ? { suppressions: [{ kind: 'inSource', status: 'accepted', justification: why }] } : {}),
        properties: { view: v.name, status: r.status },
      });
    }
  }
  return { $schema: SARIF_SCHEMA, version: SARIF_VERSION, runs: [run(opts, rules, results, m.problems)] };
}
