// @spdf implements SPDF-EXT-STATUS
/**
 * The status bar item's text, tooltip and colour for a status summary: pure (no 'vscode'), so mocha tests it.
 * It shows the coverage of one root (the active editor's in a multi-root workspace) and no error count (VS Code's
 * own counter has it). It is coloured whenever `spdf check` would fail on that root: coverage below
 * `check.min_coverage`, no requirement in scope, error-level findings or source files not scanned for tags.
 */
import { mdCell } from '../core/export/markdown';
import type { RootStatus, StatusSummary } from '../protocol';

/** Commands the tooltip links to (the item's MarkdownString trusts exactly these). */
export const STATUS_COMMANDS = ['spdf.showMatrix', 'spdf.showPanel', 'spdf.reindex', 'spdf.showOutput'] as const;

export interface StatusView {
  text: string;
  /** Markdown, with command links to STATUS_COMMANDS. */
  tooltip: string;
  /** 'error': error-level findings; 'warning': coverage below the minimum or nothing to cover; undefined: the gate would pass. */
  background: 'error' | 'warning' | undefined;
  /** The root whose numbers are shown. */
  root?: string;
}

/** The innermost root that contains `path` (`/` or `\` separated), or undefined. */
export function rootOfPath(roots: readonly string[], path: string | undefined): string | undefined {
  if (!path) return undefined;
  let best: string | undefined;
  for (const r of roots) {
    const inside = path === r || (path.startsWith(r) && (path[r.length] === '/' || path[r.length] === '\\' || r.endsWith('/') || r.endsWith('\\')));
    if (inside && (!best || r.length > best.length)) best = r;
  }
  return best;
}

const folderName = (root: string) => root.split(/[\\/]/).filter(Boolean).pop() ?? root;
const percent = (r: RootStatus) => (r.coverage.percent === undefined ? '–' : `${Math.floor(r.coverage.percent * 10) / 10}%`);
const LINKS = '[Open Matrix](command:spdf.showMatrix) · [Open Panel](command:spdf.showPanel) · [Re-index](command:spdf.reindex) · [Show Log](command:spdf.showOutput)';

/** `activePath`: file-system path of the active editor's document (it chooses the root in a multi-root workspace). */
export function statusView(s: StatusSummary, activePath?: string): StatusView {
  if (s.indexing) return { text: '$(sync~spin) SPDF indexing', tooltip: `SPDF: indexing the workspace…\n\n${LINKS}`, background: undefined };
  const roots: RootStatus[] = s.roots?.length ? s.roots : [{ ...s, root: s.root ?? '' }];
  const chosen = rootOfPath(
    roots.map((r) => r.root),
    activePath,
  );
  const r = roots.find((x) => x.root === chosen) ?? roots[0];
  const multi = roots.length > 1;
  const min = r.minCoverage ?? 100;
  const pct = r.coverage.percent;
  const empty = pct === undefined;
  const below = !empty && pct < min;
  const where = multi ? ` in ${mdCell(folderName(r.root))}` : '';
  const lines = [
    empty
      ? `**No requirement in scope${where}**: \`spdf check\` fails on an empty requirement set`
      : `**SPDF coverage ${percent(r)}**${where} of ${r.coverage.total} requirements (OK + JUSTIFIED); minimum ${min}%${below ? ' — **below the minimum**' : ''}`,
  ];
  const unscanned = r.unscanned ?? 0;
  const inputs = r.inputProblems ?? 0;
  const findings = r.errors - unscanned - inputs;
  if (inputs > 0)
    lines.push(
      `**${inputs} input${inputs === 1 ? '' : 's'} not read or not understood** (links out of the workspace, unreadable folders, the review lock, test results, a rule that crashed; see Problems): \`spdf check\` fails on each`,
    );
  if (unscanned > 0) lines.push(`**${unscanned} source file${unscanned === 1 ? '' : 's'} not scanned** for tags (see Problems): \`spdf check\` fails on each`);
  if (findings > 0) lines.push(`**${findings} error-level finding${findings === 1 ? '' : 's'}** (see Problems): \`spdf check\` fails on those of the traced chain`);
  const inError = r.coverage.byStatus.ERROR;
  if (inError > 0) lines.push(`**${inError} item${inError === 1 ? '' : 's'} in ERROR** (a failed test, a broken reference; see the requirements view): \`spdf check\` fails on each`);
  lines.push(`${r.items} items, ${r.links} code links in ${r.codeFiles} files${s.trusted ? '' : ' · Restricted Mode: read-only'}`);
  if (multi)
    lines.push(
      `Roots: ${roots
        .filter((x) => x !== r)
        .map((x) => `${mdCell(folderName(x.root))} ${percent(x)}${x.errors ? ` (${x.errors} errors)` : ''}`)
        .join(' · ')} (the bar follows the active editor)`,
    );
  lines.push(LINKS);
  return {
    text: `$(checklist) SPDF ${percent(r)}${multi ? ` · ${folderName(r.root)}` : ''}`,
    tooltip: lines.join('\n\n'),
    background: r.errors > 0 || inError > 0 ? 'error' : below || empty ? 'warning' : undefined,
    root: r.root || undefined,
  };
}
