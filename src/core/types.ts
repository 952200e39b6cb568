/** Shared value types of the pure core. Positions are 0-based, columns in UTF-16 code units (LSP style); the CLI adds 1. */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

/** A text replacement in one workspace file (path relative to the workspace root, POSIX separators). */
export interface TextEdit {
  file: string;
  range: Range;
  newText: string;
}

export interface Fix {
  description: string;
  edits: TextEdit[];
}

export interface RelatedLocation {
  file: string;
  range: Range;
  message: string;
}

/** One finding of one rule at one span. */
export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  file: string;
  range: Range;
  /** Mechanical fix that `spdf lint --fix` may apply (only for rules whose meta says fixable). */
  fix?: Fix;
  /** Edits offered to a human in the editor, never applied by --fix (e.g. relink to the nearest ID). */
  suggestions?: Fix[];
  related?: RelatedLocation[];
}

/** A finding that an in-place `spdf-disable-next-line CODE -- reason` suppressed; kept so reports list it. */
export interface SuppressedFinding extends Finding {
  justification: string;
  suppressionFile: string;
  suppressionLine: number;
}

export const ZERO_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}
