import { Cvss3P0, Cvss3P1, Cvss4P0 } from 'ae-cvss-calculator';
import { EXPLOITABILITY, SCORE_METHODS } from '../model/schema-def';

/**
 * Threat risk scores: CVSS 3.0/3.1/4.0 vectors checked and scored by `ae-cvss-calculator` (no CVSS
 * arithmetic of ours), MITRE rubric answers, and the FDA's exploitability scale.
 */

export type CvssVersion = '3.0' | '3.1' | '4.0';
export type ScoreMethod = (typeof SCORE_METHODS)[number];
export type Exploitability = (typeof EXPLOITABILITY)[number];

export type ParsedCvss =
  | {
      ok: true;
      version: CvssVersion;
      /** Base score (CVSS 4.0: CVSS-B, base metrics only). */
      base: number;
      /** Score of the whole vector, with temporal/threat and environmental metrics when present. */
      overall: number;
      /** Base metric values by short name (AV, AC, ... or AV, AT, VC, ... for 4.0). */
      metrics: Record<string, string>;
    }
  | { ok: false; error: string };

/** CVSS v3 base metrics, the ones the MITRE rubric asks questions for. */
export const RUBRIC_METRICS = ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'] as const;
/** Rubric answers a safety-relevant threat must carry: integrity and availability carry the patient-harm judgement. */
export const RUBRIC_SAFETY_METRICS = ['I', 'A'] as const;

/** Largest gap between a stated and a computed score that is still rounding (CVSS scores have one decimal). */
export const SCORE_TOLERANCE = 0.05;

const VERSION_RE = /^CVSS:(3\.0|3\.1|4\.0)\/(.*)$/;
const PART_RE = /^([A-Za-z]+):([A-Za-z]+)$/;
const cache = new Map<string, ParsedCvss>();

/** Parses and scores a CVSS 3.0, 3.1 or 4.0 vector. Strict: version prefix, `KEY:VALUE` parts, no repeats, all base metrics. */
export function parseCvss(vector: string): ParsedCvss {
  const hit = cache.get(vector);
  if (hit) return hit;
  const parsed = parseUncached(vector.trim());
  if (cache.size > 10_000) cache.clear();
  cache.set(vector, parsed);
  return parsed;
}

function parseUncached(vector: string): ParsedCvss {
  const m = VERSION_RE.exec(vector);
  if (!m) {
    if (/^CVSS:2|^AV:[LAN]\/AC:[HML]\/Au:/.test(vector)) return { ok: false, error: 'CVSS v2 vectors are not accepted; use CVSS 3.0, 3.1 or 4.0' };
    return { ok: false, error: 'a CVSS vector starts with CVSS:3.0/, CVSS:3.1/ or CVSS:4.0/' };
  }
  const version = m[1] as CvssVersion;
  const metrics: Record<string, string> = {};
  for (const part of m[2].split('/')) {
    const pm = PART_RE.exec(part);
    if (!pm) return { ok: false, error: `'${part}' is not a METRIC:VALUE pair` };
    if (pm[1] in metrics) return { ok: false, error: `metric ${pm[1]} appears twice` };
    metrics[pm[1]] = pm[2];
  }
  let calc: Cvss3P0 | Cvss3P1 | Cvss4P0;
  try {
    calc = version === '3.0' ? new Cvss3P0(vector) : version === '3.1' ? new Cvss3P1(vector) : new Cvss4P0(vector);
  } catch (e) {
    return { ok: false, error: String((e as Error)?.message ?? e).replace(/\.$/, '') };
  }
  if (!calc.isBaseFullyDefined()) return { ok: false, error: undefinedBase(version, metrics) };
  const s = calc.calculateScores() as { base?: number; baseMetricsOnly?: number; overall: number };
  const base = (version === '4.0' ? s.baseMetricsOnly : s.base) ?? s.overall;
  return { ok: true, version, base, overall: s.overall, metrics };
}

const BASE_METRICS: Record<CvssVersion, readonly string[]> = {
  '3.0': RUBRIC_METRICS,
  '3.1': RUBRIC_METRICS,
  '4.0': ['AV', 'AC', 'AT', 'PR', 'UI', 'VC', 'VI', 'VA', 'SC', 'SI', 'SA'],
};

