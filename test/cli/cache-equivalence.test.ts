// @spdf verifies SPDF-FC-CACHE
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, tempWorkspace } from '../support/cli';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'infusion-pump');

/** A workspace of a few hundred tagged functions in Python and C, with uncovered requirements and unknown IDs. */
function generatedWorkspace(): string {
  const files: Record<string, string> = { 'spdf.config.yaml': 'code:\n  tag_syntaxes: [spdf, oft]\n' };
  let yaml = 'requirements:\n';
  for (let n = 0; n < 120; n++) yaml += `  - id: GEN-REQ-${n}\n    title: Requirement ${n}\n    text: The pump shall do ${n}.\n    verification: [test]\n`;
  files['model/requirements.spdf.yaml'] = yaml;
  for (let f = 0; f < 12; f++) {
    let py = '';
    let c = '#include <stdint.h>\n\n';
    for (let k = 0; k < 10; k++) {
      const n = (f * 10 + k) % 115;
      py += `def f_${f}_${k}(a):\n    # [impl->dsn~GEN-REQ-${n}~1]\n    return a + ${k}\n\n\n`;
      c += `int c_${f}_${k}(int a)\n{\n    // @spdf ${k % 3 ? 'implements' : 'verifies'} GEN-REQ-${k === 7 ? 'UNKNOWN-' : ''}${n}\n    return a * ${k};\n}\n\n`;
    }
    files[`src/mod_${f}.py`] = py;
    files[`src/unit_${f}.c`] = c;
  }
  return tempWorkspace(files);
}

const COMMANDS = [
  ['lint', '--format', 'json'],
  ['check', '--format', 'json'],
  ['links', '--format', 'json'],
  ['trace', '--format', 'json'],
];

/** Every command's exit code and output, run once per command against the caches in `cache`. */
async function outputs(root: string, cache: string): Promise<string[]> {
  const out: string[] = [];
  for (const args of COMMANDS) {
    const r = await runCli([...args, '--cache-location', cache], root);
    out.push(`${args[0]} exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  }
  return out;
}

describe('caches never change a result', () => {
  for (const [name, root] of [
    ['the example', () => EXAMPLE],
    ['a generated workspace', generatedWorkspace],
  ] as const) {
    it(`on ${name}, every command's output with warm caches is byte-identical to a cold run's`, async function () {
      this.timeout(120_000);
      const dir = root();
      const cache = mkdtempSync(join(tmpdir(), 'spdf-equivalence-cache-'));
      const cold = await outputs(dir, cache);
      const written = readdirSync(cache);
      assert.ok(written.some((f) => f.startsWith('codelinks-')) && written.some((f) => f.startsWith('model-')), `the cold run wrote both caches: ${written.join(', ')}`);
      const warm = await outputs(dir, cache);
      const uncached = await outputs(dir, mkdtempSync(join(tmpdir(), 'spdf-equivalence-none-')));
      for (let i = 0; i < COMMANDS.length; i++) {
        assert.equal(warm[i], cold[i], `spdf ${COMMANDS[i].join(' ')}: warm differs from cold`);
        assert.equal(uncached[i], cold[i], `spdf ${COMMANDS[i].join(' ')}: not deterministic`);
      }
      assert.match(cold[2], /"links": \[\n\s+\{/, 'the workspace has code links');
    });
  }
});
