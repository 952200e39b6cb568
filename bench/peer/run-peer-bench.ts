import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { generatePeerCorpus, PEER_SHAPES, type PeerCorpus, type PeerShape } from './corpus';
import { gnuTimeAvailable, loadLine, measure, summarize, type Measure, type Summary } from './measure';
import { compareDefects, oftDefects, spdfDefects, type Defects } from './parity';

/**
 * Issue 13: spdf against OpenFastTrace on the identical corpus, in the same run. `OFT_CLASSPATH` points at a
 * built OpenFastTrace (scripts/build-oft.sh); without it spdf alone is measured and no ratio is printed.
 * Before any timing both tools must report exactly the corpus's defects; every timed run is checked again.
 * Runs interleave (OFT, spdf cold, warm, one file changed, one function changed, OFT HTML, spdf HTML) so load drift hits both.
 */
export interface PeerBenchOptions {
  quick?: boolean;
  /** Names from PEER_SHAPES; default 5k and 20k (quick: quick). */
  shapes?: string[];
  /** Interleaved rounds (medians reported); default 5, 1 with quick. */
  runs?: number;
  workDir?: string;
  noBuild?: boolean;
  log?: (line: string) => void;
}

/**
 * `one source file changed` appends a comment line (its code index stays the same: the whole-result cache proves that
 * and replays); `one linked function changed` edits a linked function's body (another fingerprint: replayed too, as
 * the corpus has no review lock, so no stored answer read a fingerprint; a full run where the lock names the file);
 * `a line added to a linked function` inserts a body line (every later symbol of the file moves: a full run).
 */
const SCENARIOS = [
  'cold check',
  'warm check (nothing changed)',
  'check, one source file changed',
  'check, one linked function changed',
  'check, a line added to a linked function',
  'HTML report (cold)',
] as const;
type Scenario = (typeof SCENARIOS)[number];

export interface PeerShapeResult {
  shape: PeerShape;
  load: string;
  spdf: Record<Scenario, Summary>;
  /** The same scenarios with the CLI named by SPDF_BENCH_BASELINE_CLI (another build), for a lever's before/after. */
  baseline?: Record<Scenario, Summary>;
  /** OpenFastTrace has no cache: its check figure is the peer of the first three scenarios. */
  oft?: { check: Summary; html: Summary };
}

const repoRoot = path.resolve(__dirname, '..', '..');
const cliPath = path.join(repoRoot, 'dist', 'cli.js');
const OFT_MAIN = 'org.itsallcode.openfasttrace.core.cli.CliStarter';

interface Build {
  label: string;
  cli: string;
  cache: string;
}

interface Peer {
  java: string;
  classpath: string;
}

function findPeer(log: (line: string) => void): Peer | undefined {
  const classpath = process.env.OFT_CLASSPATH;
  if (!classpath) {
    log('OFT_CLASSPATH not set: peer not measured (build it with scripts/build-oft.sh, see CONTRIBUTING.md)');
    return undefined;
  }
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const probe = spawnSync(java, ['-cp', classpath, OFT_MAIN, 'help'], { encoding: 'utf8' });
  if (probe.error || !/OpenFastTrace/.test(`${probe.stdout}${probe.stderr}`)) {
    log(`OFT_CLASSPATH=${classpath} does not run OpenFastTrace (${probe.error?.message ?? probe.stderr.trim().slice(0, 200)}): peer not measured`);
    return undefined;
  }
  return { java, classpath };
}

function corpusFor(root: string, shape: PeerShape): Promise<PeerCorpus> | PeerCorpus {
  const marker = path.join(root, '..', `${path.basename(root)}.json`);
  const key = JSON.stringify({ shape, generator: 1 });
  try {
    const recorded = JSON.parse(fs.readFileSync(marker, 'utf8')) as { key: string; corpus: PeerCorpus };
    if (recorded.key === key && fs.existsSync(root)) return recorded.corpus;
  } catch {
    // Not generated yet.
  }
  return generatePeerCorpus(root, shape).then((corpus) => (fs.writeFileSync(marker, JSON.stringify({ key, corpus })), corpus));
}

const checked =
  (label: string, expected: Defects, parse: (out: string) => Defects) =>
  (run: Measure): Measure => {
    if (run.status !== 1) throw new Error(`${label} exited ${run.status} (expected 1: defects): ${run.stderr.slice(-1000)}`);
    const differences = compareDefects(label, expected, parse(run.stdout));
    if (differences.length) throw new Error(`defect parity failed:\n  ${differences.join('\n  ')}`);
    return run;
  };

function completed(label: string, file: string) {
  return (run: Measure): Measure => {
    if ((run.status !== 0 && run.status !== 1) || !fs.existsSync(file)) throw new Error(`${label} wrote no ${file} (exit ${run.status}): ${run.stderr.slice(-1000)}`);
    fs.rmSync(file);
    return run;
  };
}

