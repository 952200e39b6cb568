// @spdf implements SPDF-LSP-START
/**
 * The reads of a full load of the language server's workspace (src/server/state.ts `loadAll`): every model file as
 * read, the test results and git dates, the early findings of exactly these inputs, and the suppressions of source
 * files once they are indexed.
 */
import type { Host } from '../core/host';
import type { ResolvedConfig } from '../core/model/config-def';
import type { LoadProblem } from '../core/model/graph';
import type { ReviewLock } from '../core/codelinks/review-lock';
import type { TestResultsInput } from '../core/matrix/test-results';
import type { Finding } from '../core/types';
import { earlyFindings, type EarlyFindings } from './early-findings';
import { fileDatesOf, type GitHistoryProblem, type Load, loadModelInput, type ModelInput, readModelInput, readTestResultsOf } from './workspace-reads';

export type ModelFindingsSink = (byFile: Map<string, Finding[]>, cached?: boolean) => Promise<void> | void;

export interface FirstReads {
  read: (readonly [string, ModelInput])[];
  testResults: TestResultsInput | undefined;
  fileDates: Map<string, number> | undefined;
  /** Why TM007 (stale model) could not get file dates from git. */
  history: GitHistoryProblem | undefined;
  early: EarlyFindings | undefined;
  /** The stored model findings of these inputs, already handed to `modelFindings`. */
  stored: Map<string, Finding[]> | undefined;
}

export interface FirstReadsContext {
  host: Host;
  /** The state's options (src/server/state.ts `StateOptions`). */
  opts: { root: string; trusted: boolean; codeLinks: boolean; cacheDir?: string };
  config: ResolvedConfig;
  configRead: { bytes: Uint8Array | undefined; problems: readonly LoadProblem[] };
  sortedFiles: string[];
  files: ReadonlySet<string>;
  models: readonly string[];
  overlays: ReadonlyMap<string, string>;
  /** Reads the review lock and the baseline; returns the lock. */
  loadLockAndBaseline(): Promise<ReviewLock>;
}

/** Reads the model files, lock, baseline, test results and git dates; a second start shows the stored model findings of exactly these inputs before it parses them. */
export async function readFirst(c: FirstReadsContext, modelFindings: ModelFindingsSink | undefined): Promise<FirstReads> {
  const read = await Promise.all(c.models.map(async (p) => [p, await readModelInput(c.host, p, c.overlays.get(p), c.config.limits)] as const));
  const lock = await c.loadLockAndBaseline();
  const testResults = await readTestResultsOf(c.opts.root, c.config, c.sortedFiles);
  const { fileDates, history } = fileDatesOf(c.opts.root, c.config, c.opts.trusted);
  // A second start shows the model rules' findings of exactly these inputs before it parses them (they run again after).
  const inputs = { ...c.opts, files: c.sortedFiles, models: read, lock, testResults, fileDates };
  const early = modelFindings && c.opts.cacheDir ? earlyFindings(c.opts.cacheDir, { ...inputs, config: c.configRead }) : undefined;
  const stored = await early?.stored(c.host, c.overlays, c.files, c.config.maxSbomBytes);
  if (stored) await modelFindings?.(stored, true);
  return { read, testResults, fileDates, history, early, stored };
}

/** Model text loaded between two turns of the event loop (about 20 ms of parsing). */
export const MODEL_BYTES_PER_TURN = 256 * 1024;

/**
 * Loads the model files as read into `loads`, in their order, with a turn of the event loop after every
 * `MODEL_BYTES_PER_TURN` of text: the code index started beside the load (src/server/code-index.ts `startIndex`) reads
 * its source files and starts its parse worker meanwhile, not once the whole model is loaded and its rules ran.
 */
export async function loadModels(read: readonly (readonly [string, ModelInput])[], limits: ResolvedConfig['limits'], loads: Map<string, Load>): Promise<void> {
  let since = 0;
  for (const [path, input] of read) {
    loads.set(path, loadModelInput(path, input, limits));
    since += 'bytes' in input ? input.bytes.length : 'text' in input ? input.text.length : 0;
    if (since < MODEL_BYTES_PER_TURN) continue;
    since = 0;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
