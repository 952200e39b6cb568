import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { benchLint, benchReachability } from './lint-bench';

/**
 * `npm run bench`: every benchmark, each printing ratios against a baseline or peer measured in the same run.
 *   --quick            small shapes (a smoke run, not for numbers)
 *   --only a,b         only these benchmarks (names below)
 *   --shape s1,s2      shapes of the peer benchmark (quick, 5k, 20k; 50k and 100k only when named)
 *   --runs N           interleaved rounds of the peer and scale benchmarks (medians reported)
 * OFT_CLASSPATH=DIR   a built OpenFastTrace (scripts/build-oft.sh): the peer of `oft`.
 */
const BENCHES = ['lint', 'reach', 'oft', 'scale', 'codelinks', 'lsp', 'matrix', 'junit', 'sbom', 'yaml', 'hostile'] as const;

function valueOf(flag: string): string | undefined {
  const at = process.argv.indexOf(flag);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main() {
  const quick = process.argv.includes('--quick');
  const only = valueOf('--only')?.split(',').filter(Boolean);
  const unknown = (only ?? []).filter((name) => !(BENCHES as readonly string[]).includes(name));
  if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(', ')} (known: ${BENCHES.join(', ')})`);
  const runs = valueOf('--runs') ? Number(valueOf('--runs')) : undefined;
  const shapes = valueOf('--shape')?.split(',').filter(Boolean);
  const wanted = (name: (typeof BENCHES)[number]) => !only || only.includes(name);
  if (wanted('lint')) {
    console.log('## lint (issue 2/3): baseline = yaml.parseDocument over the same files');
    await benchLint(quick ? 2000 : 20000, quick ? 1 : 3);
  }
  if (wanted('reach')) {
    console.log('\n## zone reachability (was a 500 ms assertion in test/analysis/reachability.test.ts)');
    await benchReachability(quick ? 300 : 3000, quick ? 1 : 5);
  }
  for (const [name, title, file, fn] of [
    ['oft', 'spdf against OpenFastTrace on the same corpus (issue 13)', 'peer/run-peer-bench.ts', 'runPeerBench'],
    ['scale', 'scale: cold `spdf links` on a 1M-line C/C++ tree against rg (issue 13)', 'peer/run-scale-bench.ts', 'runScaleBench'],
    ['codelinks', 'code links (issue 4)', 'codelinks/index.ts', 'runCodelinksBench'],
    ['lsp', 'language server latency (issue 5)', 'lsp-latency.ts', 'runLspLatencyBench'],
    ['matrix', 'matrix and exports (issue 6)', 'matrix.ts', 'runMatrixBench'],
    ['junit', 'JUnit results (issue 13): cases/s', 'junit.ts', 'runJunitBench'],
    ['sbom', 'SBOM load (issue 15): 10,000 components', 'sbom.ts', 'runSbomBench'],
    ['yaml', 'YAML parse (issue 13): fast path against the reference path, in process', 'yaml-parse.ts', 'runYamlParseBench'],
    ['hostile', 'hostile comments (issue 7): tag scan time at n and 4n tag-like texts on one line', 'hostile-comments.ts', 'runHostileCommentsBench'],
  ] as const) {
    if (!wanted(name) || !existsSync(join(__dirname, file))) continue;
    console.log(`\n## ${title}`);
    const mod = (await import(join(__dirname, file))) as Record<string, unknown>;
    const run = mod[fn];
    if (typeof run === 'function') await (run as (o: { quick: boolean; runs?: number; shapes?: string[] }) => Promise<void>)({ quick, runs, ...(name === 'oft' && shapes ? { shapes } : {}) });
    else console.log(`(bench/${file} exports no ${fn})`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
