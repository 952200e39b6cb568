// @spdf verifies SPDF-FC-CACHE
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FINDINGS_CACHE_FILE, MAX_STORED_FINDINGS, workspaceOnly } from '../../src/node/findings-cache';
import { sealBytes, unsealBytes } from '../../src/node/sealed-bytes';
import { RULES } from '../../src/core/rules/registry';
import { runCli, tempWorkspace } from '../support/cli';

const MODEL = `requirements:
  # spdf-disable-next-line RQ002 -- verified on the bench
  - id: GEN-REQ-1
    title: One
    text: The pump shall stop.
    verification: [test]
  - id: GEN-REQ-2
    title: Two
    text: The pump shall alarm.
    code: [docs/*.md]
  # spdf-disable-next-line RQ003 -- derived from the bench plan
  - id: GEN-REQ-3
    text: The pump shall log.
    verification: [test]
    # spdf-disable-next-line RQ003 -- nothing to report here
    title: Three
`;

/** Suppressions of a code rule (RQ002) and of workspace-only rules (RQ003, one of them unused: TM010). */
const workspace = () =>
  tempWorkspace({
    'spdf.config.yaml': 'code:\n  tag_syntaxes: [spdf]\n',
    'model/req.spdf.yaml': MODEL,
    'src/pump.py': 'def stop():\n    # @spdf implements GEN-REQ-1\n    return 1\n',
    'tests/test_pump.py': 'def test_log():\n    # @spdf verifies GEN-REQ-3\n    assert True\n',
  });

const MAGIC = Buffer.from('spdf-findings-cache/3\n');

const edit = (root: string, file: string, change: (text: string) => string) => writeFileSync(join(root, file), change(readFileSync(join(root, file), 'utf8')));

const RUNS = [
  ['lint', '--format', 'json'],
  ['check', '--format', 'json'],
];

async function answers(root: string, cache: string): Promise<string> {
  const out: string[] = [];
  for (const args of RUNS) {
    const r = await runCli([...args, '--cache-location', cache], root);
    out.push(`${args[0]} exit ${r.code}\n${r.stdout}\n${r.stderr}`);
  }
  return out.join('\n');
}

/** Whether the run rewrote the findings file (a miss stores the new findings; a hit leaves the file alone). */
async function rewritten(cache: string, run: () => Promise<string>): Promise<{ out: string; rewritten: boolean }> {
  const file = join(cache, FINDINGS_CACHE_FILE);
  const old = new Date(Date.now() - 3_600_000);
  utimesSync(file, old, old);
  const before = statSync(file).mtimeMs;
  const out = await run();
  return { out, rewritten: statSync(file).mtimeMs !== before };
}

const MUTATIONS: { input: string; change: (root: string) => void; miss: boolean }[] = [
  { input: 'a model file', miss: true, change: (r) => edit(r, 'model/req.spdf.yaml', (t) => t.replace('title: One', 'title: One\n    derived_from: [GEN-REQ-2]')) },
  { input: 'the config', miss: true, change: (r) => edit(r, 'spdf.config.yaml', (t) => `${t}rules:\n  RQ003: error\n`) },
  { input: 'an added model file', miss: true, change: (r) => writeFileSync(join(r, 'model/more.spdf.yaml'), 'requirements:\n  - id: GEN-REQ-9\n    text: More.\n') },
  { input: 'a removed model file', miss: true, change: (r) => rmSync(join(r, 'model/req.spdf.yaml')) },
  { input: 'the listing (a file a code glob of the model names)', miss: true, change: (r) => (mkdirSync(join(r, 'docs')), writeFileSync(join(r, 'docs', 'alarm.md'), '# Alarm\n')) },
  {
    input: 'a source file (a suppression of a code rule turns unused)',
    miss: false,
    change: (r) => edit(r, 'tests/test_pump.py', (t) => `${t}\n\ndef test_stop():\n    # @spdf verifies GEN-REQ-1\n    assert True\n`),
  },
  { input: 'a source file (a tag names an unknown ID)', miss: false, change: (r) => edit(r, 'src/pump.py', (t) => t.replace('GEN-REQ-1', 'GEN-REQ-77')) },
  {
    input: 'a damaged findings file',
    miss: true,
    change: () => undefined,
  },
];

