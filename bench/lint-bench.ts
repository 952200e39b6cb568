import { parseDocument } from 'yaml';
import { computeExposure, LOW_TRUST_CLASSES } from '../src/core/analysis/reachability';
import { buildZoneGraph } from '../src/core/analysis/zone-graph';
import { MemoryHost } from '../src/core/host';
import { loadWorkspace } from '../src/core/model/load-workspace';
import { lint } from '../src/core/rules/engine';
import { RULES } from '../src/core/rules/registry';
import { tmRules } from '../src/core/rules/tm';
import { generateModel } from './model-gen';

const time = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const v = fn();
  return [v, performance.now() - t];
};

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const v = await fn();
  return [v, performance.now() - t];
}

/** Best of `runs` to damp GC and JIT noise on a shared 2-core machine. */
async function best(runs: number, fn: () => number | Promise<number>): Promise<number> {
  let b = Infinity;
  for (let i = 0; i < runs; i++) b = Math.min(b, await fn());
  return b;
}

export async function benchLint(n: number, runs = 3): Promise<void> {
  const files = generateModel(n);
  const bytes = [...files.values()].reduce((s, t) => s + t.length, 0);
  const host = new MemoryHost(new Map([...files, ['spdf.config.yaml', 'profile: all\n']]));
  const baseline = await best(
    runs,
    () =>
      time(() => {
        for (const t of files.values()) parseDocument(t);
      })[1],
  );
  const loadOnly = await best(runs, async () => (await timeAsync(() => loadWorkspace(host)))[1]);
  const ws = await loadWorkspace(host);
  const inputs = { graph: ws.graph, config: ws.config, allFiles: ws.allFiles };
  const structural = await best(runs, () => time(() => lint(inputs, { rules: tmRules }))[1]);
  const all = await best(runs, () => time(() => lint(inputs, { rules: RULES }))[1]);
  const findings = lint(inputs).findings.length;
  const mb = (bytes / 1e6).toFixed(1);
  console.log(`model: ${n} requirements, ${files.size} files, ${mb} MB, ${ws.graph.items.length} items, ${findings} findings (profile all)`);
  console.log(`  baseline yaml.parseDocument      ${baseline.toFixed(0).padStart(6)} ms  (${(bytes / 1e3 / baseline).toFixed(1)} MB/s)  1.00x`);
  console.log(`  load (parse + schema + graph)    ${loadOnly.toFixed(0).padStart(6)} ms  ${(loadOnly / baseline).toFixed(2)}x baseline`);
  console.log(
    `  lint total, structural rules     ${(loadOnly + structural).toFixed(0).padStart(6)} ms  ${((loadOnly + structural) / baseline).toFixed(2)}x baseline  (rules ${structural.toFixed(0)} ms)`,
  );
  console.log(
    `  lint total, all ${String(RULES.length).padEnd(3)} rules       ${(loadOnly + all).toFixed(0).padStart(6)} ms  ${((loadOnly + all) / baseline).toFixed(2)}x baseline  (rules ${all.toFixed(0)} ms; ${((loadOnly + all) / (loadOnly + structural)).toFixed(2)}x structural)`,
  );
}

/** A chain of `n` OT zones behind one IT zone, each with a hardware-diode side branch back to IT. */
function zoneChain(n: number): string {
  const zone = (id: string, cls: string) => `  - {id: ${id}, name: ${id}, class: ${cls}}\n`;
  const conduit = (id: string, a: string, b: string, extra = '') => `  - {id: ${id}, zones: [${a}, ${b}]${extra}}\n`;
  let zones = zone('Z-IT', 'it');
  let conduits = '';
  for (let i = 0; i < n; i++) {
    zones += zone(`Z-${i}`, 'ot');
    conduits += conduit(`C-${i}`, i === 0 ? 'Z-IT' : `Z-${i - 1}`, `Z-${i}`);
    conduits += conduit(`C-S${i}`, `Z-${i}`, 'Z-IT', ', direction: unidirectional-hw');
  }
  return `zones:\n${zones}conduits:\n${conduits}`;
}

/**
 * ZC reachability (DMZ-free paths from low-trust zones) on a zone chain of `n` and `2n` zones. Baseline:
 * building the zone graph it searches, in the same run; the doubling ratio is ~2 when the search is linear.
 */
export async function benchReachability(n: number, runs = 5): Promise<void> {
  const measure = async (size: number) => {
    const ws = await loadWorkspace(new MemoryHost(new Map([['model.spdf.yaml', zoneChain(size)]])));
    const zg = buildZoneGraph(ws.graph);
    const reached = computeExposure(zg, LOW_TRUST_CLASSES).reached.size;
    if (reached !== size) throw new Error(`reachability bench: ${reached} of ${size} zones reached`);
    const baseline = await best(runs, () => time(() => buildZoneGraph(ws.graph))[1]);
    const repeat = 10;
    const search =
      (await best(
        runs,
        () =>
          time(() => {
            for (let i = 0; i < repeat; i++) computeExposure(zg, LOW_TRUST_CLASSES);
          })[1],
      )) / repeat;
    return { baseline, search };
  };
  await measure(n); // warm-up: the first search pays for JIT compilation
  const one = await measure(n);
  const two = await measure(2 * n);
  for (const [size, r] of [
    [n, one],
    [2 * n, two],
  ] as const) {
    console.log(
      `  zone chain of ${String(size).padEnd(6)} baseline buildZoneGraph ${r.baseline.toFixed(1).padStart(7)} ms  computeExposure ${r.search.toFixed(1).padStart(7)} ms  ${(r.search / r.baseline).toFixed(2)}x baseline`,
    );
  }
  console.log(`  computeExposure ${2 * n} / ${n} zones: ${(two.search / one.search).toFixed(2)}x (twice the zones and conduits)`);
}

if (require.main === module) {
  const n = Number(process.argv[2] ?? 20000);
  benchLint(n).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
