// @spdf implements SPDF-TM-001
import { pathMatcher } from '../path-glob';
import type { Host } from '../host';
import { evidenceFileGap, testEvidenceFiles } from './evidence-files';
import { buildGraph } from './build-graph';
import { CONFIG_FILE, resolveConfig } from './config';
import { configIncludeGlobs, unmatchedIncludes } from './config-checks';
import type { ResolvedConfig } from './config-def';
import type { Graph, LoadProblem } from './graph';
import { loadModelBytes, oversizeFile, type LoadedFile } from './load-file';
import { loadSboms } from './load-sboms';
import { nearMissProblems } from './near-miss-names';
import { nestedConfigProblems } from './nested-configs';
import type { SbomSchemaValidator } from '../sbom/types';

/** A loaded workspace. */
export interface Workspace {
  config: ResolvedConfig;
  graph: Graph;
  /** Every file the host listed (code links and other hosts reuse the listing). */
  allFiles: string[];
  /** The files tests name as `evidence` that hold no text (0 bytes or white space only) or could not be read, each with why (evidenceFileGap): they show no result (testEvidenceGap). */
  unusableEvidence?: ReadonlyMap<string, string>;
}

export interface LoadOptions {
  trusted?: boolean;
  /** Loaded files from an earlier run; hosts decide where they live. Never used when `trusted` is false. */
  fileCache?: ModelFileCache;
  /** Schema validation of SBOMs (the Node hosts validate CycloneDX JSON against the official schemas); without it only the structure the readers need is checked. */
  sbomValidator?: SbomSchemaValidator;
}

export type LoadLimits = ResolvedConfig['limits'];

/**
 * A store of loaded model files. A cache must never change a result: `get` answers only with what loading
 * exactly these bytes with these limits produced, which the store proves itself from `bytes` (the host
 * compares a cryptographic hash of them and its own tool version) rather than trusting a key it is given.
 */
export interface ModelFileCache {
  get(path: string, bytes: Uint8Array, limits: LoadLimits): LoadedFile | undefined;
  set(path: string, bytes: Uint8Array, limits: LoadLimits, loaded: LoadedFile): void;
}

export const ALWAYS_EXCLUDED = ['**/node_modules/**', '**/.git/**'];

export function modelFileMatcher(config: ResolvedConfig): (path: string) => boolean {
  const inc = pathMatcher(config.include);
  const exc = pathMatcher([...ALWAYS_EXCLUDED, ...config.exclude]);
  return (p) => inc(p) && !exc(p);
}

/** Loads config and every model file through the host; problems never stop the load. */
export async function loadWorkspace(host: Host, opts: LoadOptions = {}): Promise<Workspace> {
  const allFiles = await host.listFiles();
  const configProblems: LoadProblem[] = [];
  let configBytes: Uint8Array | undefined;
  if (allFiles.includes(CONFIG_FILE)) {
    try {
      configBytes = await host.readFile(CONFIG_FILE);
    } catch (e) {
      configProblems.push(readFailure(CONFIG_FILE, e));
    }
  }
  const { config, problems } = resolveConfig(configBytes, opts.trusted ?? true);
  configProblems.push(
    ...problems,
    ...unmatchedIncludes(configIncludeGlobs(configBytes, CONFIG_FILE), allFiles, CONFIG_FILE),
    ...nearMissProblems(allFiles, config, ALWAYS_EXCLUDED),
    ...nestedConfigProblems(allFiles, config, ALWAYS_EXCLUDED, allFiles.includes(CONFIG_FILE)),
  );
  const isModel = modelFileMatcher(config);
  const paths = allFiles.filter(isModel).sort();
  const cache = opts.trusted === false ? undefined : opts.fileCache;
  const loaded = await Promise.all(paths.map((p) => loadOne(host, p, config, cache)));
  const ok = loaded.filter((l): l is LoadedFile => !('problem' in l));
  const failed = loaded.filter((l): l is { problem: LoadProblem } => 'problem' in l).map((l) => l.problem);
  const sboms = await loadSboms(host, ok, allFiles, { maxBytes: config.maxSbomBytes, validate: opts.sbomValidator });
  const graph = buildGraph([...ok, ...sboms.files], [...configProblems, ...failed, ...sboms.problems]);
  return { config, graph, allFiles, unusableEvidence: await unusableEvidenceOf(host, testEvidenceFiles(graph, new Set(allFiles))) };
}

/** The files of `files` that show no result, each with why (evidenceFileGap); without `statSize` none is known to. */
async function unusableEvidenceOf(host: Host, files: readonly string[]): Promise<ReadonlyMap<string, string>> {
  if (!host.statSize || !files.length) return new Map();
  const gaps = await Promise.all(files.map((f) => evidenceFileGap(host, f)));
  return new Map(files.flatMap((f, i) => (gaps[i] ? [[f, gaps[i]] as const] : [])));
}

async function loadOne(host: Host, path: string, config: ResolvedConfig, cache?: ModelFileCache): Promise<LoadedFile | { problem: LoadProblem }> {
  try {
    const size = await host.statSize?.(path);
    if (size !== undefined && size > config.limits.maxFileBytes) return oversizeFile(path, size, config.limits.maxFileBytes);
    const bytes = await host.readFile(path);
    if (!cache) return loadModelBytes(path, bytes, config.limits);
    const hit = cache.get(path, bytes, config.limits);
    if (hit) return hit;
    const loaded = loadModelBytes(path, bytes, config.limits);
    cache.set(path, bytes, config.limits, loaded);
    return loaded;
  } catch (e) {
    return { problem: readFailure(path, e) };
  }
}

function readFailure(path: string, e: unknown): LoadProblem {
  const zero = { line: 0, character: 0 };
  return { code: 'TM009', message: `cannot read file: ${(e as Error)?.message ?? String(e)}`, file: path, range: { start: zero, end: zero } };
}
