import picomatch from 'picomatch';
import { codeInput, DEFAULT_TEST_GLOBS } from '../codelinks/ruleInput';
import type { Item } from '../model/graph';
import type { Range } from '../types';
import type { RuleInputs } from '../rules/types';

/**
 * Verification evidence, one definition for RQ002, VT001 and the matrix: an item is verified by a
 * `tests` item that `verifies` it or that the item lists in its own `tests`, or by a code symbol
 * tagged `@spdf verifies ID` in a test file (from the code-link index, when the host supplied one;
 * without it only the YAML counts).
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
 * Links with relation `verifies` from the code-link input (`RuleInputs.code`, see
 * src/core/codelinks/ruleInput.ts), kept only when they sit in a test file (`code.test_globs`,
 * default DEFAULT_TEST_GLOBS): CL004 reports `verifies` tags elsewhere, which are no evidence.
 */
export function verifyingCodeLinks(inputs: Pick<RuleInputs, 'code' | 'config'>): VerifyingCodeLink[] {
  const code = codeInput(inputs.code);
  if (!code) return [];
  const globs = inputs.config.code.testGlobs.length ? inputs.config.code.testGlobs : DEFAULT_TEST_GLOBS;
  const isTest = picomatch([...globs], { dot: true });
  const out: VerifyingCodeLink[] = [];
  for (const f of code.files) {
    if (!isTest(f.file)) continue;
    for (const l of f.links) if (l.relation === 'verifies') out.push(l);
  }
  return out;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const l = m.get(k);
  if (l) {
    if (!l.includes(v)) l.push(v);
  } else m.set(k, [v]);
}

export function buildVerificationIndex(inputs: Pick<RuleInputs, 'graph' | 'code' | 'config'>): VerificationIndex {
  const { graph } = inputs;
  const testsOf = new Map<string, Item[]>();
  for (const ref of graph.refs) {
    if (!ref.target) continue;
    if (ref.from.kind === 'test' && ref.field === 'verifies') push(testsOf, ref.id, ref.from);
    else if (ref.target.kind === 'test' && ref.field.split('.')[0] === 'tests' && ref.from.kind !== 'test') push(testsOf, ref.from.id, ref.target);
  }
  const codeOf = new Map<string, VerifyingCodeLink[]>();
  for (const l of verifyingCodeLinks(inputs)) push(codeOf, l.id, l);
  return { testsOf, codeOf };
}

/** Memoised per lint run. */
export function verificationIndex(ctx: Pick<RuleInputs, 'graph' | 'code' | 'config'> & { shared<T>(key: string, compute: () => T): T }): VerificationIndex {
  return ctx.shared('analysis/verification', () => buildVerificationIndex(ctx));
}

/** IDs with any verification evidence (YAML tests or code). */
export function verifiedIds(ctx: Pick<RuleInputs, 'graph' | 'code' | 'config'> & { shared<T>(key: string, compute: () => T): T }): Set<string> {
  return ctx.shared('analysis/verified-ids', () => {
    const idx = verificationIndex(ctx);
    return new Set([...idx.testsOf.keys(), ...idx.codeOf.keys()]);
  });
}
