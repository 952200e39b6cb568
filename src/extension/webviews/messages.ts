// @spdf implements SPDF-LSP-VIEWS
/**
 * The data messages of the matrix, zone diagram and evidence diff pages, each with `incomplete` when the data lists
 * input problems: the headline of the exports (src/core/export/incomplete.ts) and the problems, which the pages show
 * above everything else (media/common/incomplete.js). No `vscode` import, so tests run it directly.
 */
import { incompleteText } from '../../core/export/incomplete';
import { codePointHex, XML_UNREPRESENTABLE } from '../../core/export/text';
import type { Matrix } from '../../core/matrix/model';
import type { EvidenceDiffResult, ZoneDiagramResult } from '../../protocol';

export interface Incomplete {
  headline: string;
  problems: string[];
}

export function incompleteOf(problems: readonly string[] | undefined): Incomplete | undefined {
  return problems?.length ? { headline: incompleteText(problems.length), problems: [...problems] } : undefined;
}

/**
 * The server's answer, or an error when it sent none (it failed and logged why): the panel shows the error instead of
 * a page that waits for data forever, and an export writes nothing.
 */
export function answered<T>(what: string, data: T | null | undefined): T {
  if (data === null || data === undefined) throw new Error(`the language server sent no ${what} (see the SPDF output)`);
  return data;
}

export const matrixMessage = (matrix: Matrix) => ({ type: 'data', matrix, incomplete: incompleteOf(matrix?.problems) });
export const diagramMessage = (diagram: ZoneDiagramResult) => ({ type: 'data', diagram, incomplete: incompleteOf(diagram?.problems) });
export const diffMessage = <R extends EvidenceDiffResult>(result: R | undefined) => ({ type: 'data', result, incomplete: incompleteOf(result?.diff?.problems) });

/**
 * The file "Export SVG" of the zone diagram saves, from the page's XMLSerializer output; undefined when that is not
 * an SVG element. The serializer writes characters XML cannot hold (control characters, lone surrogates of a model
 * name) raw, and one of them made the whole file unreadable: each becomes the visible `<U+XXXX>`, as text.
 */
export function svgFileBytes(svg: unknown): Uint8Array | undefined {
  if (typeof svg !== 'string' || !svg.startsWith('<svg')) return undefined;
  const text = svg.replace(XML_UNREPRESENTABLE, (c) => `&lt;U+${codePointHex(c)}&gt;`);
  return new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>\n${text}\n`);
}
