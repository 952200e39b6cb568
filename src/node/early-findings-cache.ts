// @spdf implements SPDF-LSP-EARLY-CACHE, SPDF-FC-CACHE
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../core/types';
import { writeFileAtomicSync } from './atomic-write';
import { sha256Hex, toolIdentity } from './cache-location';
import { sealBytes, unsealBytes } from './sealed-bytes';

/** 2: the answers of the files read after the model (SBOM, VEX and evidence files) are stored as `answers`. */
const FORMAT = 2;
const MAGIC = Buffer.from(`spdf-early-findings/${FORMAT}\n`);
export const EARLY_FINDINGS_FILE = `early-findings-v${FORMAT}.bin`;

/** One input of the model rules as the server read it: its name, and its bytes or text (or what kept it from being read). */
export type EarlyInput = readonly [name: string, content: Uint8Array | string];

/**
 * The model rules' findings of the language server's first index, by file, kept in the editor's cache folder so that
 * a second start can show them before it parses the model. The key is the SHA-256 of the server's build and of every
 * input those rules read (each model file's bytes or open text, the config's, the file listing, the review lock, test
 * results, git dates) in the order given; one entry is kept. A damaged file, another build's or another key's is a miss.
 */
export class EarlyFindingsCache {
  /** Per input: its name, kind and SHA-256 (the key is the SHA-256 of them all, after the build's identity). */
  private readonly parts: string[];
  private readonly tool = toolIdentity();

  constructor(private readonly dir: string) {
    this.parts = [`${MAGIC.toString()}${this.tool ?? ''}\0`];
  }

  /** Adds inputs to the key. */
  add(inputs: Iterable<EarlyInput>): this {
    for (const [name, content] of inputs) this.parts.push(`${name.length}:${name}\0${typeof content === 'string' ? 't' : 'b'}${sha256Hex(content)}\0`);
    return this;
  }

  /** Whether the tool has a build identity (without one there is no cache: `key` is undefined). */
  get identified(): boolean {
    return this.tool !== undefined;
  }

  /** Whether an entry is stored (of any key): without one, `read` misses whatever the key. */
  exists(): boolean {
    return existsSync(join(this.dir, EARLY_FINDINGS_FILE));
  }

  /** The key of the inputs added; undefined without a build identity (no cache then). */
  key(): string | undefined {
    return this.tool === undefined ? undefined : sha256Hex(this.parts.join(''));
  }

  /**
   * The stored findings for `key` and the answers of the SBOM, VEX and evidence files the model named (read after the
   * model, so not in the key: the caller compares them with the answers now), or undefined (no entry, damaged, of another key or
   * build). Never throws.
   */
  read(key: string): { byFile: Map<string, Finding[]>; answers: string[] } | undefined {
    try {
      const payload = unsealBytes(MAGIC, readFileSync(join(this.dir, EARLY_FINDINGS_FILE)));
      if (!payload) return undefined;
      const stored = JSON.parse(payload.toString('utf8')) as unknown;
      if (!isStored(stored) || stored.key !== key) return undefined;
      return { byFile: new Map(stored.byFile), answers: stored.answers };
    } catch {
      return undefined;
    }
  }

  /** Stores the findings for `key`, replacing the entry (a write that fails leaves no cache: a miss next time). */
  write(key: string, byFile: ReadonlyMap<string, readonly Finding[]>, answers: readonly string[]): void {
    try {
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      const payload = Buffer.from(JSON.stringify({ key, answers, byFile: [...byFile] }));
      writeFileAtomicSync(join(this.dir, EARLY_FINDINGS_FILE), sealBytes(MAGIC, payload), { mode: 0o600, sealed: true });
    } catch {
      /* no cache */
    }
  }
}

interface Stored {
  key: string;
  /** The answers of the SBOM, VEX and evidence files read after the model (src/server/early-findings.ts). */
  answers: string[];
  byFile: [string, Finding[]][];
}

function isStored(v: unknown): v is Stored {
  if (!v || typeof v !== 'object') return false;
  const s = v as Record<string, unknown>;
  return (
    typeof s.key === 'string' &&
    Array.isArray(s.answers) &&
    s.answers.every((a) => typeof a === 'string') &&
    Array.isArray(s.byFile) &&
    s.byFile.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && Array.isArray(e[1]) && e[1].every((f) => isFinding(f, e[0] as string)))
  );
}

function isFinding(f: unknown, file: string): boolean {
  if (!f || typeof f !== 'object') return false;
  const x = f as Record<string, unknown>;
  return x.file === file && typeof x.code === 'string' && typeof x.message === 'string' && typeof x.severity === 'string' && !!x.range && typeof x.range === 'object';
}
