// @spdf implements SPDF-CMD-DIFF
import { formatPercent } from '../matrix/decide';
import type { CoverageSide, EvidenceDiff, Impact, ItemChange, ItemRef, LinkRef } from '../diff/model';
import type { Finding } from '../types';
import { incompleteText } from './incomplete';
import { mdCell } from './markdown';

const short = (commit?: string) => (commit ? ` (${commit.slice(0, 12)})` : '');
const side = (s: { label: string; commit?: string }) => `${s.label}${short(s.commit)}`;
const where = (r: { file: string; line: number }) => `${r.file}:${r.line}`;
const linkText = (l: LinkRef) => `${l.id} ${l.relation} ${l.file}:${l.line}${l.symbol ? ` ${l.symbol}` : ''}`;
const findingText = (f: Finding) => `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.code} ${f.message}`;
const changeText = (c: ItemChange) => [c.normative.length ? `normative: ${c.normative.join(', ')}` : '', c.other.length ? `other: ${c.other.join(', ')}` : ''].filter(Boolean).join('; ');
const status = (s?: string) => s ?? '(none)';

function coverageText(a: CoverageSide, b: CoverageSide, delta: number | undefined): string {
  const d = delta === undefined ? 'n/a' : `${delta >= 0 ? '+' : ''}${delta.toFixed(1)} points`;
  return `${formatPercent(a.percent)} -> ${formatPercent(b.percent)} (${d}; ${a.okOrJustified}/${a.total} -> ${b.okOrJustified}/${b.total} requirements OK or JUSTIFIED)`;
}

function reachText(i: Impact): string[] {
  const parts: [string, string[]][] = [
    ['hazards', i.hazards],
    ['threats', i.threats],
    ['controls', i.controls],
    ['requirements', i.requirements],
    ['tests', i.tests],
  ];
  const lines = parts.filter(([, v]) => v.length).map(([k, v]) => `${k}: ${v.join(', ')}`);
  return lines.length ? lines : ['reaches no traced item'];
}

/** Counts per kind: `requirement 1 changed; threat 1 added, 1 removed`. */
function perKind(items: EvidenceDiff['items']): string {
  const counts = new Map<string, { added: number; removed: number; changed: number }>();
  const bump = (kind: string, what: 'added' | 'removed' | 'changed') => {
    const c = counts.get(kind) ?? { added: 0, removed: 0, changed: 0 };
    c[what]++;
    counts.set(kind, c);
  };
  for (const r of items.added) bump(r.kind, 'added');
  for (const r of items.removed) bump(r.kind, 'removed');
  for (const r of items.changed) bump(r.kind, 'changed');
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(
      ([kind, c]) =>
        `${kind} ${(['added', 'removed', 'changed'] as const)
          .filter((w) => c[w])
          .map((w) => `${c[w]} ${w}`)
          .join(', ')}`,
    )
    .join('; ');
}

/** Terminal form of `spdf diff`: one line per change, counts first. */
export function diffToText(d: EvidenceDiff): string {
  const out: string[] = [`spdf diff: ${side(d.base)} .. ${side(d.head)}`, ...(d.problems.length ? [incompleteText(d.problems.length)] : []), ''];
  const { items, links, findings } = d;
  const kinds = perKind(items);
  out.push(`Items: ${items.added.length} added, ${items.removed.length} removed, ${items.changed.length} changed${kinds ? ` (${kinds})` : ''}`);
  const item = (verb: string, r: ItemRef, extra = '') => out.push(`  ${verb.padEnd(8)} ${r.kind} ${r.id}${extra ? `  ${extra}` : ''}  (${where(r)})`);
  for (const r of items.added) item('added', r);
  for (const r of items.removed) item('removed', r);
  for (const c of items.changed) item('changed', c, changeText(c));
  out.push('', `Code links: ${links.added.length} added, ${links.removed.length} removed, ${links.becameSuspect.length} became suspect, ${links.symbolsChanged.length} tagged symbols changed`);
  for (const l of links.added) out.push(`  added    ${linkText(l)}`);
  for (const l of links.removed) out.push(`  removed  ${linkText(l)}`);
  for (const l of links.becameSuspect) out.push(`  suspect  ${linkText(l)}`);
  for (const l of links.symbolsChanged) out.push(`  code     ${linkText(l)}`);
  out.push('', `Trace status: ${d.statuses.length} changed`);
  for (const s of d.statuses) out.push(`  ${s.kind} ${s.id}: ${status(s.before)} -> ${status(s.after)}`);
  out.push('', `Coverage: ${coverageText(d.coverage.before, d.coverage.after, d.coverage.delta)}`);
  out.push('', `Findings: ${findings.new.length} new, ${findings.resolved.length} resolved`);
  for (const f of findings.new) out.push(`  new       ${findingText(f)}`);
  for (const f of findings.resolved) out.push(`  resolved  ${findingText(f)}`);
  out.push('', `Impact (what to re-verify): ${d.impact.length} changed items and symbols`);
  for (const i of d.impact) {
    out.push(`  ${i.subject} (${i.reason})`);
    for (const line of reachText(i)) out.push(`    ${line}`);
  }
  if (d.problems.length) out.push('', `Input problems: ${d.problems.length}`, ...d.problems.map((p) => `  ${p}`));
  return `${out.join('\n')}\n`;
}

