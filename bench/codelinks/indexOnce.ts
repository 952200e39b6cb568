/**
 * One measured run in a fresh process (so peak RSS is this run's): load the model, index the code, lint.
 * Usage: tsx bench/codelinks/indexOnce.ts <workspace> [--cache] [--workers N]
 * Prints one JSON line.
 */
import { loadWorkspace } from '../../src/core/model/load-workspace';
import { lint } from '../../src/core/rules/engine';
import { buildCodeIndex } from '../../src/node/codeindex/buildCodeIndex';
import { FsHost } from '../../src/node/fs-host';

async function main(): Promise<void> {
  const [root] = process.argv.slice(2);
  const cache = process.argv.includes('--cache');
  const workersAt = process.argv.indexOf('--workers');
  const workers = workersAt > 0 ? Number(process.argv[workersAt + 1]) : 2;
  const t0 = performance.now();
  const host = new FsHost(root);
  const workspace = await loadWorkspace(host);
  const t1 = performance.now();
  const index = await buildCodeIndex({ root, host, files: workspace.allFiles, cache, workers });
  const t2 = performance.now();
  const result = lint({ graph: workspace.graph, config: workspace.config, allFiles: workspace.allFiles, code: index });
  const t3 = performance.now();
  const links = index.files.reduce((n, f) => n + f.links.length, 0);
  process.stdout.write(
    `${JSON.stringify({
      modelMs: t1 - t0,
      indexMs: t2 - t1,
      lintMs: t3 - t2,
      totalMs: t3 - t0,
      maxRssMB: process.resourceUsage().maxRSS / 1024,
      items: workspace.graph.items.length,
      links,
      parsed: index.stats.parsed,
      cached: index.stats.cached,
      workers: index.stats.usedWorkers,
      findings: result.findings.length,
    })}\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
