// @spdf verifies SPDF-FC-RESULT-REINDEX
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { tempWorkspace } from '../support/cli';
import { derivedWorkspace, runBinary } from '../support/derived-replay';

const CHECK = ['check', '--format', 'json', '--fail-on-status', 'MISSING'];
const PIECES = ['\n', ' ', '\t', '#', '# note\n', 'x', '(', ')', ':', '    ', '"""', '@spdf implements GEN-REQ-3', '[impl->dsn~GEN-REQ-4~1]', '\0', '\u00e9'];

describe('random edits of a source file: the cached answer is always the uncached one', () => {
  it('inserting and deleting text anywhere in a linked Python file', async function () {
    this.timeout(180_000);
    const root = derivedWorkspace();
    const file = join(root, 'src/pump.py');
    const original = readFileSync(file, 'utf8');
    const args = [...CHECK, '--cache-location', mkdtempSync(join(tmpdir(), 'spdf-derived-prop-'))];
    await runBinary(args, root);
    const seen = { replayed: 0, missed: 0 };
    const edit = fc.record({ at: fc.nat({ max: original.length }), cut: fc.nat({ max: 3 }), insert: fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 3 }), async (edits) => {
        writeFileSync(file, original);
        await runBinary(args, root);
        let text = original;
        for (const e of edits) text = text.slice(0, Math.min(e.at, text.length)) + e.insert.join('') + text.slice(Math.min(e.at, text.length) + e.cut);
        writeFileSync(file, text);
        const cached = await runBinary(args, root);
        assert.equal(cached.out, (await runBinary([...CHECK, '--no-cache'], root)).out);
        if (cached.stats.rederived) seen.replayed++;
        else seen.missed++;
      }),
      { numRuns: 30, seed: 13 },
    );
    assert.ok(seen.replayed > 0 && seen.missed > 0, `both replays and misses happened: ${JSON.stringify(seen)}`);
  });
});

describe('a cold run that starts parse workers from a sample of files', () => {
  it('keeps the sampled bytes for the read that counts: every file, sampled or not, is replayed over a comment', async function () {
    this.timeout(120_000);
    const files: Record<string, string> = {
      'spdf.config.yaml': 'code:\n  tag_syntaxes: [spdf]\n',
      'model/requirements.spdf.yaml': 'requirements:\n  - id: GEN-REQ-1\n    title: One\n    text: The pump shall do one.\n    verification: [test]\n',
    };
    // At least 200 tagged files and no code-index cache yet: the index reads 8 of them early (build-code-index.ts).
    for (let n = 0; n < 200; n++) files[`src/m${String(n).padStart(3, '0')}.py`] = `def f${n}():\n    # @spdf implements GEN-REQ-1\n    return ${n}\n`;
    const root = tempWorkspace(files);
    const args = [...CHECK, '--cache-location', mkdtempSync(join(tmpdir(), 'spdf-derived-sample-'))];
    const first = await runBinary(args, root);
    assert.equal(first.stats.notStored, undefined);
    for (const f of Object.keys(files).filter((p) => p.endsWith('.py'))) writeFileSync(join(root, f), `${files[f]}# reviewed\n`);
    const after = await runBinary(args, root);
    assert.deepEqual(after.stats, { hit: true, rederived: 200 });
    assert.equal(after.out, (await runBinary([...CHECK, '--no-cache'], root)).out);
  });
});
