import { TRACED_KINDS } from '../../core/matrix/build';
import { STATUSES, formatPercent, type TraceStatus } from '../../core/matrix/decide';
import { PROJECTION_VIEWS, VIEWS } from '../../core/matrix/model';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type Out } from '../io';
import { parseCommand } from '../parse-command';
import { checkPathOptions, WORKSPACE_FLAGS_WITH_CODE, WORKSPACE_FLAGS_WITH_CODE_USAGE } from '../workspace-flags';

const USAGE = `usage: spdf check [dir] [options]
The CI gate over the workspace that holds dir (default: the current folder). Exit 0 pass, 1 fail, 2 usage or internal error.
  --min-coverage PCT            fail below this coverage ((OK + JUSTIFIED) / requirements in scope)
  --fail-on-status S1,S2        fail when any traced item has one of these statuses
  --test-results GLOB           JUnit XML files, replacing test_results of the config (repeatable)
  ${WORKSPACE_FLAGS_WITH_CODE_USAGE}`;
import { loadTrace } from './trace';

/**
 * `spdf check --min-coverage PCT [--fail-on-status S1,S2]`: the CI gate. Coverage is the one definition
 * ((OK + JUSTIFIED) / requirements in scope); listed statuses fail the gate when any traced item has them.
 * Prints one summary line; exit 0 pass, 1 fail, 2 usage or internal error.
 */
export async function checkCommand(o: Out, args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    args,
    {
      'min-coverage': { type: 'string' },
      'fail-on-status': { type: 'string' },
      'test-results': { type: 'string', multiple: true },
      ...WORKSPACE_FLAGS_WITH_CODE,
    },
    1,
  );
  if (values.help) return (o.out(USAGE), EXIT_OK);
  const raw = values['min-coverage'];
  const min = raw === undefined ? 0 : Number(raw.replace(/%$/, ''));
  if (raw !== undefined && (!/^\d+(\.\d+)?%?$/.test(raw) || min > 100)) throw new UsageError('--min-coverage takes a percentage 0..100');
  const failOn = (values['fail-on-status'] ?? '')
    .split(',')
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const bad = failOn.filter((s) => !(STATUSES as readonly string[]).includes(s));
  if (bad.length) throw new UsageError(`unknown status ${bad.join(', ')} in --fail-on-status (${STATUSES.join(', ')})`);
  const t = await loadTrace(positionals[0] ?? '.', { views: VIEWS.filter((v) => !PROJECTION_VIEWS.includes(v)), testResults: values['test-results'], ...checkPathOptions(values) });
  for (const p of t.matrix.problems) o.err(`warning: ${p}`);
  const c = t.matrix.coverage;
  const offenders: { id: string; status: TraceStatus; why: string }[] = [];
  const seen = new Set<string>();
  for (const v of Object.values(t.matrix.views))
    for (const r of v!.rows)
      if (TRACED_KINDS.includes(r.kind) && failOn.includes(r.status) && !seen.has(r.id)) {
        seen.add(r.id);
        offenders.push({ id: r.id, status: r.status, why: (r.cells.why ?? []).map((x) => x.text).join('; ') });
      }
  const pct = c.percent;
  const coverageOk = min === 0 || (pct !== undefined && pct + 1e-9 >= min);
  const pass = coverageOk && offenders.length === 0;
  const counts = STATUSES.map((s) => `${s} ${c.byStatus[s]}`).join(', ');
  const reasons = [
    ...(coverageOk ? [] : [pct === undefined ? 'no requirements in scope' : `coverage below ${min}%`]),
    ...(offenders.length ? [`${offenders.length} item${offenders.length === 1 ? '' : 's'} ${failOn.join('/')}`] : []),
  ];
  for (const x of offenders.slice(0, 50)) o.err(`${x.status.padEnd(9)} ${x.id}${x.why ? `  ${x.why}` : ''}`);
  if (offenders.length > 50) o.err(`... and ${offenders.length - 50} more`);
  o.out(
    `spdf check: ${pass ? 'PASS' : 'FAIL'}: coverage ${formatPercent(pct)} (${c.byStatus.OK + c.byStatus.JUSTIFIED}/${c.total} requirements OK or JUSTIFIED; ${counts}); minimum ${min}%${failOn.length ? `; fail on ${failOn.join(',')}` : ''}${reasons.length ? ` -- ${reasons.join('; ')}` : ''}`,
  );
  return pass ? EXIT_OK : EXIT_FINDINGS;
}
