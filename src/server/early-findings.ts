// @spdf implements SPDF-LSP-EARLY-CACHE
/**
 * The model rules' findings of a first index from the editor's cache (src/node/early-findings-cache.ts), shown by a
 * second start before it parses the model: keyed by every input those rules read, as the state read them.
 */
import type { ReviewLock } from '../core/codelinks/review-lock';
import type { Host } from '../core/host';
import type { TestResultsInput } from '../core/matrix/test-results';
import type { LoadProblem } from '../core/model/graph';
import type { Finding } from '../core/types';
import { EarlyFindingsCache, type EarlyInput } from '../node/early-findings-cache';
import { sbomAnswer } from './sbom-reads';
import { evidenceAnswer } from './evidence-blanks';
import type { ModelInput } from './workspace-reads';

export interface EarlyFindingsInputs {
  trusted: boolean;
  codeLinks: boolean;
  /** The workspace's file listing, sorted. */
  files: readonly string[];
  config: { bytes: Uint8Array | undefined; problems: readonly LoadProblem[] };
  /** Every model file, sorted, as read before parsing. */
  models: readonly (readonly [string, ModelInput])[];
  lock: ReviewLock;
  testResults: TestResultsInput | undefined;
  fileDates: ReadonlyMap<string, number> | undefined;
}

export interface EarlyFindings {
  /** The stored findings of these inputs when the SBOM and VEX files the model names answer as they did then. */
  stored(host: Host, overlays: ReadonlyMap<string, string>, files: ReadonlySet<string>, maxSbomBytes: number): Promise<Map<string, Finding[]> | undefined>;
  /** Stores the findings of these inputs, with the answers (`SbomReads.answers`, `EvidenceBlanks.answers`) of the SBOM, VEX and evidence files read for them. */
  keep(byFile: ReadonlyMap<string, readonly Finding[]>, answers: readonly string[]): void;
}

/** The early findings of these inputs; undefined for an untrusted workspace (no cache read or written) or without a build identity. */
export function earlyFindings(dir: string, read: EarlyFindingsInputs): EarlyFindings | undefined {
  if (!read.trusted) return undefined;
  const cache = new EarlyFindingsCache(dir);
  const inputs: EarlyInput[] = [
    ['options', JSON.stringify({ trusted: read.trusted, codeLinks: read.codeLinks })],
    ['listing', read.files.join('\0')],
    ['config', read.config.bytes ?? 'absent'],
    ['config problems', JSON.stringify(read.config.problems)],
    ['lock', JSON.stringify(read.lock)],
    ['test results', JSON.stringify(read.testResults ?? null)],
    ['git dates', JSON.stringify(read.fileDates ? [...read.fileDates] : null)],
  ];
  inputs.push(...read.models.map(([path, input]): EarlyInput => ('text' in input ? [`open ${path}`, input.text] : 'bytes' in input ? [`disk ${path}`, input.bytes] : [`unread ${path}`, input.why])));
  if (!cache.identified) return undefined;
  // Hashing every model file takes tens of ms at 20,000 requirements: not before the first diagnostics when no entry exists.
  let key: string | undefined;
  const keyOf = () => (key ??= cache.add(inputs).key() as string);
  return {
    async stored(host, overlays, files, maxSbomBytes) {
      const hit = cache.exists() ? cache.read(keyOf()) : undefined;
      if (!hit) return undefined;
      // The same model bytes name the same paths: each SBOM, VEX and evidence file must answer as it did when the findings were stored.
      for (const was of hit.answers) {
        const evidence = await evidenceAnswer(host, was, overlays);
        if (evidence !== undefined) {
          if (evidence !== was) return undefined;
          continue;
        }
        const path = sbomPath(was);
        if (path === undefined || (await sbomAnswer(host, path, overlays.get(path), files.has(path), maxSbomBytes)) !== was) return undefined;
      }
      return hit.byFile;
    },
    keep: (byFile, answers) => cache.write(keyOf(), byFile, answers),
  };
}

/** The path of an SBOM answer (`[path, listed, size, bytes]` as JSON). */
function sbomPath(answer: string): string | undefined {
  try {
    const parsed = JSON.parse(answer) as unknown;
    return Array.isArray(parsed) && typeof parsed[0] === 'string' ? parsed[0] : undefined;
  } catch {
    return undefined;
  }
}
