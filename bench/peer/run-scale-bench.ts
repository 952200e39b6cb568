import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { gnuTimeAvailable, loadLine, measure, median, summarize, type Measure } from './measure';

/**
 * Issue 13 item 6: cold `spdf links` over a generated C/C++ tree of about a million lines, 1 % of whose files
 * carry tags, against ripgrep finding the same tags in the same run. Both must find exactly the same tags
 * (file and line) before and during timing. ripgrep is installed from Debian when missing; if that fails the
 * benchmark says so and measures nothing.
 */
export interface ScaleBenchOptions {
  quick?: boolean;
  runs?: number;
  workDir?: string;
  log?: (line: string) => void;
}

const repoRoot = path.resolve(__dirname, '..', '..');
const cliPath = path.join(repoRoot, 'dist', 'cli.js');
const FUNCTIONS_PER_FILE = 40;
const TAG_PATTERN = '@spdf implements [A-Z0-9-]+';

function cFunction(f: number, k: number, tag: string | undefined): string {
  const comment = tag ? `    /* ${tag} */\n` : `    /* step ${k} of file ${f} */\n`;
  return `static int func_${f}_${k}(int a, int b)\n{\n${comment}    int x = a + ${k};\n    for (int i = 0; i < b; i++) {\n        x += i * ${k};\n    }\n    return x;\n}\n\n`;
}

/** Files x 40 functions x 10 lines + header: 2,500 files are about a million lines. */
function generate(root: string, files: number): { lines: number; tags: string[]; taggedFiles: number } {
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(path.join(root, 'model'), { recursive: true });
  fs.writeFileSync(path.join(root, 'spdf.config.yaml'), 'include: ["model/**/*.spdf.yaml"]\ncode:\n  include: ["src/**"]\n');
  let lines = 0;
  let taggedFiles = 0;
  const tags: string[] = [];
  const ids: string[] = [];
  for (let f = 0; f < files; f++) {
    const dir = path.join(root, 'src', `module_${Math.floor(f / 100)}`);
    fs.mkdirSync(dir, { recursive: true });
    const name = `unit_${f}.${f % 2 ? 'cpp' : 'c'}`;
    const tagged = f % 100 === 50;
    if (tagged) taggedFiles++;
    let text = `/* Generated unit ${f}. */\n#include <stddef.h>\n\n`;
    for (let k = 0; k < FUNCTIONS_PER_FILE; k++) {
      const id = `SCALE-REQ-${f}-${k}`;
      const before = text.split('\n').length - 1;
      text += cFunction(f, k, tagged ? `@spdf implements ${id}` : undefined);
      if (tagged) {
        ids.push(id);
        tags.push(`${path.relative(root, path.join(dir, name)).split(path.sep).join('/')}:${before + 3}`);
      }
    }
    lines += text.split('\n').length - 1;
    fs.writeFileSync(path.join(dir, name), text);
  }
  fs.writeFileSync(path.join(root, 'model', 'requirements.spdf.yaml'), `requirements:\n${ids.map((id) => `  - id: ${id}\n    title: ${id}\n`).join('')}`);
  return { lines, tags: tags.sort(), taggedFiles };
}

function ripgrep(log: (line: string) => void): string | undefined {
  const found = () => {
    const run = spawnSync('rg', ['--version'], { encoding: 'utf8' });
    return !run.error && run.status === 0;
  };
  if (found()) return 'rg';
  log('  (rg missing: trying apt-get install -y ripgrep)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'ripgrep'], { stdio: 'ignore', env });
  // A fresh container has no package lists: refresh them once and retry.
  if (install().status !== 0) {
    log('  (apt-get install failed: trying apt-get update first)');
    spawnSync('apt-get', ['update'], { stdio: 'ignore', env });
    install();
  }
  return found() ? 'rg' : undefined;
}

function rgTags(run: Measure): string[] {
  return run.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => /^(?:\.\/)?(.+?):(\d+):/.exec(line))
    .map((m) => (m ? `${m[1]}:${m[2]}` : '?'))
    .sort();
}

function spdfTags(run: Measure): string[] {
  const report = JSON.parse(run.stdout) as { links: { file: string; line: number }[] };
  return report.links.map((l) => `${l.file}:${l.line}`).sort();
}

function sameTags(label: string, expected: string[], actual: string[]): void {
  if (expected.length === actual.length && expected.every((t, i) => t === actual[i])) return;
  const missing = expected.filter((t) => !actual.includes(t)).slice(0, 5);
  throw new Error(`tag parity failed: ${label} found ${actual.length} tags, ${expected.length} expected (not found: ${missing.join(', ') || '-'})`);
}

