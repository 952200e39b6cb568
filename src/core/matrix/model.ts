import type { ItemKind } from '../model/kinds';
import type { Coverage, TestOutcome, TraceStatus } from './decide';

/** Version of the matrix data (JSON export, webview data); see media/schemas/spdf.trace.schema.json. */
export const MATRIX_FORMAT_VERSION = 1;

export const VIEWS = ['requirements', 'threats', 'hazards', 'controls', 'zones', 'fda', 'iec62443', 'sbom'] as const;
export type ViewName = (typeof VIEWS)[number];

/** Views that project items other views already list (a second status per item): `spdf check` and default SARIF leave them out. */
export const PROJECTION_VIEWS: readonly ViewName[] = ['fda', 'iec62443'];

export const VIEW_TITLES: Record<ViewName, string> = {
  requirements: 'Requirements',
  threats: 'Threats',
  hazards: 'Hazards',
  controls: 'Controls',
  zones: 'Zones and conduits',
  fda: 'FDA traceability (threat to residual risk)',
  iec62443: 'IEC 62443-3-3 zone compliance (SR/RE by SL-T)',
  sbom: 'SBOM components (support, vulnerabilities, VEX)',
};

/** Where a click on a value leads: a model item, or a place in the code (`endLine`: the last line of a range link). Lines are 1-based. */
export type Target = { type: 'item'; id: string; kind?: ItemKind; file: string; line: number } | { type: 'code'; file: string; line: number; endLine?: number; symbol?: string };

export interface CellValue {
  text: string;
  target?: Target;
  /** Trace status of a linked item, or the latest result of a test, for colouring. */
  status?: TraceStatus | TestOutcome;
}
export type Cell = CellValue[];

export interface Column {
  key: string;
  title: string;
}

export interface MatrixRow {
  id: string;
  kind: ItemKind;
  status: TraceStatus;
  /** Workspace-relative file and 1-based line of the item. */
  file: string;
  line: number;
  cells: Record<string, Cell>;
  /** Zone IDs the row touches (for the zone filter). */
  zones: string[];
  /** Highest severity of the hazards the row touches (for the severity filter). */
  severity?: number;
}

export interface MatrixView {
  name: ViewName;
  title: string;
  columns: Column[];
  rows: MatrixRow[];
  /** Same formula as the headline coverage, over this view's rows. */
  coverage: Coverage;
}

export interface Matrix {
  version: typeof MATRIX_FORMAT_VERSION;
  /** Git commit of the workspace when known (code locations are at this commit). */
  commit?: string;
  /** Headline coverage: requirements in scope (the number `spdf check` gates on). */
  coverage: Coverage;
  views: Partial<Record<ViewName, MatrixView>>;
  /** Input problems (unreadable JUnit files ...), as `file:line: message`. */
  problems: string[];
  /** Hazard severity names, lowest first (for the severity filter). */
  severityNames: string[];
}

export function cellText(cell: Cell | undefined, sep = '; '): string {
  return (cell ?? []).map((v) => v.text).join(sep);
}
