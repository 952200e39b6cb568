import { parseArgs } from 'node:util';
import { STATUSES, formatPercent, type TraceStatus } from '../../core/matrix/decide';
import { offenderLine, runGate, type GateOptions, type GateReport } from '../../core/matrix/gate';
import { checkPath } from '../../node/workspace';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type Out } from '../io';

/** Offenders listed by the human format; `--format json` lists every one. */
export const HUMAN_OFFENDERS = 20;

/**
 * `spdf check`: the CI gate (src/core/matrix/gate.ts). It fails closed: load problems, unknown-ID tags, ERROR
 * items, error-level findings on the traced chain, an empty requirement set or coverage below the minimum (flag, else
 * config `check.min_coverage`, default 100) fail it unless an `--allow-*` flag says otherwise.
 * Exit 0 pass, 1 fail, 2 usage or internal error.
 */
export async function checkCommand(o: Out, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'min-coverage': { type: 'string' },
      'fail-on-status': { type: 'string' },
      'allow-load-errors': { type: 'boolean', default: false },
      'allow-unknown-ids': { type: 'boolean', default: false },
      'allow-errors': { type: 'boolean', default: false },
      format: { type: 'string', short: 'f', default: 'human' },
      'test-results': { type: 'string', multiple: true },
      'no-code': { type: 'boolean', default: false },
      untrusted: { type: 'boolean', default: false },
    },
  });
  const raw = values['min-coverage'];
  if (raw !== undefined && (!/^\d+(\.\d+)?%?$/.test(raw) || Number(raw.replace(/%$/, '')) > 100)) throw new UsageError('--min-coverage takes a percentage 0..100');
  const format = values.format!;
  if (format !== 'human' && format !== 'json') throw new UsageError(`unknown --format '${format}' (human, json)`);
  const failOn = (values['fail-on-status'] ?? '')
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const bad = failOn.filter((s) => !(STATUSES as readonly string[]).includes(s));
  if (bad.length) throw new UsageError(`unknown status ${bad.join(', ')} in --fail-on-status (${STATUSES.join(', ')})`);

  const check = await checkPath(positionals[0] ?? '.', { trusted: !values.untrusted, code: !values['no-code'], testResults: values['test-results'] });
  const opts: GateOptions = {
    minCoverage: raw === undefined ? check.workspace.config.checkMinCoverage : Number(raw.replace(/%$/, '')),
    failOnStatus: failOn as TraceStatus[],
    allowLoadErrors: !!values['allow-load-errors'],
    allowUnknownIds: !!values['allow-unknown-ids'],
    allowErrors: !!values['allow-errors'],
  };
  const skippedCode = (check.inputs.code?.notes ?? []).filter((n) => n.kind === 'unreadable' || n.kind === 'oversize');
  const report = runGate(check.ruleInputs, check.result, { ...opts, problems: check.problems, skippedCode });
  if (format === 'json') o.out(JSON.stringify(report, null, 2));
  else {
    for (const x of report.offenders.slice(0, HUMAN_OFFENDERS)) o.err(`${report.allowed.includes(x.class) ? '(allowed) ' : ''}${offenderLine(x)}`);
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
  ];
  return `spdf check: ${r.pass ? 'PASS' : 'FAIL'}: coverage ${formatPercent(c.percent ?? undefined)} (${c.okOrJustified}/${c.total} requirements OK or JUSTIFIED; ${counts}); minimum ${c.minimum}%${extras.map((e) => `; ${e}`).join('')}${r.reasons.length ? ` -- ${r.reasons.join('; ')}` : ''}`;
}
