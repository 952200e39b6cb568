import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { readTestResults } from '../src/node/junit';

/** `n` test cases, ~220 bytes each (a Surefire-like shape), one per line or all on one line. */
export function generateJUnit(n: number, oneLine: boolean): string {
  const nl = oneLine ? '' : '\n';
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>', '<testsuites>', '<testsuite name="com.acme.pump" tests="' + n + '">'];
  for (let i = 0; i < n; i++) {
    const head = `<testcase classname="com.acme.pump.DoseControllerTest${i % 500}" name="rejects_rate_case_${i}" time="0.00${i % 10}">`;
    parts.push(
      i % 20 === 0
        ? `${head}<failure message="expected 5 but was ${i}" type="AssertionError">at line ${i}</failure></testcase>`
        : `${head}<system-out>dose accepted at ${i % 1000} ml/h; alarm cleared; log entry written</system-out></testcase>`,
    );
  }
  parts.push('</testsuite>', '</testsuites>');
  return parts.join(nl);
}

async function best(runs: number, fn: () => Promise<void> | void): Promise<number> {
  let b = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    b = Math.min(b, performance.now() - t);
  }
  return b;
}

/** readTestResults (validate, parse, walk, lines) against a baseline of fast-xml-parser's parse alone on the same text. */
export async function runJunitBench({ quick = false } = {}): Promise<void> {
  const runs = quick ? 1 : 3;
  for (const [n, oneLine] of [
    [quick ? 8000 : 80_000, false],
    [quick ? 15_000 : 150_000, true],
  ] as const) {
    const text = generateJUnit(n, oneLine);
    const root = mkdtempSync(join(tmpdir(), 'spdf-junit-bench-'));
    try {
      writeFileSync(join(root, 'results.xml'), text);
      const baseline = await best(runs, () => void new XMLParser({ ignoreAttributes: false, preserveOrder: true }).parse(text));
      let cases = 0;
      const ours = await best(runs, async () => {
        const r = await readTestResults(root, ['results.xml']);
        if (r.problems.length) throw new Error(`bench input has problems: ${r.problems[0].message}`);
        cases = r.cases.length;
      });
      if (cases !== n) throw new Error(`read ${cases} cases of ${n}`);
      const label = `${n} cases${oneLine ? ' on one line' : ', one per line'} (${(text.length / 1e6).toFixed(1)} MB)`;
      console.log(label);
      console.log(`  baseline XMLParser.parse          ${baseline.toFixed(0).padStart(6)} ms  (${Math.round(n / (baseline / 1000))} cases/s)  1.00x`);
      console.log(`  readTestResults                   ${ours.toFixed(0).padStart(6)} ms  (${Math.round(n / (ours / 1000))} cases/s)  ${(ours / baseline).toFixed(2)}x baseline`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
}

if (require.main === module)
  runJunitBench({ quick: process.argv.includes('--quick') }).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
