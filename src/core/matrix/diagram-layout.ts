import ELK from 'elkjs/lib/elk.bundled.js';
import type { DiagramAsset, DiagramZone, ZoneDiagram } from './diagram-model';

/**
 * Layout of the zone diagram from measured text. The webview bundles this file (scripts/build.mjs, entry
 * `webview`) and passes a measure function backed by the SVG text it will draw, so boxes fit their labels in
 * the theme font; the server and tests use `estimateText`. Long labels wrap; nothing is cut.
 */
export type TextStyle = 'title' | 'flags' | 'badge' | 'asset' | 'label';
/** Advance width in px of `text` drawn in `style`. */
export type TextMeasure = (text: string, style: TextStyle) => number;

/** Line heights in px (font sizes 12 and 11 px in media/diagram/diagram.css, plus room for descenders). */
export const LINE_H: Record<TextStyle, number> = { title: 17, flags: 15, badge: 15, asset: 15, label: 15 };
/** Widest line before a label wraps. */
const MAX_W: Record<TextStyle, number> = { title: 360, flags: 320, badge: 200, asset: 200, label: 260 };
const PAD = 8;
const BADGE_PAD = 6;

/** A deliberately generous estimate (bold capitals are about 0.72 em wide). */
export const estimateText: TextMeasure = (text, style) => [...text].length * (style === 'title' ? 8.6 : 7.9);

/**
 * Greedy wrap to `max` px at spaces; a word wider than `max` is split after - _ / . , : ; and, where a piece is
 * still too wide, between characters. Never drops a character: the lines joined give the text back
 * (separated by the spaces they were split at).
 */
