// Runs headless Neovim against the built server on examples/infusion-pump and compares the diagnostics of
// one YAML file and one C file with examples/infusion-pump/expected-findings.json (code, line, column).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '..', '..', '..');
const example = join(repo, 'examples', 'infusion-pump');
const art = join(repo, 'test', 'e2e', '.artifacts');
mkdirSync(art, { recursive: true });
const expected = JSON.parse(readFileSync(join(example, 'expected-findings.json'), 'utf8')).findings;
const byFile = new Map();
for (const f of expected) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
const yaml = [...byFile.keys()].find((f) => f.endsWith('.yaml'));
// The C file: one with documented findings, else a tagged C file (which must then stay clean).
let c = [...byFile.keys()].find((f) => /\.c$/.test(f));
if (!c) {
  const ls = spawnSync('git', ['ls-files', '*.c'], { cwd: example, encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  c = ls.find((f) => readFileSync(join(example, f), 'utf8').includes('@spdf') && !expected.some((e) => e.file === f));
}
if (!yaml || !c) {
  console.error(`neovim: cannot pick files (yaml=${yaml}, c=${c})`);
  process.exit(1);
}
const files = [yaml, c];
const out = join(art, 'neovim-diagnostics.json');
const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '--noplugin', '-c', `luafile ${join(repo, 'test', 'e2e', 'neovim', 'check.lua')}`], {
  env: {
    ...process.env,
    SPDF_SERVER: join(repo, 'dist', 'server.js'),
    SPDF_ROOT: example,
    SPDF_FILES: files.join(','),
    SPDF_COUNTS: files.map((f) => (byFile.get(f) ?? []).length).join(','),
    SPDF_OUT: out,
    XDG_STATE_HOME: join(art, 'nvim-state'),
    XDG_DATA_HOME: join(art, 'nvim-data'),
  },
  encoding: 'utf8',
  timeout: 180000,
});
if (!existsSync(out)) {
  console.error(`neovim produced no result (status ${r.status}, signal ${r.signal})\n${r.stdout}\n${r.stderr}`);
  process.exit(1);
}
const result = JSON.parse(readFileSync(out, 'utf8'));
let ok = result.errors.length === 0;
for (const e of result.errors) console.error(`neovim: ${e}`);
for (const f of files) {
  const got = (result.files[f] ?? []).map((d) => `${d.line}:${d.column} ${d.code}`).sort();
  const want = (byFile.get(f) ?? []).map((d) => `${d.line}:${d.column} ${d.code}`).sort();
  const missing = want.filter((k) => !got.includes(k));
  const extra = got.filter((k) => !want.includes(k));
  console.log(`neovim: ${f}: ${got.length} diagnostics [${got.join(', ')}]`);
  for (const k of missing) console.error(`neovim: ${f}: expected but not shown: ${k}`);
  for (const k of extra) console.error(`neovim: ${f}: shown but not documented: ${k}`);
  if (missing.length || extra.length) ok = false;
  if ((result.files[f] ?? []).some((d) => d.source !== 'spdf')) ok = false;
}
if (!result.definition?.target?.endsWith('.spdf.yaml')) {
  console.error(`neovim: go-to-definition from a tag in ${c} did not reach a model file: ${JSON.stringify(result.definition)}`);
  ok = false;
} else console.log(`neovim: definition from ${result.definition.file}:${result.definition.line} -> ${result.definition.target.replace(/^.*examples\//, 'examples/')}`);
console.log(ok ? 'neovim: PASS' : 'neovim: FAIL');
process.exit(ok ? 0 : 1);
