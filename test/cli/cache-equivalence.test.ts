// @spdf verifies SPDF-FC-CACHE, SPDF-FC-RESULT-CACHE
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runBinary } from '../support/derived-replay';
import { main } from '../../src/cli/main';
import { evict, MAX_RESULT_ENTRIES, RESULT_CACHE_DIR, resultCachePlan, runWithResultCache, type ResultCacheStats } from '../../src/node/result-cache';
import { runCli, tempWorkspace } from '../support/cli';
import { gitRepo } from '../support/git-repo';

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
      assert.ok(written.some((f) => f.startsWith('codelinks-')) && written.some((f) => f.startsWith('findings-')), `the cold run wrote both caches: ${written.join(', ')}`);
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

/** The CLI as the `spdf` binary runs it: through the whole-result cache. */
async function runCached(args: string[], cwd: string): Promise<{ out: string; hit: boolean; stored: boolean; why?: string }> {
  const { out, stats } = await runBinary(args, cwd);
  return { out, hit: stats.hit === true, stored: stats.hit === false && stats.notStored === undefined, why: stats.notStored };
}

/** A cold run's answer (fresh caches, no result cache), in runCached's shape. */
async function coldOf(args: string[], cwd: string): Promise<string> {
  const out: string[] = [];
  const prev = process.cwd();
  process.chdir(cwd);
  try {
    const fresh = [...args.filter((a, i) => a !== '--cache-location' && args[i - 1] !== '--cache-location'), '--cache-location', mkdtempSync(join(tmpdir(), 'spdf-cold-'))];
    const code = await main(fresh, { out: (l) => out.push(`1 ${l}`), err: (l) => out.push(`2 ${l}`), color: false });
    return `exit ${code}\n${out.join('\n')}`;
  } finally {
    process.chdir(prev);
  }
}

const edit = (root: string, file: string, change: (text: string) => string) => writeFileSync(join(root, file), change(readFileSync(join(root, file), 'utf8')));
const CHECK = ['check', '--format', 'json'];
const FIRST_REQ = /requirements:\n/;

/** Each kind of input, changed after a warm run: the answer must be the cold answer of the changed workspace. */
const MUTATIONS: { input: string; args?: string[]; env?: Record<string, string>; change: (root: string) => string[] | void }[] = [
  {
    input: 'a model YAML file',
    change: (r) => edit(r, 'model/requirements.spdf.yaml', (t) => t.replace(FIRST_REQ, 'requirements:\n  - id: SEC-REQ-999\n    title: Added\n    text: The pump shall log.\n')),
  },
  { input: 'a source file', change: (r) => edit(r, 'firmware/src/alarm/alarm_manager.c', (t) => t.replace('SEC-REQ-016', 'SEC-REQ-0160')) },
  { input: 'a source file grown past the size limit', change: (r) => edit(r, 'firmware/src/alarm/alarm_manager.c', (t) => t + `/*${' '.repeat(2 * 1024 * 1024)}*/\n`) },
  { input: 'the config', change: (r) => edit(r, 'spdf.config.yaml', (t) => t.replace('rules: {}', 'rules:\n  TM002: off\n  LK001: off')) },
  { input: 'an ignore file', change: (r) => writeFileSync(join(r, '.gitignore'), 'firmware/src/alarm/\n') },
  { input: 'the review lock', change: (r) => edit(r, 'spdf.lock.json', (t) => t.replace('2a08c51b941f67a7', '2a08c51b941f67a8')) },
  { input: 'a JUnit result', change: (r) => edit(r, 'evidence/unit/gateway-pytest.xml', (t) => t.replace(/<testcase ([^>]*)\/>/, '<testcase $1><failure message="broken"/></testcase>')) },
  { input: 'an SBOM', change: (r) => edit(r, 'sbom/lvp-gateway.cdx.json', (t) => t.replace('"components"', '"components_"')) },
  { input: 'a VEX file', change: (r) => edit(r, 'sbom/lvp300.vex.cdx.json', (t) => t.replace('{', '{,')) },
  { input: 'a baseline', args: ['--baseline', 'base.json'], change: (r) => writeFileSync(join(r, 'base.json'), '{"version": 1, "entries": []}\n') },
  { input: 'an added file', change: (r) => writeFileSync(join(r, 'firmware/src/added.c'), '// @spdf implements SEC-REQ-404\nint added(void) { return 1; }\n') },
  { input: 'a removed file', change: (r) => rmSync(join(r, 'firmware/src/alarm/alarm_manager.c')) },
  { input: 'an option', change: () => [...CHECK, '--min-coverage', '10'] },
  { input: 'the format', change: () => ['check', '--format', 'human'] },
  { input: 'an environment variable', args: ['trace', '--format', 'reqif'], env: { SOURCE_DATE_EPOCH: '1700000000' }, change: () => void (process.env.SOURCE_DATE_EPOCH = '1800000000') },
];

