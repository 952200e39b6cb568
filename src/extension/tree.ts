import * as vscode from 'vscode';
import { type RootInfo, type TraceChild, type TraceFilter, type TraceRow, type TraceStatusName, type TreeDataResult, type WireLocation } from '../protocol';
import { problemNodes, problemsText, problemText, rootDescription, rootNodes, rowTooltip, type Node } from './tree-nodes';

export type { Node } from './tree-nodes';

/** The roots the panels show: those with a config or a model (a folder of other files is served but not shown), else all. */
export function shownRoots(roots: RootInfo[]): RootInfo[] {
  const modelled = roots.filter((r) => r.config || r.items > 0);
  return modelled.length ? modelled : roots;
}

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

/**
 * Traced items of some kinds (requirements by default) grouped by trace status; filters by text, zone and hazard
 * severity. In a multi-root workspace one root node per shown root holds that root's groups.
 */
export class RequirementsTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  filter: TraceFilter = {};
  /** Fetched data by root path ('' for a single-root workspace). */
  readonly data = new Map<string, TreeDataResult>();

  constructor(
    private readonly fetch: (filter: TraceFilter, root: string | undefined) => Promise<TreeDataResult | undefined>,
    private readonly roots: () => Promise<RootInfo[]>,
    readonly kinds: string[] = ['requirement'],
  ) {}

  refresh(): void {
    this.data.clear();
    this.changed.fire(undefined);
  }

  /** Zones of every fetched root (for the zone filter). */
  zones(): string[] {
    return [...new Set([...this.data.values()].flatMap((d) => d.zones))].sort();
  }

  private async load(root: string | undefined): Promise<TreeDataResult | undefined> {
    const key = root ?? '';
    let data = this.data.get(key);
    if (!data) {
      data = await this.fetch({ ...this.filter, kinds: this.kinds }, root);
      if (data) this.data.set(key, data);
    }
    return data;
  }

  private async groups(root: string | undefined): Promise<Node[]> {
    return rootNodes(await this.load(root), root);
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
      const roots = shownRoots(await this.roots());
      // Each root's data first: a root node shows its coverage.
      if (roots.length > 1) return Promise.all(roots.map((r) => this.load(r.root))).then(() => roots.map((info) => ({ type: 'root' as const, info })));
      return this.groups(roots[0]?.root);
    }
    if (node.type === 'root') return this.groups(node.info.root);
    if (node.type === 'problems') return problemNodes(node);
    if (node.type === 'group') return node.rows.map((row) => ({ type: 'row' as const, row, root: node.root }));
    if (node.type === 'row') return node.row.children.map((child) => ({ type: 'child' as const, child, row: node.row, root: node.root }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const scope = node.type !== 'root' && node.root !== undefined ? `${node.root}:` : '';
    if (node.type === 'root') {
      const r = node.info;
      const item = new vscode.TreeItem(r.name, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `root:${r.root}`;
      item.description = rootDescription(this.data.get(r.root));
      item.tooltip = `${r.root}${r.config ? '' : '\nNo spdf.config.yaml: the defaults apply'}`;
      item.iconPath = new vscode.ThemeIcon('root-folder');
      item.contextValue = 'spdf.root';
      return item;
    }
    if (node.type === 'problems') {
      const t = problemsText(node.problems);
      const item = new vscode.TreeItem(t.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `problems:${scope}`;
      item.description = t.description;
      item.tooltip = t.tooltip;
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
      item.contextValue = 'spdf.problems';
      return item;
    }
    if (node.type === 'problem') {
      const p = node.problem;
      const t = problemText(p);
      const item = new vscode.TreeItem(t.label, vscode.TreeItemCollapsibleState.None);
      item.id = `problem:${scope}${node.index}`;
      item.description = t.description;
      item.tooltip = p.message;
      item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.errorForeground'));
      item.contextValue = 'spdf.problem';
      if (p.location) item.command = { title: 'Open', command: 'spdf.openLocation', arguments: [p.location] };
      return item;
    }
    if (node.type === 'group') {
      const item = new vscode.TreeItem(node.status, node.status === 'OK' || node.status === 'JUSTIFIED' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.rows.length);
      item.id = `group:${scope}${node.status}`;
      const [icon, color] = STATUS_ICON[node.status];
      item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
      item.contextValue = 'spdf.group';
      return item;
    }
    if (node.type === 'row') {
      const r = node.row;
      const item = new vscode.TreeItem(r.id, r.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = `row:${scope}${r.id}`;
      const why = whyText(r);
      // The panel is narrow: the reason's head (before its detail, e.g. the file of a suspect link) leads; the tooltip has it whole.
      item.description = why ? `${why.split(': ')[0]} · ${r.title}` : r.title;
      item.tooltip = new vscode.MarkdownString(rowTooltip(r, why));
      const [icon, color] = STATUS_ICON[r.status];
      item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
      item.contextValue = 'spdf.item';
      item.command = { title: 'Open', command: 'spdf.openLocation', arguments: [r.location] };
      return item;
    }
    const c = node.child;
    const item = new vscode.TreeItem(c.label, vscode.TreeItemCollapsibleState.None);
    item.id = `child:${scope}${node.row.id}:${c.kind}:${c.label}:${c.description ?? ''}`;
    item.description = `${c.kind}${c.description ? ` · ${c.description}` : ''}${c.review && c.review !== 'unreviewed' ? ` · ${c.review}` : ''}`;
    item.iconPath = new vscode.ThemeIcon(c.review === 'suspect' ? 'warning' : CHILD_ICON[c.kind]);
    item.contextValue = c.link ? 'spdf.link' : 'spdf.child';
    if (c.location) item.command = { title: 'Open', command: 'spdf.openLocation', arguments: [c.location] };
    return item;
  }
}
