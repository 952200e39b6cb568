import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { benchLint, benchReachability } from './lint-bench';

/**
 * `npm run bench`: every benchmark, each printing ratios against a baseline measured in the same run.
 * `--quick` uses small shapes (a smoke run, not for numbers).
 */
async function main() {
  const quick = process.argv.includes('--quick');
  console.log('## lint (issue 2/3): baseline = yaml.parseDocument over the same files');
  await benchLint(quick ? 2000 : 20000, quick ? 1 : 3);
  console.log('\n## zone reachability (was a 500 ms assertion in test/analysis/reachability.test.ts)');
  await benchReachability(quick ? 300 : 3000, quick ? 1 : 5);
  for (const [title, file, fn] of [
    ['code links (issue 4)', 'codelinks/index.ts', 'run-codelinks-bench'],
    ['language server latency (issue 5)', 'lsp-latency.ts', 'runLspLatencyBench'],
    ['matrix and exports (issue 6)', 'matrix.ts', 'runMatrixBench'],
    ['JUnit results (issue 13): cases/s', 'junit.ts', 'runJunitBench'],
    ['SBOM load (issue 15): 10,000 components', 'sbom.ts', 'runSbomBench'],
  ] as const) {
    if (!existsSync(join(__dirname, file))) continue;
    console.log(`\n## ${title}`);
    const mod = (await import(join(__dirname, file))) as Record<string, unknown>;
    const run = mod[fn];
    if (typeof run === 'function') await (run as (o: { quick: boolean }) => Promise<void>)({ quick });
    else console.log(`(bench/${file} exports no ${fn})`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
