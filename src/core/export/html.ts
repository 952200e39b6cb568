// @spdf implements SPDF-EXP-HTML
import type { ItemKind } from '../model/kinds';
import { STATUSES, formatPercent, type TraceStatus } from '../matrix/decide';
import type { Cell, CellValue, Matrix, MatrixView, ViewName } from '../matrix/model';
import { coverageLine, viewsOf } from './table';
import { cspHash, escapeHtml as esc } from './text';

const VIEW_OF_KIND: Partial<Record<ItemKind, ViewName>> = {
  requirement: 'requirements',
  threat: 'threats',
  hazard: 'hazards',
  control: 'controls',
  zone: 'zones',
  conduit: 'zones',
  component: 'sbom',
};

const STATUS_CLASS = new Map<string, string>([
  ...STATUSES.map((s) => [s, `st-${s.toLowerCase()}`] as [string, string]),
  ['pass', 'r-pass'],
  ['fail', 'r-fail'],
  ['not-run', 'r-notrun'],
  ['blocked', 'r-notrun'],
  ['none', 'r-none'],
]);

const CSS = `
:root{color-scheme:light;--ok:#1a7f37;--partial:#9a6700;--missing:#cf222e;--suspect:#8250df;--justified:#0969da;--error:#a40e26;--line:#d0d7de;--muted:#57606a}
*{box-sizing:border-box}body{font:13px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:16px;color:#1f2328;background:#fff}
h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 6px;break-after:avoid}
.meta{color:var(--muted)}nav a{margin-right:12px}
.bar{display:flex;height:14px;width:100%;max-width:640px;border:1px solid var(--line);margin:6px 0}.bar span{display:block;height:100%}
.b-ok{background:var(--ok)}.b-justified{background:var(--justified)}.b-partial{background:var(--partial)}.b-missing{background:var(--missing)}.b-suspect{background:var(--suspect)}.b-error{background:var(--error)}
table{border-collapse:collapse;width:100%;table-layout:auto}th,td{border:1px solid var(--line);padding:3px 5px;vertical-align:top;text-align:left;overflow-wrap:anywhere}
th{background:#f6f8fa;position:sticky;top:0}td ul{margin:0;padding-left:14px}td li{margin:0}
.st{font-weight:600;white-space:nowrap}.st-ok{color:var(--ok)}.st-partial{color:var(--partial)}.st-missing{color:var(--missing)}.st-suspect{color:var(--suspect)}.st-justified{color:var(--justified)}.st-error{color:var(--error)}
.r-pass{color:var(--ok)}.r-fail{color:var(--error);font-weight:600}.r-notrun{color:var(--partial)}.r-none{color:var(--muted)}
.summary td,.summary th{text-align:right}.summary td:first-child{text-align:left}
@page{size:A4 landscape;margin:10mm}
@media print{body{margin:0;font-size:8pt}nav{display:none}th{position:static}thead{display:table-header-group}tr{break-inside:avoid}a{color:inherit;text-decoration:none}section{break-before:page}section:first-of-type{break-before:auto}}
`.trim();

export interface HtmlOptions {
  title?: string;
  /** Text for the header (e.g. the workspace name); never a path of the machine. */
  subtitle?: string;
}

/** Rendered text is handed out in pieces of about this many characters, so a caller can write as it renders. */
const CHUNK_CHARS = 1 << 16;

/** Lines of the report, each followed by a newline, collected until a chunk is full. */
class Lines {
  private parts: string[] = [];
  private chars = 0;
  push(...lines: string[]): void {
    for (const l of lines) {
      this.parts.push(l);
      this.chars += l.length;
    }
  }
  get full(): boolean {
    return this.chars >= CHUNK_CHARS;
  }
  take(): string {
    const text = this.parts.length ? `${this.parts.join('\n')}\n` : '';
    this.parts = [];
    this.chars = 0;
    return text;
  }
}

/**
 * A self-contained HTML report: no script, no external request (CSP `default-src 'none'` with the inline
 * style allowed by its hash), print-friendly, every model string escaped.
 */
export function toHtml(m: Matrix, opts: HtmlOptions = {}): string {
  return [...htmlChunks(m, opts)].join('');
}

