// @spdf verifies SPDF-FC-CACHE
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(__dirname, '..', '..', 'dist', 'cli.js');
const EXAMPLE = join(__dirname, '..', '..', 'examples', 'infusion-pump');

/** The built CLI on the example (C and Python parsed, CVSS scored through its chunk), with its own user cache folder. */
function run(userCache: string, ...extra: string[]): string {
  return runCommand('check', userCache, ...extra);
}

function runCommand(command: string, userCache: string, ...extra: string[]): string {
  const results = mkdtempSync(join(tmpdir(), 'spdf-results-'));
  try {
    const r = spawnSync(process.execPath, [CLI, command, '--format', 'json', '--cache-location', results, ...extra], {
      cwd: EXAMPLE,
      encoding: 'utf8',
      env: { ...process.env, XDG_CACHE_HOME: userCache },
    });
    return `exit ${r.status}\n${r.stdout}\n${r.stderr}`;
  } finally {
    rmSync(results, { recursive: true, force: true });
  }
}

const codeEntries = (userCache: string) => readdirSync(join(userCache, 'spdf-workbench', 'code-v1')).map((f) => join(userCache, 'spdf-workbench', 'code-v1', f));

describe('the built CLI with the V8 code cache of its commands', () => {
  it('answers byte for byte as without it, when it writes the cache, when it uses it and when the entry is damaged', function () {
    this.timeout(120_000);
    const userCache = mkdtempSync(join(tmpdir(), 'spdf-user-cache-'));
    try {
      const reference = run(userCache, '--no-cache');
      assert.throws(() => codeEntries(userCache), 'no code cache with --no-cache');
      assert.match(run(userCache, '--untrusted'), /^exit [01]\n/);
      assert.throws(() => codeEntries(userCache), 'no code cache with --untrusted (no cache at all)');
      assert.equal(run(userCache), reference, 'the run that writes the code cache');
      const [entry] = codeEntries(userCache);
      const written = statSync(entry).mtimeMs;
      assert.equal(run(userCache), reference, 'the run that uses the code cache');
      assert.equal(statSync(entry).mtimeMs, written, 'a used entry is not written again');
      const damaged = readFileSync(entry);
      damaged[damaged.length >> 1] ^= 0xff;
      writeFileSync(entry, damaged);
      assert.equal(run(userCache), reference, 'the run after the entry was damaged');
      assert.ok(!readFileSync(entry).equals(damaged), 'a damaged entry is written again');
    } finally {
      rmSync(userCache, { recursive: true, force: true });
    }
  });

  it("keeps the cache valid for links, whose run raises V8's interrupt budget after the compile and sets it back before the store", function () {
    this.timeout(120_000);
    const userCache = mkdtempSync(join(tmpdir(), 'spdf-user-cache-'));
    try {
      const reference = runCommand('links', userCache, '--no-cache');
      assert.equal(runCommand('links', userCache), reference, 'the run that writes the code cache');
      const [entry] = codeEntries(userCache);
      const written = statSync(entry).mtimeMs;
      assert.equal(runCommand('links', userCache), reference, 'the run that uses the code cache');
      // A flag left raised at the store would make V8 reject the entry on the next start, which then writes it again.
      assert.equal(statSync(entry).mtimeMs, written, 'a used entry is not written again');
      assert.equal(runCommand('links', userCache), reference);
      assert.equal(statSync(entry).mtimeMs, written, 'nor on the run after');
    } finally {
      rmSync(userCache, { recursive: true, force: true });
    }
  });
});
