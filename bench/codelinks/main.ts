/** `tsx bench/codelinks/main.ts [--quick] [--shape small|large|quick] [--language python|c|...] [--runs N] [--no-build]` */
import type { BenchLanguage } from './generate-workspace';
import { runCodelinksBench } from './run-codelinks-bench';

const args = process.argv.slice(2);
const valueOf = (flag: string) => {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
};
const shape = valueOf('--shape');
const runs = valueOf('--runs');
runCodelinksBench({
  quick: args.includes('--quick'),
  shapes: shape ? [shape] : undefined,
  language: valueOf('--language') as BenchLanguage | undefined,
  runs: runs ? Number(runs) : undefined,
  noBuild: args.includes('--no-build'),
}).catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