export async function runPeerBench(options: PeerBenchOptions = {}): Promise<PeerShapeResult[]> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const workDir = options.workDir ?? path.resolve(__dirname, '..', '.work');
  const runs = Math.max(1, options.runs ?? (options.quick ? 1 : 5));
  const cores = availableParallelism();
  if (!options.noBuild) {
    const build = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs'), 'cli', 'worker'], { cwd: repoRoot, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
  }
  const peer = findPeer(log);
  const timed = gnuTimeAvailable(log);
  const baselineCli = process.env.SPDF_BENCH_BASELINE_CLI ? path.resolve(process.env.SPDF_BENCH_BASELINE_CLI) : undefined;
  if (baselineCli) log(`baseline: ${baselineCli} measured in the same rounds (SPDF_BENCH_BASELINE_CLI)`);
  const results: PeerShapeResult[] = [];
  for (const name of options.shapes ?? (options.quick ? ['quick'] : ['5k', '20k'])) {
    const shape = PEER_SHAPES[name];
    if (!shape) throw new Error(`unknown peer shape '${name}' (known: ${Object.keys(PEER_SHAPES).join(', ')})`);
    const root = path.join(workDir, `peer-${shape.name}`);
    const corpus = await corpusFor(root, shape);
    const cache = path.join(workDir, `peer-${shape.name}-cache`);
    const out = path.join(workDir, `peer-${shape.name}-out`);
    fs.mkdirSync(out, { recursive: true });
    const expected: Defects = { uncovered: corpus.expectedUncovered, orphans: corpus.expectedOrphans };
    const builds = [{ label: 'spdf', cli: cliPath, cache }, ...(baselineCli ? [{ label: 'baseline', cli: baselineCli, cache: `${cache}-baseline` }] : [])];
    // Each build keeps its V8 code cache in a user cache folder of its own: the shared one holds 8 entries, and a
    // build whose entry another build evicted compiles its bundle from text in some rounds and not in others.
    const userCache = (cacheDir: string) => ({ ...process.env, XDG_CACHE_HOME: `${cacheDir}-user` });
    const spdf = (cli: string, cacheDir: string, args: string[]) => measure(process.execPath, [cli, ...args, '--cache-location', cacheDir], { cwd: root, timed, env: userCache(cacheDir) });
    const checkArgs = ['check', '.', '--format', 'json', '--fail-on-status', 'MISSING'];
    const spdfCheck = (b: Build) => checked(b.label, expected, spdfDefects)(spdf(b.cli, b.cache, checkArgs));
    const html = path.join(out, 'spdf.html');
    const spdfHtml = (b: Build) => completed(`${b.label} trace`, html)(spdf(b.cli, b.cache, ['trace', '--view', 'requirements', '--format', 'html', '-o', html]));
    const oft = (args: string[]) => measure(peer!.java, ['-cp', peer!.classpath, OFT_MAIN, 'trace', ...args, ...corpus.oftInputs], { cwd: root, timed });
    const oftCheck = () => checked('OpenFastTrace', expected, oftDefects)(oft(['-c', 'BLACK_AND_WHITE', '-v', 'FAILURE_DETAILS']));
    const oftHtml = () => completed('OpenFastTrace html', path.join(out, 'oft.html'))(oft(['-o', 'html', '-f', path.join(out, 'oft.html')]));
    const coldCache = (b: Build) => fs.rmSync(b.cache, { recursive: true, force: true });

    log(
      `\npeer corpus ${shape.name}: ${shape.requirements} requirements, ${shape.files} Python files x ${shape.functionsPerFile} functions ` +
        `(${(corpus.sourceBytes / 1e6).toFixed(1)} MB, ${corpus.tags} OpenFastTrace tags; ${expected.uncovered.length} uncovered, ${expected.orphans.length} orphan tags)`,
    );
    // Parity before timing (also warms the file cache for both tools, and each build's code cache for both bundles).
    for (const b of builds) {
      coldCache(b);
      spdfCheck(b);
      spdfHtml(b);
    }
    if (peer) oftCheck();
    log(`  defect parity: ${peer ? 'spdf and OpenFastTrace both report' : 'spdf reports'} exactly the ${expected.uncovered.length} uncovered requirements and ${expected.orphans.length} orphan tags`);

    const changed = path.join(root, corpus.changeFile);
    const original = fs.readFileSync(changed, 'utf8');
    // The first function's first body line: `x = 0` becomes `x = 0 + N`, a code edit its fingerprint sees.
    const functionEdited = (n: number) => {
      const edited = original.replace(/^( {4}x = \d+)$/m, `$1 + ${n}`);
      if (edited === original) throw new Error(`no function body to edit in ${corpus.changeFile}`);
      return edited;
    };
    // A new line after that one: the function grows by a line and every later symbol of the file moves down.
    const lineAdded = (n: number) => {
      const edited = functionEdited(n).replace(/^( {4}x = \d+ \+ \d+)$/m, `$1\n    x += ${n}`);
      if (!edited.includes(`\n    x += ${n}\n`)) throw new Error(`no line added to a function of ${corpus.changeFile}`);
      return edited;
    };
    const measured = builds.map(() => Object.fromEntries(SCENARIOS.map((scenario) => [scenario, [] as Measure[]])) as Record<Scenario, Measure[]>);
    const peerRuns = { check: [] as Measure[], html: [] as Measure[] };
    const load = loadLine(cores);
    try {
      for (let i = 0; i < runs; i++) {
        if (peer) peerRuns.check.push(oftCheck());
        // The build that runs first alternates from round to round, so drift in load or file cache favours neither.
        const order = i % 2 ? [...builds.keys()].reverse() : [...builds.keys()];
        order.forEach((at) => {
          const b = builds[at];
          // Each build's cold run reads the corpus as generated: the changes below are measured against it.
          fs.writeFileSync(changed, original);
          coldCache(b);
          measured[at]['cold check'].push(spdfCheck(b));
          measured[at]['warm check (nothing changed)'].push(spdfCheck(b));
          fs.writeFileSync(changed, `${original}# bench edit ${i} ${b.label}\n`);
          measured[at]['check, one source file changed'].push(spdfCheck(b));
          fs.writeFileSync(changed, functionEdited(i + 1));
          measured[at]['check, one linked function changed'].push(spdfCheck(b));
          fs.writeFileSync(changed, lineAdded(i + 1));
          measured[at]['check, a line added to a linked function'].push(spdfCheck(b));
        });
        if (peer) peerRuns.html.push(oftHtml());
        order.forEach((at) => {
          coldCache(builds[at]);
          measured[at]['HTML report (cold)'].push(spdfHtml(builds[at]));
        });
      }
    } finally {
      fs.writeFileSync(changed, original);
    }
    const summaries = measured.map((m) => Object.fromEntries(SCENARIOS.map((scenario) => [scenario, summarize(m[scenario])])) as Record<Scenario, Summary>);
    const result: PeerShapeResult = {
      shape,
      load: `${load} before, ${loadLine(cores)} after`,
      spdf: summaries[0],
      ...(summaries[1] ? { baseline: summaries[1] } : {}),
      ...(peer ? { oft: { check: summarize(peerRuns.check), html: summarize(peerRuns.html) } } : {}),
    };
    results.push(result);
    printShape(result, log);
  }
  fs.writeFileSync(path.join(workDir, 'peer-results.json'), JSON.stringify(results, null, 2));
  return results;
}

