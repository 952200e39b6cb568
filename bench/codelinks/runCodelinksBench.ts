import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BENCH_SHAPES, type BenchLanguage, type BenchShape, generateWorkspace } from './generateWorkspace';

export interface CodelinksBenchOptions {
  /** Shape names from BENCH_SHAPES or explicit shapes; default small and large (quick with `quick`). */
  shapes?: (string | BenchShape)[];
  quick?: boolean;
  language?: BenchLanguage;
  /** Where workspaces are generated; default bench/.work (git-ignored). */
  workDir?: string;
  log?: (line: string) => void;
}

export interface RunMeasure {
  totalMs: number;
  modelMs: number;
  indexMs: number;
  lintMs: number;
  maxRssMB: number;
  links: number;
  parsed: number;
  cached: number;
  workers: number;
  findings: number;
}

export interface CodelinksBenchResult {
  shape: BenchShape;
  language: BenchLanguage;
  sourceMB: number;
  cold: RunMeasure;
  warm: RunMeasure;
  rgMs?: number;
}

function measure(root: string, cache: boolean): RunMeasure {
  const script = path.join(__dirname, 'indexOnce.ts');
  const run = spawnSync(process.execPath, [...process.execArgv, script, root, ...(cache ? ['--cache'] : [])], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`bench run failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as RunMeasure;
}

function ripgrepMs(root: string): number | undefined {
  const probe = spawnSync('rg', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return undefined;
  const started = performance.now();
  spawnSync('rg', ['--count-matches', '@spdf (implements|verifies|mitigates|hazard)', root], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return performance.now() - started;
}

/** Generates each shape, then measures a cold run (no cache), a warm run (cache filled) and rg. */
export async function runCodelinksBench(options: CodelinksBenchOptions = {}): Promise<CodelinksBenchResult[]> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const language = options.language ?? 'python';
  const workDir = options.workDir ?? path.resolve(__dirname, '..', '.work');
  const requested = options.shapes ?? (options.quick ? ['quick'] : ['small', 'large']);
  const results: CodelinksBenchResult[] = [];
  for (const entry of requested) {
    const shape = typeof entry === 'string' ? BENCH_SHAPES[entry] : entry;
    if (!shape) throw new Error(`unknown bench shape '${String(entry)}' (known: ${Object.keys(BENCH_SHAPES).join(', ')})`);
    const root = path.join(workDir, `codelinks-${shape.name}-${language}`);
    const generated = await generateWorkspace(root, shape, language);
    fs.rmSync(path.join(root, '.spdf-cache'), { recursive: true, force: true });
    const cold = measure(root, true);
    const warm = measure(root, true);
    const rgMs = ripgrepMs(root);
    const result: CodelinksBenchResult = { shape, language, sourceMB: generated.sourceBytes / 1e6, cold, warm, rgMs };
    results.push(result);
    log(
      `code links ${shape.name} (${language}): ${shape.requirements} requirements, ${shape.files} files x ${shape.functionsPerFile} functions ` +
        `(${result.sourceMB.toFixed(1)} MB source, ${cold.links} links)`,
    );
    log(
      `  cold index + lint: ${(cold.totalMs / 1000).toFixed(2)} s (model ${cold.modelMs.toFixed(0)} ms, index ${cold.indexMs.toFixed(0)} ms on ${cold.workers || 'no'} workers, lint ${cold.lintMs.toFixed(0)} ms), peak RSS ${cold.maxRssMB.toFixed(0)} MB`,
    );
    log(`  warm (cached):     ${(warm.totalMs / 1000).toFixed(2)} s (${warm.cached} files from cache, ${warm.parsed} parsed), peak RSS ${warm.maxRssMB.toFixed(0)} MB`);
    if (rgMs !== undefined) log(`  rg, same tags:     ${(rgMs / 1000).toFixed(2)} s`);
  }
  return results;
}
