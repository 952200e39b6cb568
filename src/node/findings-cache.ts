// @spdf implements SPDF-FC-CACHE
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { RuleOutcome, RuleOutcomeStore } from '../core/rules/engine';
import type { Rule } from '../core/rules/types';
import { writeFileAtomicSync } from './atomic-write';
import { sha256Hex, toolIdentity } from './cache-location';
import { sealBytes, unsealBytes } from './sealed-bytes';

/** Bump when the layout of this file changes (the tool identity already covers any change of the code). */
const FINDINGS_CACHE_FORMAT = 1;
export const FINDINGS_CACHE_FILE = `findings-v${FINDINGS_CACHE_FORMAT}.bin`;
const MAGIC = Buffer.from(`spdf-findings-cache/${FINDINGS_CACHE_FORMAT}\n`);

/**
 * Whether a rule's findings are a function of the loaded workspace alone (model, config, listed files): it reads
 * no code, git dates, test results, review lock or files named by the user (`meta.needs`, proven complete by
 * test/rules/rule-needs.test.ts).
 */
export function workspaceOnly(rule: Rule): boolean {
  return (rule.meta.needs ?? []).every((n) => n === 'files');
}

interface Stored {
  key: string;
  outcomes: Record<string, RuleOutcome>;
}

/**
 * Findings of the rules that read only the loaded workspace, kept from the last run in a cache folder outside
 * the workspace, so that a run after a source-code change re-runs only the rules that read code. The key is the
 * SHA-256 of everything those findings depend on: the build of the tool (rule set, severities' code), the trust
 * setting and every answer the host gave the model loader (listing, bytes of each file read, errors, sizes:
 * loader-inputs.ts). Suppressions are applied after, on the whole list, so TM010 sees every rule that ran.
 * A file that is damaged, of another build or another key is a miss.
 */
export class FindingsCache implements RuleOutcomeStore {
  private readonly known: Record<string, RuleOutcome>;
  private readonly fresh = Object.create(null) as Record<string, RuleOutcome>;
  private changed = false;
  hits = 0;

  private constructor(
    private readonly dir: string,
    private readonly key: string,
  ) {
    this.known = this.read();
  }

  /** The cache for workspace inputs named by `loaderDigest`; undefined when the build is unknown (no cache). */
  static open(dir: string, loaderDigest: string, trusted: boolean): FindingsCache | undefined {
    const tool = toolIdentity();
    return tool ? new FindingsCache(dir, sha256Hex(JSON.stringify({ format: FINDINGS_CACHE_FORMAT, tool, trusted, loaderDigest }))) : undefined;
  }

  get(rule: Rule): RuleOutcome | undefined {
    if (!workspaceOnly(rule) || !Object.hasOwn(this.known, rule.meta.code)) return undefined;
    const outcome = this.known[rule.meta.code];
    if (!Array.isArray(outcome?.findings)) return undefined;
    this.fresh[rule.meta.code] = outcome;
    this.hits++;
    return outcome;
  }

  set(rule: Rule, outcome: RuleOutcome): void {
    if (!workspaceOnly(rule)) return;
    this.fresh[rule.meta.code] = outcome;
    this.changed = true;
  }

  /** Best effort: a cache that cannot be written only costs time on the next run. */
  save(): void {
    if (!this.changed) return;
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const stored: Stored = { key: this.key, outcomes: this.fresh };
      writeFileAtomicSync(join(this.dir, FINDINGS_CACHE_FILE), sealBytes(MAGIC, serialize(stored)), { mode: 0o600 });
    } catch {
      /* the next run lints without the cache */
    }
  }

  private read(): Record<string, RuleOutcome> {
    try {
      const payload = unsealBytes(MAGIC, readFileSync(join(this.dir, FINDINGS_CACHE_FILE)));
      const stored = payload && (deserialize(payload) as Partial<Stored>);
      if (stored?.key === this.key && stored.outcomes && typeof stored.outcomes === 'object') return stored.outcomes;
    } catch {
      // No file or a damaged one: every rule runs.
    }
    return Object.create(null) as Record<string, RuleOutcome>;
  }
}
