// @spdf implements SPDF-FC-CACHE
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RuleOutcome, RuleOutcomeStore } from '../core/rules/engine';
import type { Rule } from '../core/rules/types';
import type { Finding } from '../core/types';
import { writeFileAtomicSync } from './atomic-write';
import { notePositionsRead, positionsUnread, withoutNotingPositions } from './derived-reads';
import { sha256Hex, toolIdentity } from './cache-location';
import { sealBytes, unsealBytes } from './sealed-bytes';

/** Bump when the layout of these files changes (the tool identity already covers any change of the code). */
const FINDINGS_CACHE_FORMAT = 3;
export const FINDINGS_CACHE_FILE = `findings-v${FINDINGS_CACHE_FORMAT}.json`;
/** Findings of code-scoped rules per source file: rewritten after a source change, while the file above is not. */
export const CODE_FINDINGS_CACHE_FILE = `code-findings-v${FINDINGS_CACHE_FORMAT}.json`;
const MAGIC = Buffer.from(`spdf-findings-cache/${FINDINGS_CACHE_FORMAT}\n`);
const CODE_MAGIC = Buffer.from(`spdf-code-findings-cache/${FINDINGS_CACHE_FORMAT}\n`);

/**
 * A workspace-only rule with more findings than this is not stored: it runs again on the next run. Reading a stored
 * finding back (JSON.parse of about 330 bytes) costs more than the rule that made it (RQ003 at 20,000 requirements:
 * 40 ms to run, 85 ms to read back, 100 ms to write); the rules whose time goes to analysis report few findings.
 */
export const MAX_STORED_FINDINGS = 1000;

/**
 * Whether a rule's findings are a function of the loaded workspace alone (model, config, listed files): it reads
 * no code, git dates, test results, review lock or files named by the user (`meta.needs`, proven complete by
 * test/rules/rule-needs.test.ts).
 */
export function workspaceOnly(rule: Rule): boolean {
  return (rule.meta.needs ?? []).every((n) => n === 'files');
}

/**
 * Whether a rule's findings in a source file are a function of the loaded workspace and that file's index entry alone
 * (`meta.codeScope`, proven by test/rules/rule-code-scope.test.ts): it reads no git dates, test results or lock.
 */
export function perSourceFile(rule: Rule): boolean {
  return rule.meta.codeScope === 'file' && (rule.meta.needs ?? []).every((n) => n === 'files' || n === 'code');
}

interface Stored {
  key: string;
  outcomes: Record<string, RuleOutcome>;
}

/** Per source file the key its findings were computed for (`CodeIndexResult.fileKeys`); per rule its findings in those files (none listed: none). */
interface StoredFiles {
  key: string;
  fileKeys: Record<string, string>;
  rules: Record<string, Record<string, Finding[]>>;
  /**
   * Per rule, the files in which it found nothing without reading any of the file's positions, as the run that
   * computed it observed (derived-reads.ts `positions`); any other file's stored findings count as its positions read.
   */
  positionFree?: Record<string, string[]>;
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object';

/**
 * Findings kept from the last run in a cache folder outside the workspace, so that a run after a source-code change
 * re-runs only the rules that read code, and the code-scoped ones (`meta.codeScope`) only on the changed files. The
 * key is the SHA-256 of everything the workspace-only findings depend on: the build of the tool (rule set,
 * severities' code), the trust setting and every answer the host gave the model loader (listing, bytes of each file
 * read, errors, sizes: loader-inputs.ts). A code-scoped rule's findings in a source file are further keyed by the
 * SHA-256 of the bytes its index was built from and the code index's options. Suppressions are applied after, on
 * the whole list, so TM010 sees every rule that ran. A file that is damaged, of another build or another key is a miss.
 */
export class FindingsCache implements RuleOutcomeStore {
  private readonly known: Stored;
  private readonly knownFiles: StoredFiles;
  private readonly fresh = Object.create(null) as Record<string, RuleOutcome>;
  private readonly freshRules = Object.create(null) as Record<string, Record<string, Finding[]>>;
  private readonly freshPositionFree = Object.create(null) as Record<string, string[]>;
  /** Per rule, the files whose stored findings answered: whether they are position-free. */
  private readonly hitPositionFree = new Map<string, Map<string, boolean>>();
  private changed = false;
  private filesChanged = false;
  hits = 0;
  /** Source files whose stored findings answered, per code-scoped rule. */
  readonly fileHits = new Map<string, number>();

  private constructor(
    private readonly dir: string,
    private readonly key: string,
    private readonly fileKeys: ReadonlyMap<string, string> | undefined,
  ) {
    this.known = this.read();
    this.knownFiles = this.readFiles();
  }

  /**
   * The cache for workspace inputs named by `loaderDigest`; undefined when the build is unknown (no cache). With
   * `fileKeys` (the code index's), code-scoped rules keep their findings per source file.
   */
  static open(dir: string, loaderDigest: string, trusted: boolean, fileKeys?: ReadonlyMap<string, string>): FindingsCache | undefined {
    const tool = toolIdentity();
    return tool ? new FindingsCache(dir, sha256Hex(JSON.stringify({ format: FINDINGS_CACHE_FORMAT, tool, trusted, loaderDigest })), fileKeys) : undefined;
  }

