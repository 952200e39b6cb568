import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm run demo`: lints the bundled example with the built CLI, shows the findings, and exits 0
 * only when they are exactly the documented ones (examples/infusion-pump/expected-findings.json).
 */
const root = join(__dirname, '..');
const example = join(root, 'examples', 'infusion-pump');
const cli = join(root, 'dist', 'cli.js');

const human = spawnSync(process.execPath, [cli, 'lint', example], { encoding: 'utf8', cwd: root });
process.stdout.write(human.stdout);
process.stderr.write(human.stderr);
const json = spawnSync(process.execPath, [cli, 'lint', example, '--format', 'json'], { encoding: 'utf8', cwd: root });
if (json.status === 2) {
  console.error('demo: spdf lint failed with a usage or internal error');
  process.exit(2);
}
type F = { code: string; file: string; line: number; column: number };
const key = (f: F) => `${f.file}:${f.line}:${f.column} ${f.code}`;
const actual = (JSON.parse(json.stdout) as { findings: F[] }).findings.map(key).sort();
const expected = (JSON.parse(readFileSync(join(example, 'expected-findings.json'), 'utf8')) as { findings: F[] }).findings.map(key).sort();
const missing = expected.filter((k) => !actual.includes(k));
const extra = actual.filter((k) => !expected.includes(k));
if (missing.length || extra.length) {
  for (const k of missing) console.error(`demo: expected but not reported: ${k}`);
  for (const k of extra) console.error(`demo: reported but not documented: ${k}`);
  process.exit(1);
}
console.log(`\ndemo: the ${actual.length} findings are exactly the documented defects (examples/infusion-pump/README.md); spdf exits ${human.status} on them, as CI would.`);
