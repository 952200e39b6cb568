import * as vscode from 'vscode';
import { TRACE_STATUSES, type TraceChild, type TraceFilter, type TraceRow, type TraceStatusName, type TreeDataResult, type WireLocation } from '../protocol';

/** One node of the requirements tree: a status group, a requirement (or other traced item), or a child. */
export type Node = { type: 'group'; status: TraceStatusName; rows: TraceRow[] } | { type: 'row'; row: TraceRow } | { type: 'child'; child: TraceChild; row: TraceRow };

const STATUS_ICON: Record<TraceStatusName, [string, string]> = {
  OK: ['pass', 'testing.iconPassed'],
  PARTIAL: ['circle-large-outline', 'list.warningForeground'],
  MISSING: ['circle-slash', 'list.errorForeground'],
  SUSPECT: ['warning', 'list.warningForeground'],
  JUSTIFIED: ['law', 'descriptionForeground'],
  ERROR: ['error', 'list.errorForeground'],
};

const CHILD_ICON: Record<TraceChild['kind'], string> = { threat: 'flame', hazard: 'heart', control: 'shield', symbol: 'symbol-method', test: 'beaker' };

export function toLocation(l: WireLocation): vscode.Location {
  return new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(l.range.start.line, l.range.start.character, l.range.end.line, l.range.end.character));
}

/** What is missing, shown beside a row that is not OK (the server's reason, first clause). */
export function whyText(row: TraceRow): string | undefined {
  if (row.status === 'OK' || !row.reason || row.reason === 'complete') return undefined;
  return row.reason;
}

/** Traced items of some kinds (requirements by default) grouped by trace status; filters by text, zone and hazard severity. */
export class RequirementsTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  filter: TraceFilter = {};
  data?: TreeDataResult;

  constructor(
    private readonly fetch: (filter: TraceFilter) => Promise<TreeDataResult | undefined>,
    readonly kinds: string[] = ['requirement'],
  ) {}

  refresh(): void {
    this.data = undefined;
    this.changed.fire(undefined);
  }

  describeFilter(): string | undefined {
    const parts = [
      this.filter.text && `"${this.filter.text}"`,
      this.filter.zone && `zone ${this.filter.zone}`,
      this.filter.minHazardSeverity !== undefined && `severity ≥ ${this.filter.minHazardSeverity}`,
    ].filter(Boolean);
    return parts.length ? `Filter: ${parts.join(', ')}` : undefined;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      this.data ??= await this.fetch({ ...this.filter, kinds: this.kinds });
      const rows = this.data?.rows ?? [];
      return TRACE_STATUSES.map((status) => ({ type: 'group' as const, status, rows: rows.filter((r) => r.status === status) })).filter((g) => g.rows.length > 0);
    }
    if (node.type === 'group') return node.rows.map((row) => ({ type: 'row' as const, row }));
    if (node.type === 'row') return node.row.children.map((child) => ({ type: 'child' as const, child, row: node.row }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'group') {
      const item = new vscode.TreeItem(node.status, node.status === 'OK' || node.status === 'JUSTIFIED' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.rows.length);
      item.id = `group:${node.status}`;
      const [icon, color] = STATUS_ICON[node.status];
      item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
      item.contextValue = 'spdf.group';
      return item;
    }
    if (node.type === 'row') {
      const r = node.row;
      const item = new vscode.TreeItem(r.id, r.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = `row:${r.id}`;
      const why = whyText(r);
      item.description = why ? `${why} · ${r.title}` : r.title;
      item.tooltip = new vscode.MarkdownString(
        `**${r.id}** · ${r.kind} · ${r.status}\n\n${r.title}\n\n${why ? `**Missing:** ${why}` : r.reason}${r.zones.length ? `\n\nZones: ${r.zones.join(', ')}` : ''}${r.hazardSeverity !== undefined ? `\n\nHazard severity: ${r.hazardSeverity}` : ''}`,
      );
      const [icon, color] = STATUS_ICON[r.status];
      item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
      item.contextValue = 'spdf.item';
      item.command = { title: 'Open', command: 'spdf.openLocation', arguments: [r.location] };
      return item;
    }
    const c = node.child;
    const item = new vscode.TreeItem(c.label, vscode.TreeItemCollapsibleState.None);
    item.id = `child:${node.row.id}:${c.kind}:${c.label}:${c.description ?? ''}`;
    item.description = `${c.kind}${c.description ? ` · ${c.description}` : ''}${c.review && c.review !== 'unreviewed' ? ` · ${c.review}` : ''}`;
    item.iconPath = new vscode.ThemeIcon(c.review === 'suspect' ? 'warning' : CHILD_ICON[c.kind]);
    item.contextValue = c.link ? 'spdf.link' : 'spdf.child';
    if (c.location) item.command = { title: 'Open', command: 'spdf.openLocation', arguments: [c.location] };
    return item;
  }
}
