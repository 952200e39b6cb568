// @spdf verifies SPDF-FC-CACHE
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { loadModelBytes } from '../../src/core/model/load-file';
import pkg from '../../package.json';
import { runCli, tempWorkspace } from '../support/cli';

const model = (control: string) => `zones:
  - {id: Z-A, name: A, class: it}
threats:
  - id: THR-001
    title: Spoofed command
    controls: [${control}]
    targets: [Z-A]
`;
const CODE = 'def set_rate(rate):\n    # @spdf implements SEC-REQ-014\n    return rate\n';

/** The 64-bit key the first model cache used (FNV-1a over bytes): anyone could compute it for a file of a repository. */
function v1Key(bytes: Uint8Array): string {
  let h1 = 0x811c9dc5 | 0;
  let h2 = 0xcbf29ce4 | 0;
  for (const c of bytes) {
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ (c >>> 4) ^ h1, 0x01000193);
  }
  return `${(h1 >>> 0).toString(16).padStart(8, '0')}${(h2 >>> 0).toString(16).padStart(8, '0')}${bytes.length.toString(16)}:5000000:1000:64`;
}

/** A `.spdf-cache/model-v1.bin` that maps this repository's model file to another model's content. */
function plantV1Cache(root: string, realText: string, otherText: string): void {
  const other = loadModelBytes('m.spdf.yaml', Buffer.from(otherText), { maxFileBytes: 5_000_000, maxAliases: 1000, maxDepth: 64 });
  const { source, ...file } = other.file;
  const entry = { key: v1Key(Buffer.from(realText)), text: source.text, loaded: { ...other, file } };
  mkdirSync(join(root, '.spdf-cache'), { recursive: true });
  writeFileSync(join(root, '.spdf-cache', 'model-v1.bin'), serialize({ version: pkg.version, entries: new Map([['m.spdf.yaml', entry]]) }));
}

const findings = (stdout: string) => (JSON.parse(stdout) as { findings: { code: string; message: string }[] }).findings.map((f) => `${f.code} ${f.message}`);

describe('a cache committed to the repository', () => {
  it('changes nothing, trusted or untrusted, cold or warm', async () => {
    const realText = model('CTRL-404');
    const otherText = model('CTRL-999');
    const root = tempWorkspace({ 'spdf.config.yaml': 'profile: all\n', 'm.spdf.yaml': realText, 'src/rate.py': CODE });
    const other = tempWorkspace({ 'spdf.config.yaml': 'profile: all\n', 'm.spdf.yaml': otherText, 'src/rate.py': CODE.replace('014', '999') });
    plantV1Cache(root, realText, otherText);
    const otherCache = mkdtempSync(join(tmpdir(), 'spdf-other-cache-'));
    await runCli(['lint', other, '--format', 'json', '--cache-location', otherCache]);
    assert.ok(readdirSync(otherCache).length >= 2, `the other workspace wrote a findings and a code cache: ${readdirSync(otherCache).join(', ')}`);
    cpSync(otherCache, join(root, '.spdf-cache'), { recursive: true });

    const reference = findings((await runCli(['lint', root, '--format', 'json', '--no-cache'])).stdout);
    for (const id of ['CTRL-404', 'SEC-REQ-014'])
      assert.ok(
        reference.some((f) => f.includes(id)),
        `${id} in ${JSON.stringify(reference)}`,
      );
    assert.deepEqual(
      reference.filter((f) => f.includes('999')),
      [],
    );
    for (const args of [[], [], ['--untrusted'], ['--cache-location', otherCache]]) {
      const r = await runCli(['lint', root, '--format', 'json', ...args]);
      assert.deepEqual(findings(r.stdout), args[0] === '--untrusted' ? findings((await runCli(['lint', root, '--format', 'json', '--untrusted', '--no-cache'])).stdout) : reference, args.join(' '));
    }
  });
});