/** `toHtml` in consecutive pieces (their concatenation is exactly `toHtml`), so a large report never has to be one string. */
export function* htmlChunks(m: Matrix, opts: HtmlOptions = {}): Generator<string, void, undefined> {
  const views = viewsOf(m);
  const present = new Set(views.map((v) => v.name));
  const title = opts.title ?? 'Traceability matrix';
  const out = new Lines();
  out.push(
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspHash(CSS)}; img-src data:; base-uri 'none'; form-action 'none'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="spdf-workbench">',
    `<title>${esc(title)}</title><style>${CSS}</style></head><body>`,
    `<header><h1>${esc(title)}</h1>`,
  );
  if (opts.subtitle) out.push(`<p class="meta">${esc(opts.subtitle)}</p>`);
  out.push(`<p>${esc(coverageLine(m))}</p>`, bar(m.coverage.byStatus, m.coverage.total));
  if (m.commit) out.push(`<p class="meta">Code locations at commit <code>${esc(m.commit)}</code>.</p>`);
  out.push('<table class="summary"><thead><tr><th>View</th><th>Rows</th>', ...STATUSES.map((s) => `<th>${s}</th>`), '<th>(OK + JUSTIFIED)</th></tr></thead><tbody>');
  for (const v of views)
    out.push(
      `<tr><td><a href="#view-${v.name}">${esc(v.title)}</a></td><td>${v.rows.length}</td>`,
      ...STATUSES.map((s) => `<td>${v.coverage.byStatus[s]}</td>`),
      `<td>${esc(formatPercent(v.coverage.percent))}</td></tr>`,
    );
  out.push('</tbody></table></header>');
  out.push(`<nav>${views.map((v) => `<a href="#view-${v.name}">${esc(v.title)}</a>`).join('')}</nav>`);
  for (const v of views) yield* renderView(out, v, present);
  if (m.problems.length) out.push('<section><h2>Input problems</h2><ul>', ...m.problems.map((p) => `<li>${esc(p)}</li>`), '</ul></section>');
  out.push('</body></html>');
  yield out.take();
}

function bar(counts: Record<TraceStatus, number>, total: number): string {
  if (!total) return '';
  const order: TraceStatus[] = ['OK', 'JUSTIFIED', 'PARTIAL', 'MISSING', 'SUSPECT', 'ERROR'];
  // Widths go through classes and a data-free style attribute is avoided (CSP): use a fixed 200-step scale.
  return `<div class="bar" role="img" aria-label="coverage by status">${order
    .filter((s) => counts[s] > 0)
    .map((s) => `<span class="b-${s.toLowerCase()}" title="${s} ${counts[s]}"><svg width="${Math.max(1, Math.round((counts[s] * 640) / total))}" height="12"></svg></span>`)
    .join('')}</div>`;
}

function* renderView(out: Lines, v: MatrixView, present: Set<ViewName>): Generator<string, void, undefined> {
  out.push(`<section id="view-${v.name}"><h2>${esc(v.title)}</h2>`);
  out.push(`<p class="meta">${v.rows.length} rows; (OK + JUSTIFIED) ${esc(formatPercent(v.coverage.percent))}</p>`);
  out.push('<table><thead><tr>', ...v.columns.map((c) => `<th>${esc(c.title)}</th>`), '<th>Location</th></tr></thead><tbody>');
  for (const r of v.rows) {
    let row = '<tr>';
    for (const c of v.columns) {
      const cell = r.cells[c.key];
      if (c.key === 'id') row += `<td id="${esc(`${v.name}-${r.id}`)}">${valuesHtml(cell, present)}</td>`;
      else if (c.key === 'status') row += `<td class="st ${STATUS_CLASS.get(r.status) ?? ''}">${esc(r.status)}</td>`;
      else row += `<td>${valuesHtml(cell, present)}</td>`;
    }
    out.push(`${row}<td>${esc(`${r.file}:${r.line}`)}</td></tr>`);
    if (out.full) yield out.take();
  }
  out.push('</tbody></table></section>');
}

function valuesHtml(cell: Cell | undefined, present: Set<ViewName>): string {
  if (!cell || cell.length === 0) return '';
  if (cell.length === 1) return valueHtml(cell[0], present);
  return `<ul>${cell.map((v) => `<li>${valueHtml(v, present)}</li>`).join('')}</ul>`;
}

function valueHtml(v: CellValue, present: Set<ViewName>): string {
  const cls = v.status ? STATUS_CLASS.get(v.status) : undefined;
  const text = esc(v.text);
  const t = v.target;
  const view = t?.type === 'item' && t.kind ? VIEW_OF_KIND[t.kind] : undefined;
  if (t?.type === 'item' && view && present.has(view)) return `<a href="#${esc(`${view}-${t.id}`)}"${cls ? ` class="${cls}"` : ''}>${text}</a>`;
  return cls ? `<span class="${cls}">${text}</span>` : text;
}
