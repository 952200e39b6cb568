/**
 * Hostile comments (issue 7: the server never hangs, the core never stalls on user input): one comment line holding
 * thousands of tag-like texts of each enabled syntax (near misses, unclosed tags, ID lists), scanned in process by
 * the comment scanner at n and 4n repetitions. A linear scan takes ~4x as long for 4x the text; a quadratic one ~16x.
 * The ratio is measured in this run, case by case.
 *   npx tsx bench/hostile-comments.ts [--quick]
 */
import { scanCommentForTags } from '../src/core/codelinks/comment-tags/scan-comment';
import { compileTagSyntaxes } from '../src/core/codelinks/tag-syntaxes';

const CASES: Record<string, (n: number) => string> = {
  'OFT item IDs outside a tag': (n) => 'x~y~1 '.repeat(n),
  'OFT near misses in brackets': (n) => '[impl=>dsn~x~1] '.repeat(n),
  'StrictDoc near misses': (n) => '@relations(A1) '.repeat(n),
  'StrictDoc tags never closed': (n) => '@relation('.repeat(n),
  'LOBSTER near misses': (n) => 'lobster trace A1 '.repeat(n),
  'spdf markers misspelt': (n) => '@spfd implements R-1 '.repeat(n),
  'spdf ID list joined by spaces': (n) => `@spdf implements R-1${' R-2'.repeat(n)}`,
  'OFT needs list never closed': (n) => `[impl->dsn~x~1>>a${',a'.repeat(n)}`,
};

function timeScan(text: string): number {
  const syntaxes = compileTagSyntaxes({ syntaxes: ['spdf', 'oft', 'strictdoc', 'lobster'] });
  const t0 = performance.now();
  scanCommentForTags(text, syntaxes, false);
  return performance.now() - t0;
}

export function runHostileCommentsBench(opts: { quick?: boolean } = {}): Promise<void> {
  const n = opts.quick ? 2000 : 10000;
  console.log(`one comment line per case, n = ${n} and ${4 * n} repetitions; ratio = time(4n) / time(n): ~4 linear, ~16 quadratic`);
  for (const [name, make] of Object.entries(CASES)) {
    timeScan(make(200)); // warm-up
    const small = make(n);
    const large = make(4 * n);
    const a = timeScan(small);
    const b = timeScan(large);
    const ratio = b / Math.max(a, 0.01);
    console.log(
      `  ${name}: ${(small.length / 1024).toFixed(0)} KB ${a.toFixed(0)} ms, ${(large.length / 1024).toFixed(0)} KB ${b.toFixed(0)} ms, ratio ${ratio.toFixed(1)}${a < 5 ? ' (under 5 ms: timer noise)' : ratio > 8 ? ' (worse than linear)' : ''}`,
    );
  }
  return Promise.resolve();
}

if (require.main === module) {
  runHostileCommentsBench({ quick: process.argv.includes('--quick') }).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
