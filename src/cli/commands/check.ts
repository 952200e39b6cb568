// @spdf implements SPDF-CMD-CHECK, SPDF-BASE-002
import { STATUSES, formatPercent, type TraceStatus } from '../../core/matrix/decide';
import { offenderLine, runGate, type GateOptions, type GateReport } from '../../core/matrix/gate';
import { entryLine } from '../../core/baseline/match';
import { fractionMessage, isFraction } from '../../core/model/config-checks';
import { UNSCANNED_KINDS } from '../../node/codeindex/index-notes';
import { checkPath } from '../../node/workspace';
import { BASELINE_FLAGS, BASELINE_FLAGS_USAGE, useBaseline } from '../baseline-flags';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type Out } from '../io';
import { checkFormat, parseCommand, unknownValue } from '../parse-command';
import { visible } from '../visible';
import { checkPathOptions, testResultsFlag, WORKSPACE_FLAGS_WITH_CODE, WORKSPACE_FLAGS_WITH_CODE_USAGE } from '../workspace-flags';

const USAGE = `usage: spdf check [dir] [options]
The CI gate over the workspace that holds dir (default: the current folder). Exit 0 pass, 1 fail, 2 usage or internal error or output that could not be written.
It fails closed: load problems, unreadable inputs, unknown-ID tags, ERROR items, error-level findings on the traced
chain, crashed rules, no requirement in scope, or coverage below the minimum fail it.
  --min-coverage PCT            fail below this coverage ((OK + JUSTIFIED) / requirements in scope);
                                default check.min_coverage of spdf.config.yaml, else 100
  --fail-on-status S1,S2        also fail when any traced item has one of these statuses
  --allow-load-errors           list model/config load problems and unreadable inputs without failing
  --allow-unknown-ids           list code tags naming unknown IDs without failing
  --allow-errors                list ERROR items and error-level findings without failing
  -f, --format human|json       json lists every offender (schema media/schemas/spdf.check.schema.json)
  --test-results GLOB           JUnit XML files, replacing test_results of the config (repeatable)
  ${BASELINE_FLAGS_USAGE}
                                (with a baseline, its findings fail nothing; an item in ERROR only through them does not
                                fail the gate but keeps its status, so coverage stays honest; an unreadable baseline fails it)
  ${WORKSPACE_FLAGS_WITH_CODE_USAGE}`;

/** Offenders listed by the human format; `--format json` lists every one. */
export const HUMAN_OFFENDERS = 20;

/**
 * `spdf check`: the CI gate (src/core/matrix/gate.ts). It fails closed: load problems, unknown-ID tags, ERROR
 * items, error-level findings on the traced chain, an empty requirement set or coverage below the minimum (flag, else
 * config `check.min_coverage`, default 100) fail it unless an `--allow-*` flag says otherwise.
 * Exit 0 pass, 1 fail, 2 usage or internal error.
 */
export async function checkCommand(o: Out, args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    args,
    {
      'min-coverage': { type: 'string' },
      'fail-on-status': { type: 'string' },
      'allow-load-errors': { type: 'boolean', default: false },
      'allow-unknown-ids': { type: 'boolean', default: false },
      'allow-errors': { type: 'boolean', default: false },
      format: { type: 'string', short: 'f', default: 'human' },
      'test-results': { type: 'string', multiple: true },
      ...BASELINE_FLAGS,
      ...WORKSPACE_FLAGS_WITH_CODE,
    },
    1,
  );
  if (values.help) return (o.out(USAGE), EXIT_OK);
  const raw = values['min-coverage'];
  if (raw !== undefined && (!/^\d+(\.\d+)?%?$/.test(raw) || Number(raw.replace(/%$/, '')) > 100)) throw new UsageError('--min-coverage takes a percentage 0..100');
  if (raw !== undefined && isFraction(Number(raw.replace(/%$/, '')))) throw new UsageError(`--min-coverage takes a percentage 0..100: ${fractionMessage(Number(raw.replace(/%$/, '')))}`);
  const format = values.format;
  checkFormat(format, ['human', 'json']);
  const failOn = (values['fail-on-status'] ?? '')
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  // An empty list (`--fail-on-status "$UNSET"`) would add nothing to the gate without a word.
  if (values['fail-on-status'] !== undefined && failOn.length === 0) throw new UsageError(`--fail-on-status names no status (${STATUSES.join(', ')})`);
  const bad = failOn.filter((s) => !(STATUSES as readonly string[]).includes(s));
  if (bad.length) throw unknownValue('status in --fail-on-status', bad[0], STATUSES);

  const check = await checkPath(positionals[0] ?? '.', { ...checkPathOptions(values), testResults: testResultsFlag(values['test-results']) });
  const opts: GateOptions = {
    minCoverage: raw === undefined ? check.workspace.config.checkMinCoverage : Number(raw.replace(/%$/, '')),
    failOnStatus: failOn as TraceStatus[],
    allowLoadErrors: !!values['allow-load-errors'],
    allowUnknownIds: !!values['allow-unknown-ids'],
    allowErrors: !!values['allow-errors'],
    allowUnprunedBaseline: !!values['pass-on-unpruned-baseline'],
  };
  const base = await useBaseline(check, values);
  const baseline = base && {
    file: base.file,
    baselined: base.match?.baselined ?? [],
    unused: (base.match?.unused ?? []).map((u) => ({ file: u.entry.file, message: entryLine(u.entry, u.now) })),
    problems: base.problems,
  };
  const skippedCode = (check.inputs.code?.notes ?? []).filter((n) => UNSCANNED_KINDS.has(n.kind));
  const report = runGate(check.ruleInputs, check.result, { ...opts, problems: check.problems, skippedCode, baseline });
  if (format === 'json') o.out(JSON.stringify(report, null, 2));
  else {
    for (const x of report.offenders.slice(0, HUMAN_OFFENDERS)) o.err(`${report.allowed.includes(x.class) ? '(allowed) ' : ''}${visible(offenderLine(x))}`);
    if (report.offenders.length > HUMAN_OFFENDERS) o.err(`... and ${report.offenders.length - HUMAN_OFFENDERS} more (${report.offenders.length} in all; --format json lists every one)`);
    o.out(summaryLine(report));
  }
  return report.pass ? EXIT_OK : EXIT_FINDINGS;
}

export function summaryLine(r: GateReport): string {
  const c = r.coverage;
  const counts = STATUSES.map((s) => `${s} ${c.byStatus[s]}`).join(', ');
  const extras = [
    ...(r.failOnStatus.length ? [`fail on ${r.failOnStatus.join(',')}`] : []),
    ...(r.allowed.length ? [`allowed: ${r.allowed.join(', ')}`] : []),
    ...(r.codeChecked ? [] : ['code tags not checked (--no-code)']),
    ...(r.baseline ? [`${r.baseline.baselined} finding${r.baseline.baselined === 1 ? '' : 's'} baselined (${r.baseline.file})`] : []),
  ];
  return `spdf check: ${r.pass ? 'PASS' : 'FAIL'}: coverage ${formatPercent(c.percent ?? undefined)} (${c.okOrJustified}/${c.total} requirements OK or JUSTIFIED; ${counts}); minimum ${c.minimum}%${extras.map((e) => `; ${e}`).join('')}${r.reasons.length ? ` -- ${r.reasons.join('; ')}` : ''}`;
}
