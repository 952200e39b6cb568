// @spdf implements SPDF-FC-EMPTY-EVIDENCE
/**
 * Which evidence files the model's tests name show no result (no text, or unreadable), as `spdf check` finds them
 * (src/core/model/load-workspace.ts), an open document's text instead of the disk: read when the model loads and again
 * when such a file changes.
 */
import type { Host } from '../core/host';
import { EMPTY_EVIDENCE, evidenceFileGap, evidenceFilesOf, filePathsOf, isBlankText } from '../core/model/evidence-files';
import type { Load } from './workspace-reads';

/** A model item of kind test whose `evidence` is a string. */
type NamingTest = Extract<Load, { items: unknown }>['items'][number] & { data: { evidence: string } };

export class EvidenceBlanks {
  /** The evidence files the tests name that are in the workspace, each with why it shows no result (undefined: it holds text). */
  private named = new Map<string, string | undefined>();
  /** Every path a test's evidence may name, in the workspace or not. */
  private wanted = new Set<string>();
  gaps: ReadonlyMap<string, string> = new Map();
  private readonly byLoad = new WeakMap<Load, { tests: NamingTest[]; paths: string[] }>();

  /** Every path a test's evidence may name (the host watches them). */
  get watched(): string[] {
    return [...this.wanted];
  }

  /** What each named file answered, for the early findings' key (src/server/early-findings.ts). */
  get answers(): string[] {
    return [...this.named].map(([path, gap]) => JSON.stringify({ evidence: path, gap: gap ?? null }));
  }

  /** Reads the evidence files the tests of `loads` name; `fresh`: again those read before (else they changed since only if `changed` said so). */
  async read(host: Host, overlays: ReadonlyMap<string, string>, loads: Iterable<Load>, files: ReadonlySet<string>, fresh: boolean): Promise<void> {
    const tests: NamingTest[] = [];
    const wanted = new Set<string>();
    for (const load of loads) {
      const named = this.namingTests(load);
      tests.push(...named.tests);
      for (const p of named.paths) wanted.add(p);
    }
    this.wanted = wanted;
    const paths = evidenceFilesOf(tests, files);
    const gaps = await Promise.all(paths.map(async (p) => (!fresh && this.named.has(p) ? this.named.get(p) : evidenceGapOf(host, p, overlays.get(p)))));
    this.named = new Map(paths.map((p, i) => [p, gaps[i]]));
    this.keepGaps();
  }

  /** The tests of a loaded file that name evidence, with every path each may name; a file is looked at once (a load is never changed, an edit makes a new one). */
  private namingTests(load: Load): { tests: NamingTest[]; paths: string[] } {
    let named = this.byLoad.get(load);
    if (!named) {
      const tests = 'problem' in load ? [] : load.items.filter((i): i is NamingTest => i.kind === 'test' && typeof i.data.evidence === 'string');
      named = { tests, paths: tests.flatMap((t) => filePathsOf(t.file, t.data.evidence)) };
      this.byLoad.set(load, named);
    }
    return named;
  }

  /** `path` changed, was created or deleted: whether the findings of the tests that name it may change (it is re-read). */
  async changed(host: Host, overlays: ReadonlyMap<string, string>, path: string, type: 'created' | 'changed' | 'deleted'): Promise<boolean> {
    if (!this.wanted.has(path)) return false;
    const before = this.named.get(path);
    if (type === 'deleted') this.named.delete(path);
    else this.named.set(path, await evidenceGapOf(host, path, overlays.get(path)));
    // A file in `gaps` that a test does not resolve to (another of its `wanted` paths is) changes nothing: the rule resolves the path itself.
    this.keepGaps();
    return type !== 'changed' || before !== this.named.get(path);
  }

  /** `gaps` from `named`, the same map object while its entries are the same (the rules' inputs compare it by identity). */
  private keepGaps(): void {
    const next = [...this.named].flatMap(([p, gap]) => (gap ? [[p, gap] as const] : []));
    if (next.length !== this.gaps.size || next.some(([p, gap]) => this.gaps.get(p) !== gap)) this.gaps = new Map(next);
  }
}

/** Why a file shows no result as `spdf check` decides it (evidenceFileGap); an open document's text stands for the file. */
export async function evidenceGapOf(host: Host, path: string, overlay: string | undefined): Promise<string | undefined> {
  if (overlay === undefined) return evidenceFileGap(host, path);
  return isBlankText(new TextEncoder().encode(overlay)) ? EMPTY_EVIDENCE : undefined;
}

/** What `path` answers now, as `EvidenceBlanks.answers` lists it; undefined when `answer` is not an evidence answer. */
export async function evidenceAnswer(host: Host, answer: string, overlays: ReadonlyMap<string, string>): Promise<string | undefined> {
  let path: unknown;
  try {
    path = (JSON.parse(answer) as { evidence?: unknown }).evidence;
  } catch {
    return undefined;
  }
  if (typeof path !== 'string') return undefined;
  return JSON.stringify({ evidence: path, gap: (await evidenceGapOf(host, path, overlays.get(path))) ?? null });
}
