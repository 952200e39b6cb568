import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BENCH_SHAPES, type BenchLanguage, type BenchShape, generateWorkspace, type GeneratedWorkspace } from './generate-workspace';

/**
 * Issue 4's benchmark, end to end: the bundled CLI (`node dist/cli.js lint <ws> --format json`) in a fresh
 * process per run, timed from spawn to exit. Cold = no cache; warm = cache from the previous run; model only
 * = `--no-code`. Medians over `runs`, since the machine is shared. Its peer, OpenFastTrace on the same corpus, is
 * measured in the same run by bench/peer (`npm run bench -- --only oft`). Peak RSS and CPU come from the measured
 * process itself (rssProbe.cjs, preloaded).
 */
export interface CodelinksBenchOptions {
  /** Shape names from BENCH_SHAPES or explicit shapes; default small and large (quick with `quick`). */
  shapes?: (string | BenchShape)[];
  quick?: boolean;
  language?: BenchLanguage;
  /** Measured runs per mode (median reported); default 5, 1 with `quick`. */
  runs?: number;
  /** Where workspaces are generated; default bench/.work (git-ignored). */
  workDir?: string;
  /** Skip `node scripts/build.mjs cli worker` (dist/ is already current). */
  noBuild?: boolean;
  log?: (line: string) => void;
}

export interface RunMeasure {
  wallMs: number;
  maxRssMB: number;
  cpuMs: number;
  exitCode: number;
}

export interface CodelinksBenchResult {
  shape: BenchShape;
  language: BenchLanguage;
  sourceMB: number;
  tags: number;
  cold: RunMeasure;
  warm: RunMeasure;
  modelOnly: RunMeasure;
  rgMs?: number;
}

const repoRoot = path.resolve(__dirname, '..', '..');
const cliPath = path.join(repoRoot, 'dist', 'cli.js');
const probe = path.join(__dirname, 'rssProbe.cjs');

function runCli(root: string, extra: string[]): RunMeasure {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--require', probe, cliPath, 'lint', root, '--format', 'json', ...extra], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  const line = /SPDF_BENCH (\{.*\})/.exec(run.stderr ?? '');
  if (run.error || !line || (run.status !== 0 && run.status !== 1)) {
    throw new Error(`bench run failed (exit ${run.status}): ${run.error?.message ?? run.stderr}`);
  }
  const probed = JSON.parse(line[1]) as { maxRssKB: number; userMs: number; systemMs: number };
  return { wallMs, maxRssMB: probed.maxRssKB / 1024, cpuMs: probed.userMs + probed.systemMs, exitCode: run.status ?? -1 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function medianRun(runs: RunMeasure[]): RunMeasure {
  return {
    wallMs: median(runs.map((r) => r.wallMs)),
    maxRssMB: median(runs.map((r) => r.maxRssMB)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    exitCode: runs[0]?.exitCode ?? -1,
  };
}

function ripgrepMs(root: string): number | undefined {
  const check = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  if (check.error || check.status !== 0) return undefined;
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    spawnSync('rg', ['--count-matches', '@spdf (implements|verifies|mitigates|hazard)', root], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    times.push(performance.now() - started);
  }
  return median(times);
}

/** Reuses a generated workspace when its recorded shape matches (generation takes seconds on the large one). */
async function workspaceFor(root: string, shape: BenchShape, language: BenchLanguage): Promise<GeneratedWorkspace> {
  const marker = path.join(root, '.bench-shape.json');
  const wanted = JSON.stringify({ shape, language, generator: 1 });
  try {
    const recorded = JSON.parse(fs.readFileSync(marker, 'utf8')) as { key: string; generated: GeneratedWorkspace };
    if (recorded.key === wanted) return recorded.generated;
  } catch {
    // Not generated yet.
  }
  const generated = await generateWorkspace(root, shape, language);
  fs.writeFileSync(marker, JSON.stringify({ key: wanted, generated }));
  return generated;
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Generates each shape, then measures cold, warm and model-only runs of the bundled CLI, and rg. */
export async function runCodelinksBench(options: CodelinksBenchOptions = {}): Promise<CodelinksBenchResult[]> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const language = options.language ?? 'python';
  const workDir = options.workDir ?? path.resolve(__dirname, '..', '.work');
  const requested = options.shapes ?? (options.quick ? ['quick'] : ['small', 'large']);
  const runs = Math.max(1, options.runs ?? (options.quick ? 1 : 5));
  if (!options.noBuild) {
    const build = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs'), 'cli', 'worker'], { cwd: repoRoot, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  }
  const results: CodelinksBenchResult[] = [];
  for (const entry of requested) {
    const shape = typeof entry === 'string' ? BENCH_SHAPES[entry] : entry;
    if (!shape) throw new Error(`unknown bench shape '${typeof entry === 'string' ? entry : entry.name}' (known: ${Object.keys(BENCH_SHAPES).join(', ')})`);
    const root = path.join(workDir, `codelinks-${shape.name}-${language}`);
    const generated = await workspaceFor(root, shape, language);
    const cacheDir = path.join(workDir, `cache-${shape.name}-${language}`);
    const cached = ['--cache-location', cacheDir];
    const cold: RunMeasure[] = [];
    const warm: RunMeasure[] = [];
    const modelOnly: RunMeasure[] = [];
    for (let i = 0; i < runs; i++) {
      fs.rmSync(cacheDir, { recursive: true, force: true });
      cold.push(runCli(root, cached));
      warm.push(runCli(root, cached));
      modelOnly.push(runCli(root, [...cached, '--no-code']));
    }
    const result: CodelinksBenchResult = {
      shape,
      language,
      sourceMB: generated.sourceBytes / 1e6,
      tags: generated.tags,
      cold: medianRun(cold),
      warm: medianRun(warm),
      modelOnly: medianRun(modelOnly),
      rgMs: ripgrepMs(root),
    };
    results.push(result);
    log(
      `code links ${shape.name} (${language}): ${shape.requirements} requirements, ${shape.files} files x ${shape.functionsPerFile} functions ` +
        `(${result.sourceMB.toFixed(1)} MB source, ${generated.tags} tags); bundled CLI, median of ${runs}`,
    );
    log(`  cold index + lint: ${s(result.cold.wallMs)} (cpu ${s(result.cold.cpuMs)}), peak RSS ${result.cold.maxRssMB.toFixed(0)} MB`);
    log(`  warm (cached):     ${s(result.warm.wallMs)} (cpu ${s(result.warm.cpuMs)}), peak RSS ${result.warm.maxRssMB.toFixed(0)} MB`);
    log(`  model only:        ${s(result.modelOnly.wallMs)} (--no-code), peak RSS ${result.modelOnly.maxRssMB.toFixed(0)} MB`);
    if (result.rgMs !== undefined) log(`  rg, same tags:     ${s(result.rgMs)}`);
  }
  return results;
}
