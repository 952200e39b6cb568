/** The status bar item's text, tooltip and colour for a status summary (VS Code's own counter shows errors). */
import * as vscode from 'vscode';
import type { StatusSummary } from '../protocol';

export interface StatusView {
  text: string;
  tooltip: vscode.MarkdownString;
  /** Coverage is known and below the configured minimum (`check.min_coverage`, default 100). */
  belowMinimum: boolean;
}

export function statusView(s: StatusSummary): StatusView {
  const pct = s.coverage.percent;
  const min = s.minCoverage ?? 100;
  const shown = pct === undefined ? '–' : `${Math.floor(pct * 10) / 10}%`;
  const belowMinimum = pct !== undefined && pct < min;
  const tooltip = new vscode.MarkdownString(
    [
      `**SPDF coverage ${shown}** of ${s.coverage.total} requirements (OK + JUSTIFIED); minimum ${min}%${belowMinimum ? ' — **below the minimum**' : ''}`,
      `${s.items} items, ${s.links} code links in ${s.codeFiles} files${s.trusted ? '' : ' · Restricted Mode: read-only'}`,
      '[Open Matrix](command:spdf.showMatrix) · [Open Panel](command:spdf.showPanel) · [Re-index](command:spdf.reindex) · [Show Log](command:spdf.showOutput)',
    ].join('\n\n'),
  );
  tooltip.isTrusted = { enabledCommands: ['spdf.showMatrix', 'spdf.showPanel', 'spdf.reindex', 'spdf.showOutput'] };
  return { text: `$(checklist) SPDF ${shown}`, tooltip, belowMinimum };
}
