import { SYNONYMS } from './vocab/synonyms';

/** Levenshtein distance with an early cut-off; used for "did you mean" hints. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * IDs that differ only in the value of a number (CTRL-002 vs CTRL-001, r7200 vs r200) name different items:
 * numbers are the identity of sequential IDs, so changing one is a guess at another item, not a typo fix.
 * The same number with other padding (CTRL-0001 vs CTRL-001) is the same.
 */
export function otherNumber(a: string, b: string): boolean {
  const shape = (s: string) => s.toLowerCase().replace(/\d+/g, '#');
  const numbers = (s: string) => (s.match(/\d+/g) ?? []).map(Number).join(',');
  return shape(a) === shape(b) && numbers(a) !== numbers(b);
}

/**
 * The same ID shape with a number of another size (r7200 vs r200, REQ-12 vs REQ-112): a digit more or less
 * makes another number of the sequence, which no edit-distance closeness turns into a typo. Swapped or
 * mistyped digits of a number written with as many digits (SEC-REQ-041 vs SEC-REQ-014, 099 vs 009) can be.
 */
function otherMagnitude(a: string, b: string): boolean {
  if (!otherNumber(a, b)) return false;
  const sizes = (s: string) => (s.match(/\d+/g) ?? []).map((n) => n.length);
  const [x, y] = [sizes(a), sizes(b)];
  return x.some((n, i) => n !== y[i]);
}

/** How a candidate resembles the word, strongest first. */
const TIERS = { case: 4, suffix: 3, edit: 2, tokens: 1 } as const;
export type Resemblance = keyof typeof TIERS;

export interface Candidate {
  candidate: string;
  by: Resemblance;
  /** Higher is closer, comparable within one `by`. */
  score: number;
  /** Differs from the word only in a number's value (callers decide whether that may be a typo). */
  otherNumber: boolean;
  /** Differs from the word only in the size of a number: listed, never chosen as the one meant. */
  otherMagnitude: boolean;
}

/** Qualified-name segments: `pkg.Name`, `a::b`, `dir/file`. */
const segments = (s: string) =>
  s
    .toLowerCase()
    .split(/\.|::|\//)
    .filter(Boolean);
const lastSegment = (s: string) =>
  s
    .split(/\.|::|\//)
    .filter(Boolean)
    .pop() ?? '';
/** Word tokens: split at punctuation, letter/digit and camelCase boundaries. */
const tokens = (s: string) =>
  s
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+|(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])/)
    .filter(Boolean);
/** A last segment specific enough to name one item: a letter and four characters (not `1`, not `id`). */
const specific = (s: string) => s.length >= 4 && /[a-z]/.test(s);

function resemblance(word: string, c: string): Candidate | undefined {
  const w = word.toLowerCase();
  const l = c.toLowerCase();
  const base = { candidate: c, otherNumber: otherNumber(word, c), otherMagnitude: otherMagnitude(word, c) };
  if (w === l) return { ...base, by: 'case', score: 0 };
  const ws = segments(word);
  const cs = segments(c);
  const last = ws[ws.length - 1];
  if (last !== undefined && cs[cs.length - 1] === last && specific(last) && (ws.length > 1 || cs.length > 1)) {
    // The same name under another qualifier: score the qualifier tokens both share.
    const cq = new Set(cs.slice(0, -1).flatMap(tokens));
    const shared = ws
      .slice(0, -1)
      .flatMap(tokens)
      .filter((t) => cq.has(t)).length;
    return { ...base, by: 'suffix', score: shared };
  }
  const limit = Math.min(2, Math.max(1, Math.floor(word.length / 3)));
  const d = editDistance(w, l, limit);
  if (d <= limit) return { ...base, by: 'edit', score: -d };
  // Words of the names themselves: a shared package (`json_req.`) says nothing about which item is meant.
  const wt = new Set(tokens(lastSegment(word)));
  const ct = new Set(tokens(lastSegment(c)));
  const shared = [...wt].filter((t) => ct.has(t));
  const numbersAgree = [...wt, ...ct].filter((t) => /^\d+$/.test(t)).every((t) => wt.has(t) && ct.has(t));
  const jaccard = shared.length / new Set([...wt, ...ct]).size;
  if (shared.length >= 2 && jaccard >= 0.5 && numbersAgree) return { ...base, by: 'tokens', score: jaccard };
  return undefined;
}

const compare = (a: Candidate, b: Candidate) => TIERS[b.by] - TIERS[a.by] || b.score - a.score || (a.candidate < b.candidate ? -1 : a.candidate > b.candidate ? 1 : 0);

/**
 * Candidates that resemble `word`, closest first: the same text in another case; the same last segment of a
 * qualified name (`req.Args_From_File` ~ `trlc_req.Args_From_File`, `Codebeamer_URL` ~
 * `core_html_report_req.Codebeamer_URL`); a few edits (at most 2, fewer for short words); most word tokens shared.
 */
export function rankCandidates(word: string, candidates: Iterable<string>): Candidate[] {
  const out: Candidate[] = [];
  for (const c of new Set(candidates)) {
    const r = resemblance(word, c);
    if (r) out.push(r);
  }
  return out.sort(compare);
}

/** Candidates as close as the closest one (several when it is a tie). */
export function closestCandidates(word: string, candidates: Iterable<string>): Candidate[] {
  const ranked = rankCandidates(word, candidates);
  return ranked.filter((r) => r.by === ranked[0].by && r.score === ranked[0].score);
}

/** Within a tier, how much better the best must be than the next to be called the one meant. */
const MARGIN: Record<Resemblance, number> = { case: 1, suffix: 1, edit: 1, tokens: 0.2 };

/**
 * The one candidate clearly meant, if any: closer than every other one (a stronger kind of resemblance,
 * or better by a margin within the same kind) and not a number of another size in the same ID shape.
 * A tie, or a near tie, suggests nothing: a wrong guess costs more than no guess.
 */
export function nearest(word: string, candidates: Iterable<string>): string | undefined {
  const [best, next] = rankCandidates(word, candidates);
  if (!best || best.otherMagnitude) return undefined;
  if (next && next.by === best.by && best.score - next.score < MARGIN[best.by]) return undefined;
  return best.candidate;
}

/** "Did you mean" for a vocabulary value: a known synonym first (bluetooth: ble), else the nearest value. */
export function suggestValue(word: string, values: readonly string[]): string | undefined {
  const key = word.trim().toLowerCase();
  const synonym = (Object.hasOwn(SYNONYMS, key) ? SYNONYMS[key] : []).find((v) => values.includes(v));
  return synonym ?? nearest(word, values);
}