export function runScaleBench(options: ScaleBenchOptions = {}): void {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const workDir = options.workDir ?? path.resolve(__dirname, '..', '.work');
  const runs = Math.max(1, options.runs ?? (options.quick ? 1 : 5));
  const rg = ripgrep(log);
  if (!rg) {
    log('  ripgrep is missing and could not be installed from Debian (apt-get): scale benchmark skipped, no ratio');
    return;
  }
  if (!fs.existsSync(cliPath)) throw new Error('dist/cli.js missing: npm run build first');
  const files = options.quick ? 250 : 2500;
  const root = path.join(workDir, `scale-${files}`);
  const { lines, tags, taggedFiles } = generate(root, files);
  const cache = path.join(workDir, `scale-${files}-cache`);
  const timed = gnuTimeAvailable(log);
  const baselineCli = process.env.SPDF_BENCH_BASELINE_CLI ? path.resolve(process.env.SPDF_BENCH_BASELINE_CLI) : undefined;
  if (baselineCli) log(`baseline: ${baselineCli} measured in the same rounds (SPDF_BENCH_BASELINE_CLI)`);
  const builds = [{ label: 'spdf links', cli: cliPath, cache }, ...(baselineCli ? [{ label: 'baseline spdf links', cli: baselineCli, cache: `${cache}-baseline` }] : [])];
  // Each build keeps its V8 code cache in a user cache folder of its own (see the peer bench): a shared folder of 8
  // entries lets one build evict the other's, which then compiles its bundle from text in some rounds only.
  const spdf = (b: (typeof builds)[number]) => {
    fs.rmSync(b.cache, { recursive: true, force: true });
    const env = { ...process.env, XDG_CACHE_HOME: `${b.cache}-user` };
    const run = measure(process.execPath, [b.cli, 'links', '.', '--format', 'json', '--cache-location', b.cache], { cwd: root, timed, env });
    if (run.status !== 0) throw new Error(`${b.label} exited ${run.status}: ${run.stderr.slice(-1000)}`);
    sameTags(b.label, tags, spdfTags(run));
    return run;
  };
  const grep = () => {
    const run = measure(rg, ['--line-number', '--no-heading', '--with-filename', TAG_PATTERN, 'src'], { cwd: root, timed });
    if (run.status !== 0) throw new Error(`rg exited ${run.status}: ${run.stderr.slice(-1000)}`);
    sameTags('rg', tags, rgTags(run));
    return run;
  };
  // Parity before timing; also fills each build's code cache and the file cache.
  builds.forEach((b) => spdf(b));
  grep();
  log(`generated ${files} C/C++ files, ${lines.toLocaleString('en')} lines, ${taggedFiles} tagged files, ${tags.length} tags; ${builds.length > 1 ? 'all three' : 'both'} find exactly the same tags`);
  const load = loadLine(availableParallelism());
  const mine: Measure[][] = builds.map(() => []);
  const theirs: Measure[] = [];
  for (let i = 0; i < runs; i++) {
    theirs.push(grep());
    // The build that runs first alternates from round to round, so drift in load or file cache favours neither.
    const order = i % 2 ? [...builds.keys()].reverse() : [...builds.keys()];
    for (const at of order) mine[at].push(spdf(builds[at]));
  }
  const b = summarize(theirs);
  const sec = (ms: number | undefined) => (ms === undefined ? '-' : `${(ms / 1000).toFixed(3)} s`);
  log(`  medians of ${runs} interleaved runs; ${load} before, ${loadLine(availableParallelism())} after`);
  const summaries = mine.map(summarize);
  summaries.forEach((a, at) => log(`  cold ${builds[at].label}: ${sec(a.wallMs)} wall, CPU ${sec(a.cpuMs)}, peak RSS ${a.maxRssMB?.toFixed(0) ?? '-'} MB`));
  log(`  rg, same tags:   ${sec(b.wallMs)} wall, CPU ${sec(b.cpuMs)}, peak RSS ${b.maxRssMB?.toFixed(0) ?? '-'} MB`);
  log(`  ratio spdf / rg: wall ${(summaries[0].wallMs / b.wallMs).toFixed(1)}x (target <= 20x)`);
  if (summaries[1]) {
    const [now, before] = summaries;
    const ratio = (x: number | undefined, y: number | undefined) => (x === undefined || y === undefined ? '-' : `${(x / y).toFixed(2)}x`);
    log(`  ratio baseline / rg: wall ${(before.wallMs / b.wallMs).toFixed(1)}x`);
    // Paired per round as well as of the medians: the pairs ran back to back, so they share most of the load.
    const paired = median(mine[0].map((m, i) => m.wallMs / mine[1][i].wallMs));
    log(
      `  this build / baseline: wall ${ratio(now.wallMs, before.wallMs)} (paired median ${paired.toFixed(2)}x), CPU ${ratio(now.cpuMs, before.cpuMs)}, peak RSS ${ratio(now.maxRssMB, before.maxRssMB)}`,
    );
  }
}
