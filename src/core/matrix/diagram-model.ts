import type { TraceStatus } from './decide';

/**
 * Data of the zone diagram webview (request `spdf/zoneDiagram`); positions from elkjs (diagram-layout.ts).
 * The webview lays the model out again with text measured in its own font.
 */
export const DIAGRAM_FORMAT_VERSION = 2;

export interface DiagramBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DiagramAsset extends DiagramBox {
  id: string;
  name: string;
  kind: string;
  findings: string[];
  file: string;
  line: number;
  /** The name wrapped to the box (set by the layout). */
  lines?: string[];
}

export interface DiagramZone extends DiagramBox {
  id: string;
  name: string;
  /** Network role: it | dmz | ot | device | external | cloud (anything else is drawn as `unknown`). */
  zoneClass: string;
  /** SL-T as written: a scalar or `FR1 2, FR2 3 ...`. */
  slT: string;
  flags: string[];
  status: TraceStatus;
  findings: string[];
  assets: DiagramAsset[];
  file: string;
  line: number;
  /** Set by the layout: `name (ID)` and the class line wrapped, the SL-T badge text and width, the header height. */
  titleLines?: string[];
  flagLines?: string[];
  badge?: string;
  badgeWidth?: number;
  headerHeight?: number;
}

export interface DiagramConduit {
  id: string;
  name: string;
  zones: string[];
  protocols: { protocol: string; port?: number; encrypted?: boolean }[];
  /** Every channel encrypted (true), none or some unencrypted (false), unknown when not stated. */
  encrypted: boolean | 'unknown';
  /** One of the joined zones is a DMZ zone. */
  viaDmz: boolean;
  status: TraceStatus;
  findings: string[];
  /** Polyline of the edge (one per joined zone pair), and the label box. */
  paths: { points: { x: number; y: number }[]; label?: DiagramBox }[];
  label: string;
  /** The label wrapped (set by the layout). */
  labelLines?: string[];
  file: string;
  line: number;
}

export interface ZoneDiagram {
  version: typeof DIAGRAM_FORMAT_VERSION;
  width: number;
  height: number;
  zones: DiagramZone[];
  conduits: DiagramConduit[];
}