describe('findings cache (rules that read only the workspace)', () => {
  it('caches exactly the rules whose needs are the model, the config and the listing', () => {
    const cached = RULES.filter(workspaceOnly).map((r) => r.meta.code);
    assert.ok(cached.includes('RQ003') && cached.includes('RQ006') && cached.includes('VT002'));
    for (const code of ['CL001', 'RQ002', 'TM007', 'TM012', 'CL006']) assert.ok(!cached.includes(code), code);
  });

  for (const m of MUTATIONS) {
    it(`after a changed ${m.input}, lint and check answer as a cold run does (${m.miss ? 'a miss' : 'a hit'})`, async function () {
      this.timeout(60_000);
      const root = workspace();
      const cache = mkdtempSync(join(tmpdir(), 'spdf-findings-cache-'));
      const first = await answers(root, cache);
      assert.ok(existsSync(join(cache, FINDINGS_CACHE_FILE)), 'the first run stored the findings');
      assert.equal((await rewritten(cache, () => answers(root, cache))).rewritten, false, 'an unchanged workspace is a hit');
      m.change(root);
      if (m.input === 'a damaged findings file') {
        const file = join(cache, FINDINGS_CACHE_FILE);
        const bytes = readFileSync(file);
        bytes[bytes.length - 5] ^= 1;
        writeFileSync(file, bytes);
      }
      const after = await rewritten(cache, () => answers(root, cache));
      assert.equal(after.rewritten, m.miss, m.miss ? 'the change is a miss' : 'a source change reuses the findings');
      assert.equal(after.out, await answers(root, mkdtempSync(join(tmpdir(), 'spdf-findings-cold-'))), 'the answer is the cold answer');
      if (m.input !== 'a damaged findings file') assert.notEqual(after.out, first, 'the change changed the answer (else this case proves nothing)');
      if (m.input.includes('unused')) assert.match(after.out, /unused suppression: RQ002/);
    });
  }

  it('never reads a cache folder inside the workspace (a planted findings file with no findings changes nothing)', async function () {
    this.timeout(60_000);
    const root = workspace();
    const outside = mkdtempSync(join(tmpdir(), 'spdf-findings-cache-'));
    mkdirSync(join(root, '.cache'));
    writeFileSync(join(root, '.cache', FINDINGS_CACHE_FILE), '');
    const reference = await answers(root, outside);
    assert.match(reference, /has no source/);
    const file = join(outside, FINDINGS_CACHE_FILE);
    const stored = JSON.parse(unsealBytes(MAGIC, readFileSync(file))!.toString('utf8')) as { key: string; outcomes: Record<string, { findings: unknown[] }> };
    for (const outcome of Object.values(stored.outcomes)) outcome.findings = [];
    writeFileSync(join(root, '.cache', FINDINGS_CACHE_FILE), sealBytes(MAGIC, Buffer.from(JSON.stringify(stored))));
    assert.equal(await answers(root, join(root, '.cache')), reference);
    writeFileSync(file, sealBytes(MAGIC, Buffer.from(JSON.stringify(stored))));
    assert.doesNotMatch(await answers(root, outside), /has no source/, 'the forged file is read where it is trusted (else this case proves nothing)');
  });

  it('on the example (CycloneDX SBOMs validated), a changed SBOM is a miss and answers as a cold run does', async function () {
    this.timeout(60_000);
    const root = join(mkdtempSync(join(tmpdir(), 'spdf-findings-ws-')), 'ws');
    cpSync(join(__dirname, '..', '..', 'examples', 'infusion-pump'), root, { recursive: true });
    const cache = mkdtempSync(join(tmpdir(), 'spdf-findings-cache-'));
    const first = await answers(root, cache);
    assert.equal((await rewritten(cache, () => answers(root, cache))).rewritten, false, 'an unchanged workspace is a hit');
    edit(root, 'sbom/lvp-gateway.cdx.json', (t) => t.replace('"components"', '"components_"'));
    const after = await rewritten(cache, () => answers(root, cache));
    assert.ok(after.rewritten, 'the change is a miss');
    assert.equal(after.out, await answers(root, mkdtempSync(join(tmpdir(), 'spdf-findings-cold-'))));
    assert.notEqual(after.out, first);
  });

  it(`does not store a rule with more than ${MAX_STORED_FINDINGS} findings (cheaper to run than to read back), and answers as a cold run does`, async function () {
    this.timeout(60_000);
    const many = Array.from({ length: MAX_STORED_FINDINGS + 1 }, (_, i) => `  - id: GEN-REQ-${i + 10}\n    title: Many ${i}\n    text: The pump shall log.\n`).join('');
    const root = workspace();
    writeFileSync(join(root, 'model/many.spdf.yaml'), `requirements:\n${many}`);
    const cache = mkdtempSync(join(tmpdir(), 'spdf-findings-cache-'));
    const first = await answers(root, cache);
    assert.match(first, /GEN-REQ-1010' has no source/, 'RQ003 reports every requirement (else this case proves nothing)');
    const stored = JSON.parse(unsealBytes(MAGIC, readFileSync(join(cache, FINDINGS_CACHE_FILE)))!.toString('utf8')) as { outcomes: Record<string, unknown> };
    assert.ok(!Object.hasOwn(stored.outcomes, 'RQ003'), 'RQ003 is not stored');
    assert.ok(Object.hasOwn(stored.outcomes, 'RQ006'), 'the other workspace-only rules are');
    edit(root, 'src/pump.py', (t) => t.replace('GEN-REQ-1', 'GEN-REQ-77'));
    const after = await rewritten(cache, () => answers(root, cache));
    assert.equal(after.rewritten, false, 'the stored rules answered; RQ003 ran again and is still not stored');
    assert.equal(after.out, await answers(root, mkdtempSync(join(tmpdir(), 'spdf-findings-cold-'))), 'the answer is the cold answer');
  });
});