const sec = (ms: number | undefined) => (ms === undefined ? '-' : `${(ms / 1000).toFixed(2)} s`);
const mb = (v: number | undefined) => (v === undefined ? '-' : `${v.toFixed(0)} MB`);
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? 'peer not measured' : `${(a / b).toFixed(2)}x`);

function printShape(r: PeerShapeResult, log: (line: string) => void): void {
  log(`  medians of ${r.spdf['cold check'].runs} interleaved runs; ${r.load}; ratio = spdf / OpenFastTrace (below 1: spdf better)`);
  log('  | scenario | spdf wall | OFT wall | wall ratio | spdf CPU | OFT CPU | CPU ratio | spdf peak RSS | OFT peak RSS | RSS ratio |');
  log('  |---|---|---|---|---|---|---|---|---|---|');
  for (const [label, summaries] of [
    ['', r.spdf],
    [' (baseline)', r.baseline],
  ] as const) {
    if (!summaries) continue;
    for (const scenario of SCENARIOS) {
      const mine = summaries[scenario];
      const theirs = scenario.startsWith('HTML') ? r.oft?.html : r.oft?.check;
      log(
        `  | ${scenario}${label} | ${sec(mine.wallMs)} | ${sec(theirs?.wallMs)} | ${ratio(mine.wallMs, theirs?.wallMs)} | ${sec(mine.cpuMs)} | ${sec(theirs?.cpuMs)} | ` +
          `${ratio(mine.cpuMs, theirs?.cpuMs)} | ${mb(mine.maxRssMB)} | ${mb(theirs?.maxRssMB)} | ${ratio(mine.maxRssMB, theirs?.maxRssMB)} |`,
      );
    }
  }
  if (r.baseline) {
    for (const scenario of SCENARIOS) {
      const [now, before] = [r.spdf[scenario], r.baseline[scenario]];
      log(`  ${scenario}: this build / baseline: wall ${ratio(now.wallMs, before.wallMs)}, CPU ${ratio(now.cpuMs, before.cpuMs)}, peak RSS ${ratio(now.maxRssMB, before.maxRssMB)}`);
    }
  }
  if (r.oft) log('  (OpenFastTrace has no cache: each of its runs is cold; its check runs are the peer of the three check scenarios)');
}