export function wrapText(text: string, max: number, style: TextStyle, measure: TextMeasure): string[] {
  const fits = (t: string) => measure(t, style) <= max;
  const lines: string[] = [];
  let line = '';
  const push = (piece: string, sep: string) => {
    if (line === '') line = piece;
    else if (fits(line + sep + piece)) line += sep + piece;
    else {
      lines.push(line);
      line = piece;
    }
  };
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (fits(word)) {
      push(word, ' ');
      continue;
    }
    const pieces = word.split(/(?<=[-_/.,:;])/);
    pieces.forEach((piece, i) => {
      if (fits(piece)) return push(piece, i === 0 ? ' ' : '');
      // Still too wide: a fresh line, split between characters.
      if (line !== '') lines.push(line);
      line = '';
      for (const ch of piece) {
        if (line !== '' && !fits(line + ch)) {
          lines.push(line);
          line = '';
        }
        line += ch;
      }
    });
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

function widest(lines: string[], style: TextStyle, measure: TextMeasure): number {
  return Math.max(0, ...lines.map((l) => measure(l, style)));
}

/** The SL-T badge text: a scalar, or min-max of an `FR1 2, FR2 3 ...` vector (the full vector is in the tooltip). */
export function badgeText(slT: string): string {
  if (slT === '') return '';
  const levels = [...slT.matchAll(/FR\d\s+(\d)/g)].map((m) => Number(m[1]));
  if (!levels.length) return `SL-T ${slT}`;
  const lo = Math.min(...levels);
  const hi = Math.max(...levels);
  return `SL-T ${lo === hi ? lo : `${lo}-${hi}`}`;
}

interface ZoneHeader {
  titleLines: string[];
  flagLines: string[];
  badge: string;
  badgeW: number;
  width: number;
  height: number;
}

function zoneHeader(z: DiagramZone, measure: TextMeasure): ZoneHeader {
  const titleLines = wrapText(`${z.name} (${z.id})`, MAX_W.title, 'title', measure);
  const cls = ['it', 'dmz', 'ot', 'device', 'external', 'cloud'].includes(z.zoneClass) ? z.zoneClass : 'unknown';
  const flagLines = wrapText([cls, ...z.flags].join(' · '), MAX_W.flags, 'flags', measure);
  const badge = badgeText(z.slT);
  const badgeW = badge ? Math.ceil(widest(wrapText(badge, MAX_W.badge, 'badge', measure), 'badge', measure)) + 2 * BADGE_PAD : 0;
  const textW = Math.max(widest(titleLines, 'title', measure), widest(flagLines, 'flags', measure));
  const width = Math.ceil(PAD + textW + (badge ? PAD + badgeW : 0) + PAD);
  const height = Math.ceil(6 + titleLines.length * LINE_H.title + flagLines.length * LINE_H.flags + 6);
  return { titleLines, flagLines, badge, badgeW, width, height };
}

function assetBox(a: DiagramAsset, measure: TextMeasure): { lines: string[]; width: number; height: number } {
  const lines = wrapText(a.name, MAX_W.asset, 'asset', measure);
  return { lines, width: Math.ceil(Math.max(60, widest(lines, 'asset', measure) + 2 * PAD)), height: lines.length * LINE_H.asset + 10 };
}

interface ElkNode {
  id: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  children?: ElkNode[];
  edges?: ElkEdge[];
  layoutOptions?: Record<string, string>;
}
interface ElkEdge {
  id: string;
  sources: string[];
  targets: string[];
  labels?: { text: string; width: number; height: number; x?: number; y?: number }[];
  sections?: { startPoint: { x: number; y: number }; endPoint: { x: number; y: number }; bendPoints?: { x: number; y: number }[] }[];
}

/** Lays the diagram out with elkjs (layered, left to right; assets packed inside their zone), boxes sized from `measure`. */
export async function layoutZoneDiagram(d: ZoneDiagram, measure: TextMeasure = estimateText): Promise<ZoneDiagram> {
  const headers = d.zones.map((z) => zoneHeader(z, measure));
  const assets = d.zones.map((z) => z.assets.map((a) => assetBox(a, measure)));
  const labelLines = d.conduits.map((c) => wrapText(c.label, MAX_W.label, 'label', measure));
  const root: ElkNode = {
    id: '__root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '40',
      'elk.spacing.edgeLabel': '6',
      'elk.spacing.labelNode': '10',
      'elk.layered.spacing.nodeNodeBetweenLayers': '60',
      'elk.layered.spacing.edgeNodeBetweenLayers': '20',
      'elk.edgeLabels.inline': 'false',
      'elk.edgeRouting': 'POLYLINE',
      'elk.hierarchyHandling': 'SEPARATE_CHILDREN',
    },
    children: d.zones.map((z, zi) => {
      const h = headers[zi];
      return {
        id: `z${zi}`,
        layoutOptions: {
          'elk.algorithm': 'rectpacking',
          'elk.padding': `[top=${h.height + 4},left=10,bottom=10,right=10]`,
          'elk.spacing.nodeNode': '8',
          'elk.nodeSize.constraints': 'MINIMUM_SIZE',
          'elk.nodeSize.minimum': `(${h.width}, ${h.height + 16})`,
        },
        ...(z.assets.length ? {} : { width: h.width, height: h.height + 16 }),
        children: z.assets.map((_, ai) => ({ id: `z${zi}a${ai}`, width: assets[zi][ai].width, height: assets[zi][ai].height })),
      };
    }),
    edges: [],
  };
  const idx = new Map(d.zones.map((z, i) => [z.id, i]));
  d.conduits.forEach((c, ci) => {
    const [a, ...rest] = c.zones;
    const lines = labelLines[ci];
    const width = Math.ceil(widest(lines, 'label', measure)) + 8;
    const height = lines.length * LINE_H.label + 4;
    rest.forEach((b, k) => root.edges!.push({ id: `c${ci}_${k}`, sources: [`z${idx.get(a)}`], targets: [`z${idx.get(b)}`], labels: [{ text: c.label, width, height }] }));
  });
  const out = (await new ELK().layout(root as never)) as unknown as ElkNode;
  const zones = d.zones.map((z, zi) => {
    const n = out.children!.find((x) => x.id === `z${zi}`)!;
    const h = headers[zi];
    return {
      ...z,
      x: n.x ?? 0,
      y: n.y ?? 0,
      width: n.width ?? 0,
      height: n.height ?? 0,
      titleLines: h.titleLines,
      flagLines: h.flagLines,
      badge: h.badge,
      badgeWidth: h.badgeW,
      headerHeight: h.height,
      assets: z.assets.map((a, ai) => {
        const c = n.children!.find((x) => x.id === `z${zi}a${ai}`)!;
        return { ...a, lines: assets[zi][ai].lines, x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 };
      }),
    };
  });
  const conduits = d.conduits.map((c, ci) => ({
    ...c,
    labelLines: labelLines[ci],
    paths: (out.edges ?? [])
      .filter((e) => e.id.startsWith(`c${ci}_`))
      .map((e) => {
        const s = e.sections?.[0];
        const points = s ? [s.startPoint, ...(s.bendPoints ?? []), s.endPoint] : [];
        const l = e.labels?.[0];
        return { points, ...(l ? { label: { x: l.x ?? 0, y: l.y ?? 0, width: l.width, height: l.height } } : {}) };
      }),
  }));
  return { ...d, width: out.width ?? 0, height: out.height ?? 0, zones, conduits };
}
