// @spdf verifies SPDF-CMD-INIT, SPDF-CMD-LINT
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runCli, tempWorkspace } from '../support/cli';

const CONFIG = 'profile: recommended\nrules: {}\n';
const REQ = 'requirements:\n  - id: SEC-REQ-001\n    title: Signed commands\n';

describe('spdf lint', () => {
  it('prints file:line:col severity CODE message and exits 1 on errors, still checking the valid files', async () => {
    const root = tempWorkspace({
      'spdf.config.yaml': CONFIG,
      'broken.spdf.yaml': 'threats:\n  - id: THR-001\n    title: [unclosed\n',
      'ok.spdf.yaml': 'threats:\n  - id: THR-002\n    title: T\n    controls: [CTRL-404]\n',
    });
    const r = await runCli(['lint', root], root);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^broken\.spdf\.yaml:4:1\s+error\s+TM000\s+Flow sequence/m);
    assert.match(r.stdout, /^ok\.spdf\.yaml:4:16\s+error\s+TM002\s+unknown control 'CTRL-404'/m);
    assert.match(r.stdout, /✖ \d+ problems/);
  });

  it('--format json carries a version and 1-based positions', async () => {
    const root = tempWorkspace({ 'spdf.config.yaml': CONFIG, 'ok.spdf.yaml': 'threats:\n  - id: THR-002\n    title: T\n    controls: [CTRL-404]\n' });
    const r = await runCli(['lint', root, '--format', 'json'], root);
    const json = JSON.parse(r.stdout);
    assert.equal(json.version, 1);
    const f = json.findings.find((x: { code: string }) => x.code === 'TM002');
    assert.deepEqual([f.file, f.line, f.column, f.endColumn, f.alias], ['ok.spdf.yaml', 4, 16, 24, 'dangling-reference']);
  });

  it('exits 0 when clean and honours --max-warnings', async () => {
    const root = tempWorkspace({
      'spdf.config.yaml': 'rules: { TM003: warning }\nprofile: recommended\nid_patterns: { hazard: "^HAZ-[0-9]+$" }\n',
      'm.spdf.yaml': 'hazards:\n  - id: hz-1\n    hazard: H\n    severity: 3\n    rmf_ref: R\n',
    });
    const onlyWarnings = await runCli(['lint', root, '--format', 'json'], root);
    const warnings = JSON.parse(onlyWarnings.stdout).findings.filter((f: { severity: string }) => f.severity === 'warning').length;
    assert.ok(warnings >= 1, onlyWarnings.stdout);
    assert.equal(JSON.parse(onlyWarnings.stdout).summary.errors, 0);
    assert.equal(onlyWarnings.code, 0);
    assert.equal((await runCli(['lint', root, '--max-warnings', String(warnings)], root)).code, 0);
    assert.equal((await runCli(['lint', root, '--max-warnings', String(warnings - 1)], root)).code, 1);
  });

  it('exits 2 on usage errors', async () => {
    assert.equal((await runCli(['lint', '--bogus'])).code, 2);
    assert.equal((await runCli(['lint', '--format', 'xml'])).code, 2);
    assert.equal((await runCli(['frobnicate'])).code, 2);
  });

  it('paths narrow what is reported, never what is loaded', async () => {
    const root = tempWorkspace({
      'spdf.config.yaml': CONFIG,
      'a/threats.spdf.yaml': 'threats:\n  - id: THR-001\n    title: T\n    controls: [CTRL-001]\n',
      'b/controls.spdf.yaml': 'controls:\n  - id: CTRL-001\n    title: C\n    implements: [SEC-REQ-404]\n',
    });
    const r = await runCli(['lint', join(root, 'a'), '--format', 'json'], root);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(
      json.findings.filter((f: { file: string }) => !f.file.startsWith('a/')),
      [],
      'only a/ is reported',
    );
    assert.deepEqual(
      json.findings.filter((f: { code: string }) => f.code === 'TM002'),
      [],
      'CTRL-001 resolves from b/',
    );
  });

  it('--fix creates a stub for a dangling control, lists the change, and a second lint no longer reports it', async () => {
    const root = tempWorkspace({ 'spdf.config.yaml': CONFIG, 'm.spdf.yaml': 'threats:\n  - id: THR-001\n    title: T\n    controls: [CTRL-404]\n' });
    const r = await runCli(['lint', root, '--fix'], root);
    assert.match(r.stdout, /fixed m\.spdf\.yaml:4:16\s+TM002\s+Create a control stub 'CTRL-404'/);
    assert.match(readFileSync(join(root, 'm.spdf.yaml'), 'utf8'), /controls:\n  - id: CTRL-404\n    title: TODO/);
    const again = await runCli(['lint', root, '--format', 'json'], root);
    assert.deepEqual(
      JSON.parse(again.stdout).findings.filter((f: { code: string }) => f.code === 'TM002'),
      [],
    );
    assert.deepEqual(
      readdirSync(root).filter((f) => f.includes('spdf-tmp')),
      [],
    );
  });

  it('respects NO_COLOR in the built binary', () => {
    const root = tempWorkspace({ 'spdf.config.yaml': CONFIG, 'm.spdf.yaml': 'threats:\n  - id: THR-001\n    title: T\n    controls: [CTRL-404]\n' });
    const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
    const r = spawnSync(process.execPath, [cli, 'lint', root], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '1' } });
    assert.equal(r.status, 1);
    assert.doesNotMatch(r.stdout, /\x1b\[/); // no escape codes
    assert.match(r.stdout, /TM002/);
  });
});

