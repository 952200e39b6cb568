import type { Item } from '../model/graph';
import type { Range } from '../types';
import type { RuleInputs } from '../rules/types';

/**
 * Verification evidence, one definition for RQ002, VT001 and the matrix: an item is verified by a
 * `tests` item that `verifies` it or that the item lists in its own `tests`, or by a code symbol
 * tagged `@spdf verifies ID` (from the code-link index, when the host supplied one).
 */

/** The part of a code link this module reads (see src/core/codelinks/model.ts CodeLink). */
export interface VerifyingCodeLink {
  id: string;
  relation: string;
  file: string;
  symbol: string | null;
  range?: Range;
}

export interface VerificationIndex {
  /** YAML tests that verify each ID, through `test.verifies` or the item's own `tests` list. */
  testsOf: Map<string, Item[]>;
  /** Code links with relation `verifies`, by target ID. */
  codeOf: Map<string, VerifyingCodeLink[]>;
}

/**
 * Reads links with relation `verifies` from the code-link input, whatever its container: an array of
 * links or of per-file indexes, a Map of per-file indexes, or an object with `links` or `files`.
 * The code-link engineer may replace this with a typed accessor; keep the signature.
 */
export function codeLinksOf(code: unknown): VerifyingCodeLink[] {
  const out: VerifyingCodeLink[] = [];
  const visitLink = (l: unknown) => {
    const o = l as Partial<VerifyingCodeLink> | null;
    if (o && typeof o === 'object' && typeof o.id === 'string' && typeof o.relation === 'string') out.push(o as VerifyingCodeLink);
  };
  const visitFile = (f: unknown) => {
    const links = (f as { links?: unknown } | null)?.links;
    if (Array.isArray(links)) links.forEach(visitLink);
    else visitLink(f);
  };
  const visitMany = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visitFile);
    else if (v instanceof Map) for (const f of v.values()) visitFile(f);
  };
  if (!code || typeof code !== 'object') return out;
  if (Array.isArray(code) || code instanceof Map) visitMany(code);
  else {
    const c = code as { links?: unknown; files?: unknown };
    if (c.links) visitMany(c.links);
    if (c.files) visitMany(c.files);
  }
  return out;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const l = m.get(k);
  if (l) {
    if (!l.includes(v)) l.push(v);
  } else m.set(k, [v]);
}

export function buildVerificationIndex(inputs: Pick<RuleInputs, 'graph' | 'code'>): VerificationIndex {
  const { graph } = inputs;
  const testsOf = new Map<string, Item[]>();
  for (const ref of graph.refs) {
    if (!ref.target) continue;
    if (ref.from.kind === 'test' && ref.field === 'verifies') push(testsOf, ref.id, ref.from);
    else if (ref.target.kind === 'test' && ref.field.split('.')[0] === 'tests' && ref.from.kind !== 'test') push(testsOf, ref.from.id, ref.target);
  }
  const codeOf = new Map<string, VerifyingCodeLink[]>();
  for (const l of codeLinksOf(inputs.code)) if (l.relation === 'verifies') push(codeOf, l.id, l);
  return { testsOf, codeOf };
}

/** Memoised per lint run. */
export function verificationIndex(ctx: Pick<RuleInputs, 'graph' | 'code'> & { shared<T>(key: string, compute: () => T): T }): VerificationIndex {
  return ctx.shared('analysis/verification', () => buildVerificationIndex(ctx));
}

/** IDs with any verification evidence (YAML tests or code). */
export function verifiedIds(ctx: Pick<RuleInputs, 'graph' | 'code'> & { shared<T>(key: string, compute: () => T): T }): Set<string> {
  return ctx.shared('analysis/verified-ids', () => {
    const idx = verificationIndex(ctx);
    return new Set([...idx.testsOf.keys(), ...idx.codeOf.keys()]);
  });
}
