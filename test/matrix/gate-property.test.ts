// @spdf verifies SPDF-FC-GATE
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import type { CodeLinksInput } from '../../src/core/codelinks/rule-input';
import { MemoryHost } from '../../src/core/host';
import { runGate, type GateReport } from '../../src/core/matrix/gate';
import type { LoadedFile } from '../../src/core/model/load-file';
import { loadWorkspace, type ModelFileCache } from '../../src/core/model/load-workspace';
import { lint } from '../../src/core/rules/engine';
import { ruleInputs } from '../../src/core/rules/inputs';
import { buildCodeIndex } from '../../src/node/codeindex/build-code-index';

/**
 * The invariant at the centre of `spdf check`: the gate never passes when a requirement fails to load.
 * The example workspace (its deliberate defects repaired or lowered to warnings, so that it passes) gets its requirements file
 * mutated; whenever a requirement of the original is no longer loaded, the gate must fail, and it must
 * never throw. SPDF_FUZZ_RUNS sets the number of runs (default 100).
 */
const EXAMPLE = join(__dirname, '..', '..', 'examples', 'infusion-pump');
const REQS = 'model/requirements.spdf.yaml';
const RUNS = Number(process.env.SPDF_FUZZ_RUNS) || 100;
/** The most permissive gate that still refuses load problems, unknown IDs and errors: coverage alone never fails it. */
const GATE = { minCoverage: 0 };

type Mutation =
  | { op: 'flip'; at: number; byte: number }
  | { op: 'delete-line'; line: number }
  | { op: 'indent'; line: number; indent: string }
  | { op: 'insert'; at: number; bytes: readonly number[] }
  | { op: 'truncate'; at: number };

const LINE = /\n/g;
function lineStarts(b: Uint8Array): number[] {
  const starts = [0];
  for (const m of Buffer.from(b).toString('latin1').matchAll(LINE)) starts.push(m.index + 1);
  return starts;
}

function apply(bytes: Uint8Array, m: Mutation): Uint8Array {
  const b = Buffer.from(bytes);
  const at = (x: number) => Math.floor(x * b.length);
  switch (m.op) {
    case 'flip': {
      const out = Buffer.from(b);
      if (out.length) out[Math.min(at(m.at), out.length - 1)] = m.byte;
      return out;
    }
    case 'insert':
      return Buffer.concat([b.subarray(0, at(m.at)), Buffer.from(m.bytes), b.subarray(at(m.at))]);
    case 'truncate':
      return b.subarray(0, at(m.at));
    default: {
      const starts = lineStarts(b);
      const i = m.line % starts.length;
      const start = starts[i];
      const end = i + 1 < starts.length ? starts[i + 1] : b.length;
      if (m.op === 'delete-line') return Buffer.concat([b.subarray(0, start), b.subarray(end)]);
      const line = b
        .subarray(start, end)
        .toString('latin1')
        .replace(/^[ \t]*/, m.indent);
      return Buffer.concat([b.subarray(0, start), Buffer.from(line, 'latin1'), b.subarray(end)]);
    }
  }
}

const fraction = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fraction, byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('delete-line' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('indent' as const), line: fc.nat(), indent: fc.constantFrom('', ' ', '   ', '      ', '\t', '  \t', '\t  ') }),
  fc.record({ op: fc.constant('insert' as const), at: fraction, bytes: fc.constantFrom([0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0x09], [0x0a, 0x09], [0x00]) }),
  fc.record({ op: fc.constant('truncate' as const), at: fraction }),
);

function readTree(root: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === '.spdf-cache') continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(relative(root, p).split('\\').join('/'), readFileSync(p));
    }
  };
  walk(root);
  return files;
}

function memoryCache(): ModelFileCache {
  // Keyed by the exact bytes and limits, as the real cache proves them.
  const m = new Map<string, LoadedFile>();
  const key = (p: string, bytes: Uint8Array, limits: object) => `${p}\n${Buffer.from(bytes).toString('base64')}\n${JSON.stringify(limits)}`;
  return { get: (p, b, l) => m.get(key(p, b, l)), set: (p, b, l, v) => void m.set(key(p, b, l), v) };
}

describe('gate property: never passes when a requirement fails to load', () => {
  let files: Map<string, Uint8Array>;
  let code: CodeLinksInput;
  let original: Set<string>;
  const cache = memoryCache();

  const patch = (path: string, from: string, to: string) => {
    const text = Buffer.from(files.get(path)!).toString('utf8');
    assert.ok(text.includes(from), `${path} holds '${from}'`);
    files.set(path, Buffer.from(text.replace(from, to)));
  };

  /** `spdf check`'s gate, in process, on the workspace with this requirements file. */
  async function gate(reqs: Uint8Array): Promise<{ report: GateReport; loaded: Set<string> }> {
    const host = new MemoryHost(new Map([...files, [REQS, reqs]]));
    const workspace = await loadWorkspace(host, { fileCache: cache });
    const inputs = ruleInputs(workspace, { code, lock: Buffer.from(files.get('spdf.lock.json')!).toString('utf8') });
    const report = runGate(inputs, lint(inputs), GATE);
    const loaded = new Set(workspace.graph.byKind.requirement.filter((r) => r.data.status !== 'obsolete').map((r) => r.id));
    return { report, loaded };
  }

  before(async () => {
    files = readTree(EXAMPLE);
    patch('model/threats.spdf.yaml', 'controls: [CTRL-011, CTRL-012]', 'controls: [CTRL-011]');
    patch('firmware/src/ble/ble_commands.c', '@spdf implements SEC-REQ-099', '@spdf implements SEC-REQ-009');
    // Its documented gaps lowered to warnings: the gate then fails only on what a mutation breaks.
    patch('spdf.config.yaml', 'rules: {}', 'rules: {RQ002: warning, TR006: warning, ZC004: warning}');
    code = await buildCodeIndex({ root: '/example', host: new MemoryHost(files), workers: 0 });
    const base = await gate(files.get(REQS)!);
    assert.deepEqual(base.report.reasons, [], 'the repaired example passes the gate, so a mutation can make it fail');
    original = base.loaded;
    assert.equal(original.size, 17);
  });

  it(`holds for ${RUNS} mutated requirements files (byte flips, line deletes, indentation and tabs, invalid UTF-8, truncation)`, async function () {
    this.timeout(Math.max(60_000, RUNS * 1_000));
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (ms) => {
        const bytes = ms.reduce(apply, files.get(REQS)!);
        const { report, loaded } = await gate(bytes);
        const lost = [...original].filter((id) => !loaded.has(id));
        if (lost.length) assert.equal(report.pass, false, `lost ${lost.join(', ')} yet the gate passed`);
      }),
      { numRuns: RUNS },
    );
  });
});
