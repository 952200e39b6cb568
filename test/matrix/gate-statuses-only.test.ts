// @spdf verifies SPDF-CMD-CHECK
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { MemoryHost } from '../../src/core/host';
import { buildMatrixFrom } from '../../src/core/matrix/build';
import { PROJECTION_VIEWS, VIEWS, type Matrix } from '../../src/core/matrix/model';
import { traceIndexFromInputs } from '../../src/core/matrix/trace-matrix';
import { resolveConfig } from '../../src/core/model/config';
import { loadWorkspace } from '../../src/core/model/load-workspace';
import { lint } from '../../src/core/rules/engine';
import { ruleInputs } from '../../src/core/rules/inputs';
import { RULES } from '../../src/core/rules/registry';
import type { RuleInputs } from '../../src/core/rules/types';
import { buildCodeIndex } from '../../src/node/codeindex/build-code-index';
import { checkPath, tagSyntaxOptions } from '../../src/node/workspace';
import { exampleFiles } from '../support/workspace';

const GATE_VIEWS = VIEWS.filter((v) => !PROJECTION_VIEWS.includes(v));

/** Everything of a matrix the gate reads: coverage, problems, and per row ID, kind, status, why, file, line. */
function gateView(m: Matrix) {
  return {
    coverage: m.coverage,
    problems: m.problems,
    views: Object.entries(m.views).map(([name, v]) => ({
      name,
      coverage: v?.coverage,
      rows: (v?.rows ?? []).map((r) => ({ id: r.id, kind: r.kind, status: r.status, why: r.cells.why, file: r.file, line: r.line, zones: r.zones, severity: r.severity })),
    })),
  };
}

/** The full matrix and the statuses-only one, each from its own trace index. */
function assertSameStatuses(inputs: RuleInputs, label: string): number {
  const result = lint(inputs);
  const full = buildMatrixFrom(traceIndexFromInputs(inputs, result), GATE_VIEWS);
  const lean = buildMatrixFrom(traceIndexFromInputs(inputs, result), GATE_VIEWS, true);
  assert.deepStrictEqual(gateView(lean), gateView(full), label);
  return Object.values(full.views).reduce((n, v) => n + (v?.rows.length ?? 0), 0);
}

async function exampleInputs(files: Record<string, string>): Promise<RuleInputs> {
  const withConfig = 'spdf.config.yaml' in files ? files : { ...files, 'spdf.config.yaml': 'profile: all\n' };
  const host = new MemoryHost(new Map(Object.entries(withConfig)));
  const workspace = await loadWorkspace(host);
  const hasCode = Object.keys(files).some((f) => !/\.(ya?ml|json)$/.test(f));
  const { config } = resolveConfig(new TextEncoder().encode(withConfig['spdf.config.yaml']));
  const code = hasCode ? await buildCodeIndex({ root: '/example', host, workers: 0, tagSyntaxes: tagSyntaxOptions(config) }) : undefined;
  return ruleInputs(workspace, { code, ...(files['spdf.lock.json'] !== undefined ? { lock: files['spdf.lock.json'] } : {}) });
}

describe('the gate builds its views with statuses only', () => {
  it('on the example, every row the gate reads equals the full matrix row', async function () {
    this.timeout(60_000);
    const check = await checkPath(join(__dirname, '..', '..', 'examples', 'infusion-pump'), { cache: false });
    assert.ok(assertSameStatuses(check.ruleInputs, 'example') > 50);
  });

  it('on every rule example, every row the gate reads equals the full matrix row', async function () {
    this.timeout(120_000);
    let rows = 0;
    for (const rule of RULES)
      for (const [i, example] of [...rule.meta.examples.valid, ...rule.meta.examples.invalid].entries())
        rows += assertSameStatuses(await exampleInputs(exampleFiles(example)), `${rule.meta.code} example ${i}`);
    assert.ok(rows > 300, `${rows} rows compared`);
  });
});