describe('spdf rules, explain, init', () => {
  it('rules --format json lists every rule with full metadata', async () => {
    const r = await runCli(['rules', '--format', 'json']);
    const { version, rules } = JSON.parse(r.stdout);
    assert.equal(version, 1);
    for (const m of rules) for (const k of ['code', 'alias', 'severity', 'category', 'description', 'rationale', 'source', 'examples']) assert.ok(m[k] !== undefined && m[k] !== '', `${m.code}.${k}`);
  });

  it('explain prints a rule by code or alias, and fails on an unknown one', async () => {
    assert.match((await runCli(['explain', 'TM002'])).stdout, /^# TM002 dangling-reference/);
    assert.match((await runCli(['explain', 'duplicate-id'])).stdout, /^# TM001/);
    assert.equal((await runCli(['explain', 'XX999'])).code, 2);
  });

  it('init writes a starter that lints clean, and refuses a non-empty folder', async () => {
    const root = tempWorkspace({});
    assert.equal((await runCli(['init', root])).code, 0);
    const r = await runCli(['lint', root, '--format', 'json'], root);
    assert.deepEqual(JSON.parse(r.stdout).findings, []);
    assert.equal(r.code, 0);
    assert.equal((await runCli(['init', root])).code, 2);
  });
});

describe('spdf lint with hostile or broken side files', () => {
  it('reports a broken config with its position and still checks the model', async () => {
    const root = tempWorkspace({
      'spdf.config.yaml': 'profile: recommended\nrules: {TM002: loud}\nid_patterns:\n  hazard: "(["\n',
      'm.spdf.yaml': 'threats:\n  - id: THR-001\n    title: T\n    controls: [CTRL-404]\n',
    });
    const r = await runCli(['lint', root, '--format', 'json'], root);
    const findings = JSON.parse(r.stdout).findings as { code: string; file: string; line: number; column: number; message: string }[];
    assert.ok(
      findings.some((f) => f.code === 'TM006' && f.file === 'spdf.config.yaml' && f.line === 2),
      `unknown severity in the config: ${r.stdout}`,
    );
    assert.ok(
      findings.some((f) => f.code === 'TM008' && f.file === 'spdf.config.yaml' && f.line === 4 && f.column === 11 && /not a usable regular expression/.test(f.message)),
      `invalid pattern at its value: ${r.stdout}`,
    );
    assert.ok(
      findings.some((f) => f.code === 'TM002' && f.file === 'm.spdf.yaml'),
      `the model is still checked: ${r.stdout}`,
    );
    assert.equal(r.code, 1);
  });

  it('fails on an unreadable review lock instead of silently treating every link as unreviewed', async () => {
    const root = tempWorkspace({
      'spdf.config.yaml': CONFIG,
      'spdf.lock.json': '{ "version": 1, "links": [ broken',
      'm.spdf.yaml': REQ,
      'src/a.c': '// @spdf implements SEC-REQ-001\nint a(void) { return 0; }\n',
    });
    const r = await runCli(['lint', root], root);
    assert.match(r.stderr, /error: spdf\.lock\.json is not valid JSON/);
    assert.equal(r.code, 1, 'CL006 could not compare the links with their reviews');
    const review = await runCli(['review', '--all', '--root', root], root);
    assert.equal(review.code, 1);
    assert.match(review.stderr, /lock file cannot be read, so no review was recorded/);
    assert.equal(readFileSync(join(root, 'spdf.lock.json'), 'utf8'), '{ "version": 1, "links": [ broken', 'the broken lock is not overwritten');
  });
});
