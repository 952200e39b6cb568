// @spdf verifies SPDF-FC-CACHE
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CODE_FINDINGS_CACHE_FILE, FINDINGS_CACHE_FILE } from '../../src/node/findings-cache';
import { sealBytes, unsealBytes } from '../../src/node/sealed-bytes';
import { runCli, tempWorkspace } from '../support/cli';

const MODEL = 'requirements:\n  - id: GEN-REQ-1\n    title: One\n    text: The pump shall stop.\n  - id: GEN-REQ-2\n    title: Two\n    text: The pump shall alarm.\n';

const workspace = () =>
  tempWorkspace({
    'spdf.config.yaml': 'code:\n  tag_syntaxes: [spdf]\n',
    'model/req.spdf.yaml': MODEL,
    'src/a.py': 'def stop():\n    # @spdf implements GEN-REQ-1\n    return 1\n',
    'src/b.py': 'def alarm():\n    # @spdf implements GEN-REQ-3\n    return 2\n',
    'tests/test_c.py': 'def test_stop():\n    # @spdf verifies GEN-REQ-1\n    assert True\n',
  });

const MAGIC = Buffer.from('spdf-code-findings-cache/3\n');
const edit = (root: string, file: string, change: (text: string) => string) => writeFileSync(join(root, file), change(readFileSync(join(root, file), 'utf8')));
const newCache = () => mkdtempSync(join(tmpdir(), 'spdf-code-findings-'));

async function answers(root: string, cache: string): Promise<string> {
  const out: string[] = [];
  for (const args of [
    ['lint', '--format', 'json'],
    ['check', '--format', 'json'],
  ]) {
    const r = await runCli([...args, '--cache-location', cache], root);
    out.push(`${args[0]} exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  }
  return out.join('\n');
}

type StoredFiles = { key: string; fileKeys: Record<string, string>; rules: Record<string, Record<string, unknown[]>> };
const readStored = (cache: string) => JSON.parse(unsealBytes(MAGIC, readFileSync(join(cache, CODE_FINDINGS_CACHE_FILE)))!.toString('utf8')) as StoredFiles;
const writeStored = (cache: string, stored: StoredFiles) => writeFileSync(join(cache, CODE_FINDINGS_CACHE_FILE), sealBytes(MAGIC, Buffer.from(JSON.stringify(stored))));

/** Ages a cache file so that a rewrite shows in its modification time. */
function age(file: string): number {
  const old = new Date(Date.now() - 3_600_000);
  utimesSync(file, old, old);
  return statSync(file).mtimeMs;
}

describe('code findings cache (code-scoped rules kept per source file)', function () {
  this.timeout(60_000);

  it('after one source file changed, re-checks that file, keeps the model findings file and answers as a cold run does', async () => {
    const root = workspace();
    const cache = newCache();
    await answers(root, cache);
    const model = age(join(cache, FINDINGS_CACHE_FILE));
    const code = age(join(cache, CODE_FINDINGS_CACHE_FILE));
    edit(root, 'src/a.py', (t) => t.replace('GEN-REQ-1', 'GEN-REQ-11'));
    const after = await answers(root, cache);
    assert.equal(after, await answers(root, newCache()), 'the answer is the cold answer');
    assert.match(after, /'GEN-REQ-11' is not defined in the model/);
    assert.equal(statSync(join(cache, FINDINGS_CACHE_FILE)).mtimeMs, model, 'the model findings are not rewritten');
    assert.notEqual(statSync(join(cache, CODE_FINDINGS_CACHE_FILE)).mtimeMs, code, 'the changed file is stored');
    assert.deepEqual(Object.keys(readStored(cache).rules.CL001).sort(), ['src/a.py', 'src/b.py']);
  });

  it('answers from a stored file entry only while the file reads the same (a planted finding shows, then goes with the change)', async () => {
    const root = workspace();
    const cache = newCache();
    await answers(root, cache);
    const stored = readStored(cache);
    const planted = stored.rules.CL001['src/b.py'].map((f) => ({ ...(f as object), message: 'planted finding' }));
    stored.rules.CL001['src/b.py'] = planted;
    writeStored(cache, stored);
    edit(root, 'src/a.py', (t) => `${t}\n`);
    assert.match(await answers(root, cache), /planted finding/, 'the stored entry of the unchanged file answers (else this test proves nothing)');
    edit(root, 'src/b.py', (t) => `${t}\n`);
    const after = await answers(root, cache);
    assert.doesNotMatch(after, /planted finding/);
    assert.equal(after, await answers(root, newCache()));
  });

  it('a damaged file, or an entry of another key, is a miss', async () => {
    const root = workspace();
    const cache = newCache();
    await answers(root, cache);
    const stored = readStored(cache);
    stored.rules.CL001['src/b.py'] = [];
    stored.fileKeys['src/b.py'] = stored.fileKeys['src/b.py'].replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    writeStored(cache, stored);
    edit(root, 'src/a.py', (t) => `${t}\n`);
    const cold = await answers(root, newCache());
    assert.match(cold, /'GEN-REQ-3' is not defined in the model/);
    assert.equal(await answers(root, cache), cold, 'an entry of another key is not used');
    const bytes = readFileSync(join(cache, CODE_FINDINGS_CACHE_FILE));
    bytes[bytes.length - 3] ^= 1;
    writeFileSync(join(cache, CODE_FINDINGS_CACHE_FILE), bytes);
    edit(root, 'tests/test_c.py', (t) => `${t}\n`);
    assert.equal(await answers(root, cache), await answers(root, newCache()), 'a damaged file is not used');
  });
});
