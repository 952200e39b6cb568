import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';

/** One run of a child process: wall from spawn to exit; CPU (user + sys) and peak RSS of the child as GNU time reports them. */
export interface Measure {
  wallMs: number;
  cpuMs?: number;
  maxRssMB?: number;
  status: number | null;
  stdout: string;
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';
const MARK = 'SPDF_PEER_TIME';

let timeChecked: boolean | undefined;

/** GNU time measures any child (Java included); installed from Debian when missing, else only wall time is measured. */
export function gnuTimeAvailable(log: (line: string) => void): boolean {
  if (timeChecked !== undefined) return timeChecked;
  if (!existsSync(GNU_TIME)) {
    log('  (GNU time missing: trying apt-get install -y time)');
    spawnSync('apt-get', ['install', '-y', 'time'], { stdio: 'ignore' });
  }
  timeChecked = existsSync(GNU_TIME);
  if (!timeChecked) log('  (GNU time unavailable: CPU and peak RSS not measured, wall only)');
  return timeChecked;
}

export function measure(command: string, args: string[], options: { cwd?: string; timed: boolean; env?: NodeJS.ProcessEnv }): Measure {
  const timed = options.timed;
  const [file, argv] = timed ? [GNU_TIME, ['-f', `${MARK} %e %U %S %M`, command, ...args]] : [command, args];
  const started = performance.now();
  const run = spawnSync(file, argv, { cwd: options.cwd, env: options.env, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const wallMs = performance.now() - started;
  if (run.error) throw run.error;
  let stderr = run.stderr ?? '';
  const result: Measure = { wallMs, status: run.status, stdout: run.stdout ?? '', stderr };
  if (timed) {
    const line = new RegExp(`${MARK} ([\\d.]+) ([\\d.]+) ([\\d.]+) (\\d+)\\s*$`).exec(stderr);
    if (!line) throw new Error(`no GNU time line from ${command} (exit ${run.status}): ${stderr.slice(-2000)}`);
    stderr = stderr.slice(0, line.index);
    Object.assign(result, { stderr, cpuMs: (Number(line[2]) + Number(line[3])) * 1000, maxRssMB: Number(line[4]) / 1024 });
  }
  return result;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface Summary {
  runs: number;
  wallMs: number;
  cpuMs?: number;
  maxRssMB?: number;
}

export function summarize(runs: Measure[]): Summary {
  const of = (pick: (m: Measure) => number | undefined) => {
    const values = runs.map(pick).filter((v): v is number => v !== undefined);
    return values.length === runs.length && values.length ? median(values) : undefined;
  };
  return { runs: runs.length, wallMs: median(runs.map((r) => r.wallMs)), cpuMs: of((r) => r.cpuMs), maxRssMB: of((r) => r.maxRssMB) };
}

/** `load 1.23 1.10 0.98 on 2 cores`: recorded with every measurement, since the machine may be shared. */
export function loadLine(cores: number): string {
  return `load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${cores} cores`;
}