/** Why a vector the calculator accepted leaves base metrics undefined: present with a value a base metric cannot take (X), or absent. */
function undefinedBase(version: CvssVersion, metrics: Record<string, string>): string {
  const base = BASE_METRICS[version];
  const invalid = base.filter((m) => m in metrics && metrics[m] === 'X');
  const missing = base.filter((m) => !(m in metrics));
  const parts = [
    ...(invalid.length
      ? [
          `${invalid.map((m) => `${m}:X`).join(', ')} ${invalid.length === 1 ? 'is not a valid base metric value' : 'are not valid base metric values'} (X, not defined, is allowed only outside the base group)`,
        ]
      : []),
    ...(missing.length ? [`CVSS ${version} base metric${missing.length === 1 ? '' : 's'} ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing`] : []),
  ];
  return parts.length ? parts.join('; ') : `some CVSS ${version} base metrics are not defined`;
}

/** True when the stated score is the vector's base score or its overall (temporal/environmental) score. */
export function scoreAgrees(stated: number, parsed: Extract<ParsedCvss, { ok: true }>): boolean {
  return Math.abs(stated - parsed.base) <= SCORE_TOLERANCE || Math.abs(stated - parsed.overall) <= SCORE_TOLERANCE;
}

/** CVSS versions a scoring method accepts for its vectors (the MITRE rubric was written for CVSS 3.0 and applies to 3.1). */
export function versionsOf(method: unknown): readonly CvssVersion[] {
  switch (method) {
    case 'cvss-3.0':
      return ['3.0'];
    case 'cvss-3.1':
      return ['3.1'];
    case 'cvss-4.0':
      return ['4.0'];
    case 'mitre-cvss-rubric':
      return ['3.0', '3.1'];
    default:
      return ['3.0', '3.1', '4.0'];
  }
}

/** Rank of an exploitability level (0 very-low .. 4 very-high), or undefined for an unknown value. */
export function exploitabilityRank(v: unknown): number | undefined {
  const i = (EXPLOITABILITY as readonly unknown[]).indexOf(v);
  return i < 0 ? undefined : i;
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

/** What a threat states about its risk, before and after mitigation, with scores computed from valid vectors. */
export interface ThreatScore {
  method?: string;
  vector?: string;
  postVector?: string;
  /** Stated pre score, else the base score of a valid vector. */
  pre?: number;
  post?: number;
  exploitability?: Exploitability;
  postExploitability?: Exploitability;
  rubric?: Record<string, unknown>;
  /** Some pre-mitigation score, vector or exploitability is stated. */
  hasPre: boolean;
  /** Some post-mitigation score, vector or exploitability is stated. */
  hasPost: boolean;
}

/** The model field `threatScore` reads, spread into the `meta.reads` of the rules built on it; test/rules/rule-reads.test.ts proves it with a rule that reports everything it answers. */
export const SCORES_READS = ['score'] as const;

export function threatScore(threat: { data: { score?: unknown } }): ThreatScore {
  const s = threat.data.score;
  const score = s && typeof s === 'object' && !Array.isArray(s) ? (s as Record<string, unknown>) : {};
  const vector = str(score.vector);
  const postVector = str(score.post_vector);
  const fromVector = (v?: string) => {
    if (!v) return undefined;
    const p = parseCvss(v);
    return p.ok ? p.base : undefined;
  };
  const pre = num(score.pre) ?? fromVector(vector);
  const post = num(score.post) ?? fromVector(postVector);
  const exploitability = exploitabilityRank(score.exploitability) !== undefined ? (score.exploitability as Exploitability) : undefined;
  const postExploitability = exploitabilityRank(score.post_exploitability) !== undefined ? (score.post_exploitability as Exploitability) : undefined;
  const rubric = score.rubric && typeof score.rubric === 'object' && !Array.isArray(score.rubric) ? (score.rubric as Record<string, unknown>) : undefined;
  return {
    method: str(score.method),
    vector,
    postVector,
    pre,
    post,
    exploitability,
    postExploitability,
    rubric,
    hasPre: pre !== undefined || !!vector || exploitability !== undefined,
    hasPost: post !== undefined || !!postVector || postExploitability !== undefined,
  };
}

/** CVSS v3 "High" and above. */
export const HIGH_SCORE = 7.0;

/** A threat whose pre-mitigation score is High or Critical, or whose exploitability is high or very high. */
export function isHighRiskScore(t: ThreatScore): boolean {
  return (t.pre !== undefined && t.pre >= HIGH_SCORE) || (exploitabilityRank(t.exploitability) ?? 0) >= 3;
}
