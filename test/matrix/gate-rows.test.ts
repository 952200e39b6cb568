// @spdf verifies SPDF-CMD-CHECK
import assert from 'node:assert/strict';
import { join } from 'node:path';
import fc from 'fast-check';
import { generateModel } from '../../bench/model-gen';
import { MemoryHost } from '../../src/core/host';
import { buildMatrixFrom } from '../../src/core/matrix/build';
import { STATUSES, TRACED_KINDS, type TraceStatus } from '../../src/core/matrix/decide';
import { evaluateGate, runGate, type GateOptions, type GateReport } from '../../src/core/matrix/gate';
import { PROJECTION_VIEWS, VIEWS } from '../../src/core/matrix/model';
import { traceIndexFromInputs } from '../../src/core/matrix/trace-matrix';
import { loadWorkspace } from '../../src/core/model/load-workspace';
import { lint, type LintResult } from '../../src/core/rules/engine';
import { ruleInputs } from '../../src/core/rules/inputs';
import { RULES } from '../../src/core/rules/registry';
import type { RuleInputs } from '../../src/core/rules/types';
import type { Finding } from '../../src/core/types';
import { buildCodeIndex } from '../../src/node/codeindex/build-code-index';
import { checkPath } from '../../src/node/workspace';
import { readTree } from '../support/read-tree';
import { exampleFiles } from '../support/workspace';

/**
 * The gate reads the statuses of failing items only (src/core/matrix/gate-rows.ts). The oracle is the gate over
 * every row of the full views, as `spdf check` computed it before: both reports must be equal, for every set of
 * failing statuses, on the example, every rule example, a generated model and random edits of the example.
 */
const GATE_VIEWS = VIEWS.filter((v) => !PROJECTION_VIEWS.includes(v));
const CHAIN_KINDS: ReadonlySet<string> = new Set([...TRACED_KINDS, 'test']);

function gateOverFullViews(inputs: RuleInputs, result: LintResult, opts: GateOptions): GateReport {
  const ix = traceIndexFromInputs(inputs, result);
  const onChain = (f: Finding): boolean => {
    if (!inputs.graph.fileByPath.has(f.file)) return true;
    const item = ix.itemAt(f.file, f.range.start.line);
    return !!item && CHAIN_KINDS.has(item.kind) && ix.inScope(item.id);
  };
  return evaluateGate({ graph: inputs.graph, result, matrix: buildMatrixFrom(ix, GATE_VIEWS), code: inputs.code, onChain }, opts);
}

const OPTIONS: GateOptions[] = [
  { minCoverage: 100 },
  { minCoverage: 0, allowErrors: true },
  ...STATUSES.map((s): GateOptions => ({ minCoverage: 50, failOnStatus: [s] })),
  { minCoverage: 100, failOnStatus: [...STATUSES] as TraceStatus[], allowErrors: true },
];

/** Asserts both gates agree under every option set; returns how many status offenders they listed. */
function assertSameGate(inputs: RuleInputs, label: string): number {
  const result = lint(inputs);
  let offenders = 0;
  for (const opts of OPTIONS) {
    const report = runGate(inputs, result, opts);
    assert.deepStrictEqual(report, gateOverFullViews(inputs, result, opts), `${label} ${JSON.stringify(opts)}`);
    offenders += report.offenders.filter((o) => o.class === 'status').length;
  }
  return offenders;
}

async function inputsOf(files: Record<string, string>, withCode = false): Promise<RuleInputs> {
  const all = 'spdf.config.yaml' in files ? files : { ...files, 'spdf.config.yaml': 'profile: all\n' };
  const host = new MemoryHost(new Map(Object.entries(all)));
  const workspace = await loadWorkspace(host);
  const code = withCode ? await buildCodeIndex({ root: '/example', host, workers: 0 }) : undefined;
  const lock = all['spdf.lock.json'];
  return ruleInputs(workspace, { code, ...(lock !== undefined ? { lock } : {}) });
}

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'infusion-pump');

describe('the gate reads the statuses of failing items only', () => {
  it('equals the gate over the full views on the example', async function () {
    this.timeout(60_000);
    const check = await checkPath(EXAMPLE, { cache: false });
    assert.ok(assertSameGate(check.ruleInputs, 'example') > 20);
  });

  it('equals the gate over the full views on every rule example and a generated model', async function () {
    this.timeout(120_000);
    let offenders = 0;
    for (const rule of RULES)
      for (const [i, example] of [...rule.meta.examples.valid, ...rule.meta.examples.invalid].entries()) {
        const files = exampleFiles(example);
        offenders += assertSameGate(
          await inputsOf(
            files,
            Object.keys(files).some((f) => !/\.(ya?ml|json)$/.test(f)),
          ),
          `${rule.meta.code} example ${i}`,
        );
      }
    offenders += assertSameGate(await inputsOf(Object.fromEntries(generateModel(300))), 'generated model');
    assert.ok(offenders > 300, `${offenders} status offenders compared`);
  });

  it('equals the gate over the full views after random edits of the example (lines deleted, statuses and links changed)', async function () {
    this.timeout(120_000);
    const tree = Object.fromEntries(Object.entries(readTree(EXAMPLE)).filter(([f]) => !f.startsWith('.spdf-cache/')));
    const texts = Object.entries(tree).filter(([f]) => f.endsWith('.spdf.yaml') || f.endsWith('.c') || f === 'spdf.lock.json');
    const edit = fc.record({ file: fc.nat(texts.length - 1), line: fc.nat(), kind: fc.constantFrom('delete', 'duplicate', 'obsolete', 'retag') });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        const files: Record<string, string> = { ...tree };
        for (const e of edits) {
          const [name] = texts[e.file];
          const lines = files[name].split('\n');
          // Status and tag edits pick among the lines that have one, so that each edit changes something.
          const pattern = e.kind === 'obsolete' ? /status: \w+/ : e.kind === 'retag' ? /@spdf (implements|verifies) / : /^/;
          const candidates = lines.flatMap((l, i) => (pattern.test(l) ? [i] : []));
          if (!candidates.length) continue;
          const at = candidates[e.line % candidates.length];
          if (e.kind === 'delete') lines.splice(at, 1);
          else if (e.kind === 'duplicate') lines.splice(at, 0, lines[at]);
          else if (e.kind === 'obsolete') lines[at] = lines[at].replace(/status: \w+/, 'status: obsolete');
          else lines[at] = lines[at].replace(/@spdf (implements|verifies) ([A-Z]+-[A-Z]*-?)(\d)/, '@spdf $1 $2$3$3');
          files[name] = lines.join('\n');
        }
        assertSameGate(await inputsOf(files, true), JSON.stringify(edits));
      }),
      { numRuns: Number(process.env.SPDF_FUZZ_RUNS) || 25 },
    );
  });
});