  get(rule: Rule): RuleOutcome | undefined {
    if (!workspaceOnly(rule) || !Object.hasOwn(this.known.outcomes, rule.meta.code)) return undefined;
    const outcome = this.known.outcomes[rule.meta.code];
    if (!Array.isArray(outcome?.findings)) return undefined;
    this.fresh[rule.meta.code] = outcome;
    this.hits++;
    return outcome;
  }

  set(rule: Rule, outcome: RuleOutcome): void {
    if (!workspaceOnly(rule) || outcome.findings.length > MAX_STORED_FINDINGS) return;
    this.fresh[rule.meta.code] = outcome;
    this.changed = true;
  }

  fileOutcomes(rule: Rule): ReadonlyMap<string, Finding[]> | undefined {
    if (!this.fileKeys || !perSourceFile(rule)) return undefined;
    const out = new Map<string, Finding[]>();
    const code = rule.meta.code;
    const stored = Object.hasOwn(this.knownFiles.rules, code) ? this.knownFiles.rules[code] : undefined;
    const free = new Set(
      this.knownFiles.positionFree && Object.hasOwn(this.knownFiles.positionFree, code) && Array.isArray(this.knownFiles.positionFree[code]) ? this.knownFiles.positionFree[code] : [],
    );
    const hitFree = new Map<string, boolean>();
    if (isObject(stored)) {
      const keys = this.knownFiles.fileKeys;
      for (const [file, key] of this.fileKeys) {
        if (!Object.hasOwn(keys, file) || keys[file] !== key) continue;
        const findings = Object.hasOwn(stored, file) ? stored[file] : [];
        if (!Array.isArray(findings)) continue;
        // Made by an earlier run, unwatched here: they count as the file's positions read, unless that run saw the
        // rule find nothing in the file without reading any of its positions.
        const positionFree = findings.length === 0 && free.has(file);
        if (!positionFree) notePositionsRead(file);
        hitFree.set(file, positionFree);
        out.set(file, findings);
      }
    }
    this.hitPositionFree.set(code, hitFree);
    this.fileHits.set(code, out.size);
    return out;
  }

  setFileOutcomes(rule: Rule, byFile: ReadonlyMap<string, Finding[]>): void {
    if (!this.fileKeys || !perSourceFile(rule)) return;
    const code = rule.meta.code;
    const out = Object.create(null) as Record<string, Finding[]>;
    const free: string[] = [];
    const hitFree = this.hitPositionFree.get(code);
    for (const [file, findings] of byFile) {
      if (!this.fileKeys.has(file)) continue;
      if (findings.length) out[file] = findings;
      // A stored answer keeps its flag; one computed now is free when this run watched the file and read none of it.
      else if (hitFree?.has(file) ? hitFree.get(file) : positionsUnread(file)) free.push(file);
    }
    this.freshRules[code] = out;
    if (free.length) this.freshPositionFree[code] = free;
    this.filesChanged ||= byFile.size !== this.fileHits.get(code);
  }

  /** Best effort: a cache that cannot be written only costs time on the next run. */
  save(): void {
    try {
      if (this.changed) this.write(FINDINGS_CACHE_FILE, MAGIC, { key: this.key, outcomes: this.fresh } satisfies Stored);
      if (this.filesChanged && this.fileKeys)
        this.write(CODE_FINDINGS_CACHE_FILE, CODE_MAGIC, {
          key: this.key,
          fileKeys: Object.fromEntries(this.fileKeys),
          rules: this.freshRules,
          positionFree: this.freshPositionFree,
        } satisfies StoredFiles);
    } catch {
      /* the next run lints without the cache */
    }
  }

  private write(name: string, magic: Buffer, value: Stored | StoredFiles): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    // Kept for later runs, which count a file's findings as its positions read when they use them (fileOutcomes).
    const text = withoutNotingPositions(() => JSON.stringify(value));
    writeFileAtomicSync(join(this.dir, name), sealBytes(magic, Buffer.from(text)), { mode: 0o600, sealed: true });
  }

  /** The sealed JSON value of a cache file written for this key, else undefined (no file, a damaged one, another key). */
  private load(name: string, magic: Buffer): Record<string, unknown> | undefined {
    try {
      const payload = unsealBytes(magic, readFileSync(join(this.dir, name)));
      const stored: unknown = payload && JSON.parse(payload.toString('utf8'));
      if (isObject(stored) && stored.key === this.key) return stored;
    } catch {
      // No file or a damaged one: every rule runs.
    }
    return undefined;
  }

  private read(): Stored {
    const stored = this.load(FINDINGS_CACHE_FILE, MAGIC);
    return { key: this.key, outcomes: isObject(stored?.outcomes) ? (stored.outcomes as Stored['outcomes']) : (Object.create(null) as Stored['outcomes']) };
  }

  private readFiles(): StoredFiles {
    const stored = this.fileKeys && this.load(CODE_FINDINGS_CACHE_FILE, CODE_MAGIC);
    const ok = isObject(stored?.fileKeys) && isObject(stored.rules);
    return {
      key: this.key,
      fileKeys: ok ? (stored.fileKeys as StoredFiles['fileKeys']) : {},
      rules: ok ? (stored.rules as StoredFiles['rules']) : {},
      ...(ok && isObject(stored.positionFree) ? { positionFree: stored.positionFree as StoredFiles['positionFree'] } : {}),
    };
  }
}
