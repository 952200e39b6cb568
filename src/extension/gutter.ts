/** Coverage in the gutter: each function of a source file marked traced, untraced (safety-critical code only) or suspect. */
import * as vscode from 'vscode';
import type { FileCoverage, SymbolCoverageState } from '../protocol';

type Mark = SymbolCoverageState | 'problem';

const LABEL: Record<Mark, string> = {
  traced: 'SPDF: traced',
  untraced: 'SPDF: untraced function in safety-critical code',
  suspect: 'SPDF: suspect link (code changed since review)',
  problem: 'SPDF: coverage unknown',
};
const ICON: Record<Mark, string> = { traced: 'traced', untraced: 'untraced', suspect: 'suspect', problem: 'suspect' };
const RULER: Record<Mark, string | undefined> = {
  traced: undefined,
  untraced: 'editorOverviewRuler.errorForeground',
  suspect: 'editorOverviewRuler.warningForeground',
  problem: 'editorOverviewRuler.warningForeground',
};

export class CoverageGutter implements vscode.Disposable {
  private readonly types: Record<Mark, vscode.TextEditorDecorationType>;
  /** What was last drawn per document URI (read by the extension-host tests). */
  readonly applied = new Map<string, { mark: Mark; line: number; hover: string }[]>();

  constructor(
    extensionUri: vscode.Uri,
    private readonly fetch: (uri: string) => Promise<FileCoverage | undefined>,
  ) {
    const icon = (name: string, theme: string) => vscode.Uri.joinPath(extensionUri, 'media', 'gutter', `${name}-${theme}.svg`);
    const make = (m: Mark) =>
      vscode.window.createTextEditorDecorationType({
        light: { gutterIconPath: icon(ICON[m], 'light') },
        dark: { gutterIconPath: icon(ICON[m], 'dark') },
        gutterIconSize: 'contain',
        ...(RULER[m] ? { overviewRulerColor: new vscode.ThemeColor(RULER[m]), overviewRulerLane: vscode.OverviewRulerLane.Left } : {}),
      });
    this.types = { traced: make('traced'), untraced: make('untraced'), suspect: make('suspect'), problem: make('problem') };
  }

  enabled(): boolean {
    return vscode.workspace.getConfiguration('spdf').get<boolean>('gutter', true);
  }

  async refreshVisible(): Promise<void> {
    await Promise.all(vscode.window.visibleTextEditors.map((e) => this.update(e)));
  }

  async update(editor: vscode.TextEditor): Promise<void> {
    const uri = editor.document.uri.toString();
    if (editor.document.uri.scheme !== 'file' || editor.document.fileName.endsWith('.yaml')) return;
    const cov = this.enabled() ? await this.fetch(uri) : undefined;
    const marks: { mark: Mark; line: number; hover: string }[] = [];
    if (cov?.problem) marks.push({ mark: 'problem', line: 0, hover: `${LABEL.problem}: ${cov.problem}` });
    for (const s of cov?.symbols ?? []) marks.push({ mark: s.state, line: s.line, hover: `${LABEL[s.state]} · ${s.symbol}${s.links.length ? ` · ${s.links.join(', ')}` : ''}` });
    for (const m of Object.keys(this.types) as Mark[]) {
      const ranges = marks.filter((x) => x.mark === m).map((x) => ({ range: new vscode.Range(x.line, 0, x.line, 0), hoverMessage: x.hover }));
      editor.setDecorations(this.types[m], ranges);
    }
    this.applied.set(uri, marks);
  }

  dispose(): void {
    for (const t of Object.values(this.types)) t.dispose();
  }
}
