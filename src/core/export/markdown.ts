// @spdf implements SPDF-EXP-MD
import type { Matrix } from '../matrix/model';
import { formatPercent } from '../matrix/decide';
import { coverageLine, flatten, viewsOf } from './table';

/** Escapes text for a GitHub-flavoured Markdown table cell; raw HTML can never form. */
export function mdCell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1')
    .replace(/\r\n|\r|\n/g, ' ');
}

/**
 * Escapes text for a Markdown paragraph of its own (an editor tooltip): as `mdCell`, and, at its start, what would
 * open a heading, list, quote or code block is escaped too, so model text can neither form HTML or a link nor
 * change the structure of what is shown around it.
 */
export function mdParagraph(text: string): string {
  return mdCell(text)
    .trimStart()
    .replace(/^(?:([#+\-=])|(\d+)([.)]))/, (_, mark?: string, digits?: string, close?: string) => (mark ? `\\${mark}` : `${digits}\\${close}`));
}

export function toMarkdown(m: Matrix): string {
  const out: string[] = ['# Traceability matrix', '', mdCell(coverageLine(m)), ''];
  if (m.commit) out.push(`Code locations at commit \`${m.commit.replace(/[^0-9a-f]/gi, '')}\`.`, '');
  for (const v of viewsOf(m)) {
    const { header, rows } = flatten(v);
    out.push(`## ${mdCell(v.title)}`, '', `${v.rows.length} rows; (OK + JUSTIFIED) ${formatPercent(v.coverage.percent)}`, '');
    out.push(`| ${header.map(mdCell).join(' | ')} |`, `|${header.map(() => '---').join('|')}|`);
    for (const r of rows) out.push(`| ${r.map(mdCell).join(' | ')} |`);
    out.push('');
  }
  if (m.problems.length) out.push('## Input problems', '', ...m.problems.map((p) => `- ${mdCell(p)}`), '');
  return out.join('\n');
}
