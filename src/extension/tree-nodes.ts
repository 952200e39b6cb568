// @spdf implements SPDF-LSP-VIEWS
/**
 * The nodes of the requirements tree and the text of its INCOMPLETE node: pure (no 'vscode'), so mocha tests it.
 * When the server lists input problems (what `spdf trace` says INCOMPLETE about), a node leads the root's tree
 * before the status groups: the rows below may lack what was not read, so they must not look complete.
 */
import { incompleteText } from '../core/export/incomplete';
import { mdParagraph } from '../core/export/markdown';
import type { InputNotice, RootInfo, TraceChild, TraceRow, TraceStatusName, TreeDataResult } from '../protocol';

/**
 * One node of the requirements tree: a workspace root (only when several are shown), the input problems and each of
 * them, a status group, a requirement (or other traced item), or a child. `root` is the folder path of the root the
 * node belongs to (undefined: the only one).
 */
export type Node =
  | { type: 'root'; info: RootInfo }
  | { type: 'problems'; problems: InputNotice[]; root?: string }
  | { type: 'problem'; problem: InputNotice; index: number; root?: string }
  | { type: 'group'; status: TraceStatusName; rows: TraceRow[]; root?: string }
  | { type: 'row'; row: TraceRow; root?: string }
  | { type: 'child'; child: TraceChild; row: TraceRow; root?: string };

/** Status groups worst first: what needs work is read before what is done. */
export const GROUP_ORDER: readonly TraceStatusName[] = ['ERROR', 'MISSING', 'SUSPECT', 'PARTIAL', 'JUSTIFIED', 'OK'];

/** The top nodes of one root's tree: its input problems (when there are any), then its status groups. */
export function rootNodes(data: TreeDataResult | undefined, root: string | undefined): Node[] {
  const rows = data?.rows ?? [];
  const problems = data?.problems ?? [];
  const groups = GROUP_ORDER.map((status) => ({ type: 'group' as const, status, rows: rows.filter((r) => r.status === status), root })).filter((g) => g.rows.length > 0);
  return problems.length ? [{ type: 'problems', problems, root }, ...groups] : groups;
}

/** What a root node says beside its name (several roots): its coverage, led by INCOMPLETE when inputs were not read. */
export function rootDescription(d: TreeDataResult | undefined): string | undefined {
  if (!d) return undefined;
  const coverage = d.coverage.percent === undefined ? 'no requirement in scope' : `${Math.floor(d.coverage.percent * 10) / 10}% of ${d.coverage.total}`;
  return d.problems?.length ? `INCOMPLETE · ${coverage}` : coverage;
}

/** The children of the input problems node. */
export function problemNodes(node: Extract<Node, { type: 'problems' }>): Node[] {
  return node.problems.map((problem, index) => ({ type: 'problem' as const, problem, index, root: node.root }));
}

/** Label, description and tooltip of the input problems node. */
export function problemsText(problems: readonly InputNotice[]): { label: string; description: string; tooltip: string } {
  const n = problems.length;
  return {
    label: `${n} input${n === 1 ? '' : 's'} not read or not understood`,
    description: 'INCOMPLETE',
    tooltip: `${incompleteText(n)}: the requirements below may lack what was not read, and \`spdf check\` fails on each.`,
  };
}

/** Label and description of one input problem: the place first (the whole message is the tooltip). */
export function problemText(p: InputNotice): { label: string; description: string } {
  const placed = /^(.+?:\d+:\d+): (.*)$/s.exec(p.message);
  if (placed) return { label: placed[1], description: placed[2] };
  const file = /^([^\s:]+): (.*)$/s.exec(p.message);
  return file ? { label: file[1], description: file[2] } : { label: p.message, description: '' };
}

/**
 * The Markdown tooltip of a row of the tree. `why`: what is missing (undefined when nothing is). Every model string
 * (ID, title, reason, zones) is escaped: it cannot form HTML or a link, nor add a line such as a forged status.
 */
export function rowTooltip(r: TraceRow, why: string | undefined): string {
  const parts = [`**${mdParagraph(r.id)}** · ${mdParagraph(r.kind)} · ${mdParagraph(r.status)}`, mdParagraph(r.title), why ? `**Missing:** ${mdParagraph(why)}` : mdParagraph(r.reason)];
  if (r.zones.length) parts.push(`Zones: ${r.zones.map(mdParagraph).join(', ')}`);
  if (r.hazardSeverity !== undefined) parts.push(`Hazard severity: ${r.hazardSeverity}`);
  return parts.join('\n\n');
}
