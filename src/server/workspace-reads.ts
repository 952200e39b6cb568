import type { Host } from '../core/host';
import { CONFIG_FILE, resolveConfig } from '../core/model/config';
import { configIncludeGlobs, type IncludeGlob } from '../core/model/config-checks';
import type { ResolvedConfig } from '../core/model/config-def';
import type { LoadProblem } from '../core/model/graph';
import { loadModelBytes, loadModelText, oversizeFile, type LoadedFile } from '../core/model/load-file';
import { loadSboms, sbomPathsOf } from '../core/model/load-sboms';
import type { TestResultsInput } from '../core/matrix/test-results';
import { readTestResults } from '../node/junit';
import { nestedConfigOptions } from '../node/nested-config-results';
import { nestedConfigProblems } from '../core/model/nested-configs';
import { ALWAYS_EXCLUDED } from '../core/model/load-workspace';
import { cyclonedxSchemaValidator } from '../node/sbom-schemas';
import { effectiveSeverity } from '../core/rules/engine';
import { findRule } from '../core/rules/registry';
import { gitFileDates, gitHistoryProblem } from '../node/git-dates';

export { SbomReads } from './sbom-reads';

/** A model file as read: loaded, or the problem that kept it from loading. */
export type Load = LoadedFile | { problem: LoadProblem };

export const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function readFailure(path: string, e: unknown): LoadProblem {
  return { code: 'TM009', message: `cannot read file: ${(e as Error)?.message ?? String(e)}`, file: path, range: ZERO };
}

/** A model file as read, before it is parsed: its open document's text, its bytes, or why it was not read (a problem). */
export type ModelInput = { text: string } | { bytes: Uint8Array } | { load: Load; why: string };

/** A model file's open document's text, else its bytes from the disk within the size limit. Never throws. */
export async function readModelInput(host: Host, path: string, overlay: string | undefined, limits: ResolvedConfig['limits']): Promise<ModelInput> {
  if (overlay !== undefined) return { text: overlay };
  try {
    const size = await host.statSize?.(path);
    if (size !== undefined && size > limits.maxFileBytes) return { load: oversizeFile(path, size, limits.maxFileBytes), why: `size ${size}` };
    return { bytes: await host.readFile(path) };
  } catch (e) {
    const problem = readFailure(path, e);
    return { load: { problem }, why: problem.message };
  }
}

/** A model file loaded from what `readModelInput` read. Never throws. */
export function loadModelInput(path: string, input: ModelInput, limits: ResolvedConfig['limits']): Load {
  if ('text' in input) return loadModelText(path, input.text, limits);
  if ('load' in input) return input.load;
  try {
    return loadModelBytes(path, input.bytes, limits);
  } catch (e) {
    return { problem: readFailure(path, e) };
  }
}

/** A model file from its open document's text, else from the disk within the size limit. Never throws. */
export async function readModelFile(host: Host, path: string, overlay: string | undefined, limits: ResolvedConfig['limits']): Promise<Load> {
  return loadModelInput(path, await readModelInput(host, path, overlay, limits), limits);
}

/**
 * The config from its open document, else from the disk when it exists there; a read failure is a problem. `includes`:
 * its include globs, checked against the listing as it changes (src/server/input-problems.ts).
 */
export async function readConfigFile(
  host: Host,
  path: string,
  overlay: string | undefined,
  onDisk: boolean,
  trusted: boolean,
): Promise<{ config: ResolvedConfig; problems: LoadProblem[]; includes: IncludeGlob[]; bytes: Uint8Array | undefined }> {
  let bytes: Uint8Array | undefined;
  const problems: LoadProblem[] = [];
  if (overlay !== undefined) bytes = new TextEncoder().encode(overlay);
  else if (onDisk) {
    try {
      bytes = await host.readFile(path);
    } catch (e) {
      problems.push(readFailure(path, e));
    }
  }
  const resolved = resolveConfig(bytes, trusted);
  return { config: resolved.config, problems: [...problems, ...resolved.problems], includes: configIncludeGlobs(bytes, path), bytes };
}

/** The SBOM and VEX documents the loaded model files name, validated where a schema exists. */
export async function readSboms(host: Host, loads: Iterable<Load>, files: string[], config: ResolvedConfig): Promise<{ files: LoadedFile[]; problems: LoadProblem[]; paths: string[] }> {
  const ok = [...loads].filter((l): l is LoadedFile => !('problem' in l));
  return { ...(await loadSboms(host, ok, files, { maxBytes: config.maxSbomBytes, validate: cyclonedxSchemaValidator() })), paths: sbomPathsOf(ok) };
}

/**
 * The config's JUnit results; undefined when none are configured. Results that could not be read at all are no
 * results plus the problem, so that no verifier counts as passed or as not yet required.
 */
export async function readTestResultsOf(root: string, config: ResolvedConfig, files: readonly string[] = []): Promise<TestResultsInput | undefined> {
  if (!config.testResults.length) return undefined;
  // A nested config the listed files make a TM014 input problem already is not reported again for the results.
  const nested = nestedConfigProblems(files, config, ALWAYS_EXCLUDED, files.includes(CONFIG_FILE));
  try {
    return await readTestResults(root, config.testResults, nestedConfigOptions(config, nested), files);
  } catch (e) {
    const message = `cannot read the test results named by test_results: ${(e as Error)?.message ?? String(e)}`;
    return { version: 1, files: [], cases: [], problems: [{ file: CONFIG_FILE, line: 1, column: 1, message }] };
  }
}

/** Last commit dates from git when TM007 (stale model) is on; git runs only in a trusted workspace (a hostile repository config could make it run programs). */
export function fileDatesOf(root: string, config: ResolvedConfig, trusted: boolean): { fileDates?: Map<string, number>; history?: GitHistoryProblem } {
  const stale = findRule('TM007');
  const severity = stale && effectiveSeverity(stale, { config });
  if (!trusted || !severity || severity === 'off') return {};
  // Without a usable history the rule does not run: at error it gates, so the editor says it could not (a note otherwise), as `spdf check` does.
  const history = gitHistoryProblem(root);
  return history === undefined ? { fileDates: gitFileDates(root) } : { history: { message: history, gates: severity === 'error' } };
}

/** Why TM007 (stale model) could not run; `gates`: it is at error, so `spdf check` fails on it. */
export interface GitHistoryProblem {
  message: string;
  gates: boolean;
}
