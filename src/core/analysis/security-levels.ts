import { FRS, type FR } from '../vocab/iec62443';

/**
 * Security levels per IEC 62443-3-3 foundational requirement.
 *
 * In the model an SL (sl_t, sl_c, sl_a) is either a scalar `k` (meaning k on every FR1..FR7)
 * or a mapping `{FR1: .., FR7: ..}`; FRs a mapping leaves out are unknown, never 0.
 * Normalised, it is a 7-vector indexed FR1..FR7 with `undefined` for unknown.
 */
export type SlVector = readonly (number | undefined)[];

const isLevel = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 4;

/** Normalises a model value to a 7-vector; undefined when the value is absent or no FR carries a valid level. */
export function slVector(value: unknown): SlVector | undefined {
  if (isLevel(value)) return FRS.map(() => value);
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const m = value as Record<string, unknown>;
  const v = FRS.map((fr) => (isLevel(m[fr]) ? m[fr] : undefined));
  return v.some((x) => x !== undefined) ? v : undefined;
}

/** Level of one FR (undefined when unknown). */
export function slAt(v: SlVector | undefined, fr: FR): number | undefined {
  return v?.[FRS.indexOf(fr)];
}

/** FRs where `a` is strictly below `b`; FRs unknown on either side are not compared. */
export function frsBelow(a: SlVector, b: SlVector): FR[] {
  return FRS.filter((_, i) => a[i] !== undefined && b[i] !== undefined && a[i] < b[i]);
}

/** Per-FR minimum over vectors, each FR over the vectors that know it. */
export function slMin(vectors: readonly SlVector[]): SlVector | undefined {
  if (vectors.length === 0) return undefined;
  const out = FRS.map((_, i) => {
    let m: number | undefined;
    for (const v of vectors) if (v[i] !== undefined && (m === undefined || v[i] < m)) m = v[i];
    return m;
  });
  return out.some((x) => x !== undefined) ? out : undefined;
}

/**
 * `a` is dominated by `b`: lower on at least one FR and higher on none (FRs known on both sides).
 * Used to call one zone "lower trust" than another without weighing FRs against each other.
 */
export function slDominated(a: SlVector, b: SlVector): boolean {
  let lower = false;
  for (let i = 0; i < FRS.length; i++) {
    if (a[i] === undefined || b[i] === undefined) continue;
    if (a[i]! > b[i]!) return false;
    if (a[i]! < b[i]!) lower = true;
  }
  return lower;
}

/** `FR1=2, FR4=1` for the listed FRs of a vector. */
export function formatFrs(v: SlVector, frs: readonly FR[]): string {
  return frs.map((fr) => `${fr}=${slAt(v, fr)}`).join(', ');
}

/** `FR1 1 < 2, FR3 0 < 2` for FRs where `a` is below `b`; `FR1..FR7 0 < 1` when all seven gaps are alike. */
export function describeGaps(a: SlVector, b: SlVector, frs: readonly FR[] = frsBelow(a, b)): string {
  const alike = frs.length === FRS.length && frs.every((fr) => slAt(a, fr) === a[0] && slAt(b, fr) === b[0]);
  if (alike) return `FR1..FR7 ${a[0]} < ${b[0]}`;
  return frs.map((fr) => `${fr} ${slAt(a, fr)} < ${slAt(b, fr)}`).join(', ');
}

/** Human-readable vector: `2` when uniform and complete, else `{FR1: 2, FR3: 1}` (unknown FRs left out). */
export function formatSl(v: SlVector): string {
  if (v.every((x) => x !== undefined && x === v[0])) return String(v[0]);
  return `{${FRS.flatMap((fr, i) => (v[i] === undefined ? [] : [`${fr}: ${v[i]}`])).join(', ')}}`;
}

export type SlKind = 'sl_t' | 'sl_c' | 'sl_a';

/**
 * The model fields `declaredSl` and `zoneCapability` read (the other helpers take the values they are given),
 * spread into the `meta.reads` of the rules built on this module; test/rules/rule-reads.test.ts proves it with a rule that reports everything they answer.
 */
export const SECURITY_LEVELS_READS = ['sl_a', 'sl_c', 'sl_t'] as const;

/** A zone's or conduit's declared SL of one kind. */
export function declaredSl(item: { data: { [K in SlKind]?: unknown } }, kind: SlKind): SlVector | undefined {
  return slVector(item.data[kind]);
}

/**
 * SL-C of a zone: the zone's declared `sl_c`; without one, the per-FR minimum over the `sl_c` of its
 * assets (a zone is only as capable as its weakest component, IEC 62443-3-3 system view), when any
 * asset declares one. `derived` tells which of the two it is, so messages can say so.
 */
export function zoneCapability(zone: { data: { [K in SlKind]?: unknown } }, assets: readonly { data: { sl_c?: unknown } }[]): { sl: SlVector; derived: boolean } | undefined {
  const declared = declaredSl(zone, 'sl_c');
  if (declared) return { sl: declared, derived: false };
  const derived = slMin(assets.map((a) => slVector(a.data.sl_c)).filter((v): v is SlVector => !!v));
  return derived ? { sl: derived, derived: true } : undefined;
}