/** Markdown text for a pull-request comment or a job summary: escaped, and `@` cannot mention anyone. */
function md(text: string): string {
  return mdCell(text).replace(/@/g, '&#64;');
}

function table(header: string[], rows: string[][]): string[] {
  if (!rows.length) return ['_None._', ''];
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(md).join(' | ')} |`), ''];
}

/** Markdown form of `spdf diff` (GitHub-flavoured: a pull-request comment or a CI job summary). */
export function diffToMarkdown(d: EvidenceDiff): string {
  const { items, links, findings, coverage } = d;
  const out: string[] = [`## SPDF evidence diff: ${md(side(d.base))} .. ${md(side(d.head))}`, '', ...(d.problems.length ? [`> **${md(incompleteText(d.problems.length))}**`, ''] : [])];
  out.push(
    `**Coverage** ${md(coverageText(coverage.before, coverage.after, coverage.delta))}  `,
    `**Items** ${items.added.length} added, ${items.removed.length} removed, ${items.changed.length} changed; **code links** ${links.added.length} added, ${links.removed.length} removed, ${links.becameSuspect.length} became suspect; **findings** ${findings.new.length} new, ${findings.resolved.length} resolved`,
    '',
  );
  out.push('### Model items', '');
  if (perKind(items)) out.push(md(perKind(items)), '');
  out.push(
    ...table(
      ['Change', 'Kind', 'ID', 'Fields', 'Where'],
      [
        ...items.added.map((r) => ['added', r.kind, r.id, '', where(r)]),
        ...items.removed.map((r) => ['removed', r.kind, r.id, '', where(r)]),
        ...items.changed.map((c) => ['changed', c.kind, c.id, changeText(c), where(c)]),
      ],
    ),
  );
  out.push('### Code links', '');
  const linkRow = (change: string, l: LinkRef) => [change, l.id, l.relation, `${l.file}:${l.line}`, l.symbol ?? '(file)'];
  out.push(
    ...table(
      ['Change', 'ID', 'Relation', 'Where', 'Symbol'],
      [
        ...links.added.map((l) => linkRow('added', l)),
        ...links.removed.map((l) => linkRow('removed', l)),
        ...links.becameSuspect.map((l) => linkRow('became suspect', l)),
        ...links.symbolsChanged.map((l) => linkRow('code changed', l)),
      ],
    ),
  );
  out.push('### Trace status', '');
  out.push(
    ...table(
      ['Kind', 'ID', 'Before', 'After'],
      d.statuses.map((s) => [s.kind, s.id, status(s.before), status(s.after)]),
    ),
  );
  out.push('### Findings', '');
  const fRow = (change: string, f: Finding) => [change, f.severity, f.code, `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}`, f.message];
  out.push(...table(['Change', 'Severity', 'Rule', 'Where', 'Message'], [...findings.new.map((f) => fRow('new', f)), ...findings.resolved.map((f) => fRow('resolved', f))]));
  out.push('### Impact: what to re-verify', '');
  out.push(
    ...table(
      ['Changed', 'Why', 'Hazards', 'Threats', 'Controls', 'Requirements', 'Tests'],
      d.impact.map((i) => [i.subject, i.reason, ...[i.hazards, i.threats, i.controls, i.requirements, i.tests].map((v) => v.join(', ') || '-')]),
    ),
  );
  if (d.problems.length) out.push('### Input problems', '', ...d.problems.map((p) => `- ${md(p)}`), '');
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