describe('the whole-result cache replays an answer only when every input reads the same', () => {
  const saved = { ...process.env };
  before(async function () {
    this.timeout(120_000);
    // Loads every module once: the first run of a process loads some lazily (and tsx reads the clock doing so).
    const scratch = copyOfExample();
    for (const args of [CHECK, ['lint'], ['links'], ['trace', '--format', 'json']]) await runCached([...args, '--cache-location', join(scratch, '..', 'scratch-cache')], scratch);
  });
  afterEach(() => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  });

  for (const m of MUTATIONS) {
    it(`a changed ${m.input} gives the cold answer of the changed workspace`, async function () {
      this.timeout(60_000);
      Object.assign(process.env, m.env ?? {});
      const root = copyOfExample();
      const cache = ['--cache-location', mkdtempSync(join(tmpdir(), 'spdf-result-cache-'))];
      const args = [...(m.args?.[0] === 'trace' ? m.args : [...CHECK, ...(m.args ?? [])]), ...cache];
      if (m.input === 'a baseline') writeFileSync(join(root, 'base.json'), (await runCli(['baseline', '--output', 'base.json', '--cache-location', cache[1]], root)).stdout);
      const first = await runCached(args, root);
      assert.ok(first.stored, `the first run was stored (${first.why})`);
      const warm = await runCached(args, root);
      assert.ok(warm.hit, 'an unchanged workspace is a hit');
      assert.equal(warm.out, first.out, 'a hit replays the stored answer byte for byte');
      const changedArgs = m.change(root);
      const next = changedArgs ? [...changedArgs, ...cache] : args;
      const after = await runCached(next, root);
      assert.ok(!after.hit, 'the change is a miss');
      assert.equal(after.out, await coldOf(next, root), 'the answer is the cold answer of the changed workspace');
      assert.notEqual(after.out, first.out, 'the change changed the answer (else this case proves nothing)');
    });
  }

  it("a go.mod's changed module line gives the cold answer (gotestsum's short name of the root package)", async function () {
    this.timeout(60_000);
    const root = tempWorkspace({
      'spdf.config.yaml': 'version: 1\ntest_results: ["reports/*.xml"]\nevidence: { requirement: { implementation: false, verification: true } }\nrules: { RQ003: off }\n',
      'model/req.spdf.yaml': 'requirements:\n  - {id: REQ-001, title: Reject unsigned commands, verification: [test]}\n',
      'go.mod': 'module example.com/acme/dose\n',
      'root_test.go': '// @spdf verifies REQ-001\npackage pump\n\nimport "testing"\n\nfunc TestRejects(t *testing.T) {}\n',
      'reports/junit.xml': '<testsuite><testcase classname="pump" name="TestRejects"><failure/></testcase></testsuite>\n',
    });
    const args = [...CHECK, '--cache-location', mkdtempSync(join(tmpdir(), 'spdf-result-cache-'))];
    const first = await runCached(args, root);
    assert.ok(first.stored, first.why);
    assert.ok((await runCached(args, root)).hit, 'an unchanged workspace is a hit');
    // The same size and listing: only the go.mod's bytes differ.
    edit(root, 'go.mod', (t) => t.replace('dose', 'pump'));
    const after = await runCached(args, root);
    assert.ok(!after.hit, 'the change is a miss');
    assert.equal(after.out, await coldOf(args, root));
    assert.notEqual(after.out, first.out, 'the root package is now `pump`: its failed case fails REQ-001');
  });

  it('changed git history (file dates) gives the cold answer', async function () {
    this.timeout(60_000);
    const repo = gitRepo(EXAMPLE);
    edit(repo.root, 'spdf.config.yaml', (t) => t.replace('rules: {}', 'rules:\n  TM007: warning'));
    rmSync(join(repo.root, 'firmware'), { recursive: true });
    repo.commit('model', 'model and the rest');
    cpSync(join(EXAMPLE, 'firmware'), join(repo.root, 'firmware'), { recursive: true });
    repo.commit('code', 'code, the same day');
    const args = ['lint', '--format', 'json', '--cache-location', mkdtempSync(join(tmpdir(), 'spdf-result-cache-'))];
    const first = await runCached(args, repo.root);
    assert.ok(first.stored, first.why);
    const warm = await runCached(args, repo.root);
    assert.ok(warm.hit, warm.why);
    // The same bytes, committed a year later: only `git log` answers differently.
    execFileSync('git', ['commit', '-q', '--amend', '--no-edit', '--no-gpg-sign'], {
      cwd: repo.root,
      env: { ...process.env, GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.invalid', GIT_COMMITTER_DATE: '2027-06-01T00:00:00Z', GIT_CONFIG_GLOBAL: '/dev/null' },
    });
    const after = await runCached(args, repo.root);
    assert.ok(!after.hit);
    assert.equal(after.out, await coldOf(args, repo.root));
    assert.match(after.out, /TM007/, 'the later code makes the model stale');
    assert.notEqual(after.out, first.out);
  });

  it('a git work tree without a review lock is replayed, and a committed lock deleted is a miss with the cold answer', async function () {
    this.timeout(60_000);
    const repo = gitRepo(EXAMPLE);
    rmSync(join(repo.root, 'spdf.lock.json'));
    repo.commit('nolock', 'no review lock');
    const args = [...CHECK, '--cache-location', mkdtempSync(join(tmpdir(), 'spdf-result-cache-'))];
    const first = await runCached(args, repo.root);
    assert.ok(first.stored, first.why);
    assert.ok((await runCached(args, repo.root)).hit, 'asking git whether a lock is committed keeps the answer replayable');
    cpSync(join(EXAMPLE, 'spdf.lock.json'), join(repo.root, 'spdf.lock.json'));
    repo.commit('lock', 'the review lock');
    rmSync(join(repo.root, 'spdf.lock.json'));
    const after = await runCached(args, repo.root);
    assert.ok(!after.hit);
    assert.equal(after.out, await coldOf(args, repo.root));
    assert.match(after.out, /committed at HEAD but missing/);
  });

  it('another build of the tool is a miss', async function () {
    this.timeout(60_000);
    const root = copyOfExample();
    const cache = mkdtempSync(join(tmpdir(), 'spdf-result-cache-'));
    const plan = resultCachePlan(CHECK, false, cache)!;
    const o = { out: () => undefined, err: () => undefined };
    const run = () => Promise.resolve(7);
    const prev = process.cwd();
    process.chdir(root);
    try {
      const stats: Partial<ResultCacheStats> = {};
      await runWithResultCache(plan, o, () => Promise.resolve(1), stats);
      const other = { ...plan, key: plan.key.replace(/"tool":"[^"]*"/, '"tool":"spdf-workbench@9.9.9+0"') };
      assert.notEqual(other.key, plan.key);
      assert.equal(await runWithResultCache(other, o, run, stats), 7, 'another build runs the command');
      assert.equal(stats.hit, false);
      assert.equal(await runWithResultCache(plan, o, run, stats), 1, 'the same build replays');
    } finally {
      process.chdir(prev);
    }
  });

  for (const damage of ['corrupt', 'truncated', 'empty'] as const) {
    it(`a ${damage} entry is a miss that gives the cold answer`, async function () {
      this.timeout(60_000);
      const root = copyOfExample();
      const cache = mkdtempSync(join(tmpdir(), 'spdf-result-cache-'));
      const args = [...CHECK, '--cache-location', cache];
      const first = await runCached(args, root);
      assert.ok(first.stored, first.why);
      const dir = join(cache, RESULT_CACHE_DIR);
      for (const f of readdirSync(dir)) {
        const bytes = readFileSync(join(dir, f));
        if (damage === 'corrupt') bytes[bytes.length - 10] ^= 1;
        writeFileSync(join(dir, f), damage === 'corrupt' ? bytes : bytes.subarray(0, damage === 'empty' ? 0 : bytes.length >> 1));
      }
      const after = await runCached(args, root);
      assert.ok(!after.hit, 'the damaged entry is not used');
      assert.equal(after.out, first.out);
      assert.ok((await runCached(args, root)).hit, 'the entry was rewritten');
    });
  }

  it('a run that reads the clock or writes a file is not stored', async function () {
    this.timeout(60_000);
    delete process.env.SOURCE_DATE_EPOCH;
    const root = copyOfExample();
    const cache = ['--cache-location', mkdtempSync(join(tmpdir(), 'spdf-result-cache-'))];
    for (const args of [
      ['trace', '--format', 'reqif'],
      ['trace', '--format', 'json', '--output', 'out.json'],
    ]) {
      for (let i = 0; i < 2; i++) {
        const r = await runCached([...args, ...cache], root);
        assert.ok(!r.hit && !r.stored, `spdf ${args.join(' ')} is never stored`);
      }
    }
  });

  it('never replays an answer from a cache folder inside the workspace or the current folder (it could come with the repository)', async function () {
    this.timeout(120_000);
    const root = copyOfExample();
    const sub = join(root, 'docs-sub');
    mkdirSync(sub);
    const away = mkdtempSync(join(tmpdir(), 'spdf-away-'));
    const named = (location: string) => ['check', '--cache-location', location, root, '--format', 'json'];
    const cases: { cwd: string; args: string[]; location: string }[] = [
      { cwd: root, args: [...CHECK, '--cache-location', join(root, '.cache')], location: join(root, '.cache') },
      { cwd: sub, args: [...CHECK, '--cache-location', '../.cache'], location: '../.cache' },
      { cwd: away, args: named(join(root, '.cache')), location: join(root, '.cache') },
      { cwd: away, args: ['check', `--cache-location=${join(root, '.cache2')}`, root, '--format', 'json'], location: join(root, '.cache2') },
    ];
    const control = await runCached([...CHECK, '--cache-location', join(root, '..', 'outside-cache')], root);
    assert.equal(control.hit, false, 'the control run is a cold run');
    for (const c of cases) {
      const args = c.args;
      const prev = process.cwd();
      process.chdir(c.cwd);
      const plan = resultCachePlan(args, false, c.location);
      process.chdir(prev);
      assert.ok(plan);
      const planted = Buffer.from(JSON.stringify({ key: plan.key, inputs: [], output: [[0, 'PLANTED PASS']], exit: 0 }));
      mkdirSync(join(plan.base, RESULT_CACHE_DIR), { recursive: true });
      const file = join(plan.base, RESULT_CACHE_DIR, `${createHash('sha256').update(plan.key).digest('hex').slice(0, 40)}.bin`);
      writeFileSync(file, Buffer.concat([Buffer.from('spdf-result-cache/1\n'), createHash('sha256').update(planted).digest(), planted]));
      const run = await runCached(args, c.cwd);
      assert.equal(run.hit, false, `${c.cwd} ${args.join(' ')}`);
      assert.doesNotMatch(run.out, /PLANTED/);
      assert.equal(run.out, control.out);
    }
  });

  it('keeps at most MAX_RESULT_ENTRIES entries, dropping the least recently used', () => {
    const dir = mkdtempSync(join(tmpdir(), 'spdf-result-evict-'));
    for (let i = 0; i < MAX_RESULT_ENTRIES + 3; i++) {
      writeFileSync(join(dir, `${i}.bin`), 'x');
      utimesSync(join(dir, `${i}.bin`), 1000 + i, 1000 + i);
    }
    evict(dir);
    const left = readdirSync(dir);
    assert.equal(left.length, MAX_RESULT_ENTRIES);
    assert.ok(!left.includes('0.bin') && left.includes(`${MAX_RESULT_ENTRIES + 2}.bin`));
  });
});

function copyOfExample(): string {
  const root = join(mkdtempSync(join(tmpdir(), 'spdf-result-ws-')), 'ws');
  cpSync(EXAMPLE, root, { recursive: true });
  return root;
}
