// @spdf implements SPDF-SELF-001
// The project's own trace gate, run by `npm test` after mocha wrote its JUnit results:
// the built CLI checks the repository at 100 % and fails on any ERROR, MISSING or SUSPECT item.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const junit = join(root, 'out', 'junit', 'mocha.xml');

// Without result files the gate counts a verifier without a result as passing, so the results of this run must be there
// (with them, every tagged test file takes its cases by the file attribute mocha's xunit reporter writes).
if (!existsSync(junit)) fail(`no JUnit results at out/junit/mocha.xml: run mocha with test/support/dot-and-junit.cjs first`);
const head = readFileSync(junit, 'utf8').match(/<testsuite\b[^>]*>/)?.[0] ?? '';
const count = (name) => Number(head.match(new RegExp(`\\b${name}="(\\d+)"`))?.[1] ?? NaN);
if (!(count('tests') > 0) || count('failures') !== 0 || count('errors') !== 0) fail(`out/junit/mocha.xml does not record a passing run: ${head}`);

const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'check', root, '--min-coverage', '100', '--fail-on-status', 'ERROR,MISSING,SUSPECT', '--test-results', 'out/junit/*.xml'], {
  cwd: root,
  stdio: 'inherit',
});
if (r.status !== 0) fail('self-trace gate failed (after a deliberate code change: review the links, `node dist/cli.js review --all`)');
process.exit(0);

function fail(message) {
  console.error(`self-check: ${message}`);
  process.exit(1);
}
