// @spdf implements SPDF-RULESET-001
import { sha256 } from '../hash';
import type { RuleMeta } from './types';

/** Meta fields the rule-set hash covers: everything that states or demonstrates what a rule reports. */
const HASHED_FIELDS = ['code', 'alias', 'severity', 'category', 'since', 'description', 'rationale', 'source', 'fixable', 'needs', 'runsWithout', 'examples'] as const;

/** JSON with object keys sorted, so the hash depends on content and not on the order keys were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * `sha256:` + hex SHA-256 of the canonical JSON of every rule's hashed meta fields, rules sorted by code.
 * The examples are in it, and the test suite proves each rule reports exactly its marked findings on them,
 * so a change of what a rule reports that its examples show changes the hash.
 */
export function ruleSetHash(metas: readonly RuleMeta[]): string {
  const picked = [...metas].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)).map((m) => Object.fromEntries(HASHED_FIELDS.map((f) => [f, m[f]])));
  const digest = sha256(new TextEncoder().encode(canonical(picked)));
  return `sha256:${Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
