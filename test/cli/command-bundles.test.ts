// @spdf verifies SPDF-FC-RESULT-CACHE, SPDF-CLI-001
import assert from 'node:assert/strict';
import { isAscii } from 'node:buffer';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandBundle } from '../../src/node/code-cache';
import { runCli } from '../support/cli';

const DIST = join(__dirname, '..', '..', 'dist');
const EXAMPLE = join(__dirname, '..', '..', 'examples', 'infusion-pump');

/** The built CLI at `cli` in the example, with a user cache folder of its own; exit code, stdout and stderr. */
function built(cli: string, userCache: string, args: string[]): string {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: EXAMPLE, encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: userCache } });
  return `exit ${r.status}\n${r.stdout}\n${r.stderr}`;
}

/** The same command run in process from the sources (`main.ts`, which dispatches every command). */
async function fromSource(args: string[]): Promise<string> {
  const r = await runCli(args, EXAMPLE);
  return `exit ${r.code}\n${r.stdout}${r.stdout ? '\n' : ''}\n${r.stderr}${r.stderr ? '\n' : ''}`;
}

describe('the commands with a bundle of their own', () => {
  let userCache: string;
  beforeEach(() => (userCache = mkdtempSync(join(tmpdir(), 'spdf-user-cache-'))));
  afterEach(() => rmSync(userCache, { recursive: true, force: true }));

  it('are links and check, each in its own file; every other command runs from the commands bundle', () => {
    assert.equal(commandBundle('links'), 'cli-links.js');
    assert.equal(commandBundle('check'), 'cli-check.js');
    for (const other of ['lint', 'trace', 'review', 'help', 'toString', undefined]) assert.equal(commandBundle(other), 'cli-main.js');
    assert.notEqual(statSync(join(DIST, 'cli-links.js')).size, statSync(join(DIST, 'cli-main.js')).size);
  });

  it('leave out of cli-links.js what `links` does not run: the rules but those whose severity it shows, the lint engine, the findings cache, the tool manifest', () => {
    const text = readFileSync(join(DIST, 'cli-links.js'), 'latin1');
    const modules = [...text.matchAll(/^\/\/ (src\/\S+\.ts)$/gm)].map((m) => m[1]);
    const rules = modules.flatMap((m) => /^src\/core\/rules\/\w+\/([a-z]{2}\d{3})-/.exec(m)?.[1].toUpperCase() ?? []);
    assert.deepEqual(rules.sort(), ['CL009', 'CL013', 'CL014', 'SB007', 'TM000', 'TM006', 'TM008', 'TM009', 'TM013', 'TM014']);
    for (const m of ['src/core/rules/registry.ts', 'src/core/rules/engine.ts', 'src/node/findings-cache.ts', 'src/node/code-suppressions.ts', 'src/node/git-dates.ts'])
      assert.ok(!modules.includes(m), m);
    assert.ok(modules.includes('src/node/load-path.ts'));
    assert.doesNotMatch(text, /"contributes"/, 'the whole package.json');
  });

  it('are all ASCII, so the code cache loader decodes them without a UTF-8 pass', () => {
    for (const bundle of ['cli-main.js', 'cli-links.js', 'cli-check.js']) assert.ok(isAscii(readFileSync(join(DIST, bundle))), bundle);
  });

  for (const args of [
    ['links', '--format', 'json'],
    ['links'],
    ['check', '--format', 'json'],
    ['check', '--fail-on-status', 'MISSING'],
    ['links', '--help'],
    ['check', '--format', 'jsno'],
    ['links', '--bogus'],
  ])
    it(`answer \`spdf ${args.join(' ')}\` byte for byte as the commands of main.ts`, async function () {
      this.timeout(60_000);
      assert.equal(built(join(DIST, 'cli.js'), userCache, [...args, '--no-cache']), await fromSource([...args, '--no-cache']));
    });

  for (const [command, bundle] of [
    ['links', 'cli-links.js'],
    ['check', 'cli-check.js'],
    ['lint', 'cli-main.js'],
  ])
    it(`a stored answer of \`spdf ${command}\` is not replayed once ${bundle} changed, even to the same size and time`, function () {
      this.timeout(120_000);
      const dist = mkdtempSync(join(tmpdir(), 'spdf-dist-'));
      const results = mkdtempSync(join(tmpdir(), 'spdf-results-'));
      try {
        cpSync(DIST, dist, { recursive: true });
        const file = join(dist, bundle);
        const when = new Date(Math.floor(statSync(file).mtimeMs / 1000) * 1000);
        utimesSync(file, when, when);
        const args = [command, '--format', 'json', '--cache-location', results];
        const first = built(join(dist, 'cli.js'), userCache, args);
        assert.equal(built(join(dist, 'cli.js'), userCache, args), first, 'the stored answer');
        // The comment that opens the bundle's entry module becomes a statement of the same length that prints a line.
        const text = readFileSync(file, 'latin1');
        const entry = text.match(/^\/\/ src\/cli\/[\w-]+\.ts$/m);
        assert.ok(entry && entry[0].length >= 16, `${bundle} names its entry module`);
        writeFileSync(file, text.replace(entry[0], 'console.log(7);'.padEnd(entry[0].length)), 'latin1');
        utimesSync(file, when, when);
        assert.equal(statSync(file).size, Buffer.byteLength(text, 'latin1'));
        assert.equal(built(join(dist, 'cli.js'), userCache, args), first.replace(/^exit (\d)\n/, 'exit $1\n7\n'), 'the changed bundle ran');
      } finally {
        rmSync(dist, { recursive: true, force: true });
        rmSync(results, { recursive: true, force: true });
      }
    });
});
