// @spdf implements SPDF-CMD-EXPORT-OTM
import { promises as fs } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { OTM_VERSION, toOtm } from '../../core/export/otm';
import { writeFileAtomic } from '../../node/atomic-write';
import { inputsOf, refusedOutput } from '../../node/output-target';
import { formatLoadProblem, loadProblems } from '../../node/load-problems';
import { checkPath } from '../../node/workspace';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UsageError, type Out } from '../io';
import { parseCommand, unknownValue } from '../parse-command';
import { visible } from '../visible';
import { checkPathOptions, WORKSPACE_FLAGS, WORKSPACE_FLAGS_USAGE } from '../workspace-flags';

const FORMATS = ['otm'] as const;

const USAGE = `usage: spdf export otm [dir] [-o FILE]
Writes the model of the workspace that holds dir (default: the current folder) as an Open Threat Model
(OTM ${OTM_VERSION}) JSON document: zones -> trustZones, assets -> components (kind data -> OTM assets), flows ->
dataflows (protocol as a tag), threats -> threats on the components and dataflows they target, controls ->
mitigations under those threats. Model fields OTM has no place for are kept under attributes.spdf, which
\`spdf import otm\` restores. Numbers OTM requires and the model does not hold are written at the
conservative end (trustRating 0, impact 100 unless the threat has score.pre, riskReduction 0) and listed.
  -o, --output FILE   write to FILE (atomically) instead of stdout
  ${WORKSPACE_FLAGS_USAGE}
Exit status: 0 when every zone, asset, flow, threat and control is in the file; 1 when the model has load
errors (nothing written) or an item could not be exported (listed with file:line:col; the rest is written).`;

export async function exportCommand(o: Out, args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, { output: { type: 'string', short: 'o' }, ...WORKSPACE_FLAGS }, 2);
  if (values.help) return (o.out(USAGE), EXIT_OK);
  const [format, dir] = positionals;
  if (!format) throw new UsageError(`usage: spdf export FORMAT [dir] (formats: ${FORMATS.join(', ')})`);
  if (!(FORMATS as readonly string[]).includes(format)) throw unknownValue('export format', format, FORMATS);
  const check = await checkPath(dir ?? '.', { ...checkPathOptions(values), code: false });
  const problems = loadProblems(check);
  for (const p of problems) o.err(formatLoadProblem(p));
  // An exchange file is taken as the whole model: one missing what could not be read must not exist.
  if (problems.some((p) => p.severity === 'error')) {
    o.err('spdf export otm: the model has errors (above), so items may be missing; nothing written');
    return EXIT_FINDINGS;
  }
  const graph = check.workspace.graph;
  const system = graph.byKind.system[0];
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  const out = toOtm(graph, {
    id: system?.id ?? basename(check.root),
    name: str(system?.data.name) ?? system?.id ?? basename(check.root),
    description: str(system?.data.description),
  });
  for (const n of out.notes) o.err(`${visible(`${n.pos.file}:${n.pos.line}:${n.pos.col}`)}: ${n.kind === 'dropped' ? 'warning' : 'note'}: ${visible(n.message)}`);
  const data = `${JSON.stringify(out.otm, null, 2)}\n`;
  if (values.output) {
    const refused = refusedOutput('spdf export', check.root, inputsOf(check.workspace), values.output);
    if (refused !== undefined) {
      o.err(visible(refused));
      return EXIT_USAGE;
    }
    const abs = resolve(values.output);
    await fs.mkdir(dirname(abs), { recursive: true });
    await writeFileAtomic(abs, data);
  } else o.out(data.replace(/\n$/, ''));
  const ph = Object.entries(out.placeholders).filter(([, n]) => n);
  if (ph.length)
    o.err(
      `note: OTM requires numbers the model does not hold; written at the conservative end: ${ph.map(([k, n]) => `${k} (${n}x: ${k === 'trustRating' || k === 'riskReduction' ? 0 : 100})`).join(', ')}`,
    );
  const c = out.counts;
  const skipped = Object.entries(out.outOfScope).map(([k, n]) => `${n} ${k}(s)`);
  const dropped = out.notes.filter((n) => n.kind === 'dropped').length;
  o.err(
    `exported ${c.zones} trust zone(s), ${c.assets} component(s), ${c.dataAssets} data asset(s), ${c.flows} dataflow(s), ${c.threats} threat(s), ${c.controls} mitigation(s)${values.output ? ` to ${visible(values.output)}` : ''}` +
      `${dropped ? `; ${dropped} item(s) not exported (warnings above)` : ''}${skipped.length ? `; OTM has no place for ${skipped.join(', ')}` : ''}`,
  );
  return dropped ? EXIT_FINDINGS : EXIT_OK;
}
