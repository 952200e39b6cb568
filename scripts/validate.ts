// @spdf implements SPDF-SELF-001
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { arch, platform, release } from 'node:os';
import { join } from 'node:path';
import { RULES } from '../src/core/rules/registry';
import { ruleSetHash } from '../src/core/rules/ruleset-hash';
import { ownRequirements } from './self-trace-model';

/**
 * `npm run validate`: runs the whole test suite with JUnit output and the self-trace gate on this machine,
 * then writes out/validation/report.json and report.html. Exit 1 when a test or the gate failed.
 */
const root = join(__dirname, '..');
const outDir = join(root, 'out', 'validation');
const junitFile = join(outDir, 'junit.xml');
mkdirSync(outDir, { recursive: true });
rmSync(junitFile, { force: true });

const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const git = (...args: string[]) => run('git', args).stdout?.trim() ?? '';

const mocha = spawnSync(process.execPath, [join(root, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--reporter', './test/support/dot-and-junit.cjs', '--reporter-option', `output=${junitFile}`], {
  cwd: root,
  stdio: 'inherit',
});
const gate = run(process.execPath, [
  join(root, 'dist', 'cli.js'),
  'check',
  root,
  '--format',
  'json',
  '--min-coverage',
  '100',
  '--fail-on-status',
  'ERROR,MISSING,SUSPECT',
  '--test-results',
  junitFile,
]);
const check = JSON.parse(gate.stdout || '{}') as { pass?: boolean; coverage?: { percent: number; total: number; byStatus: Record<string, number> }; offenders?: unknown[] };

interface CaseResult {
  file: string;
  name: string;
  result: 'pass' | 'fail' | 'skipped';
}
const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const attr = (tag: string, name: string) => unescape(new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? '');
const cases: CaseResult[] = [];
const xml = existsSync(junitFile) ? readFileSync(junitFile, 'utf8') : '';
for (const m of xml.matchAll(/<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g)) {
  const body = m[3] ?? '';
  const result = /<(failure|error)\b/.test(body) ? 'fail' : /<skipped\b/.test(body) ? 'skipped' : 'pass';
  cases.push({ file: attr(m[1], 'file').replace(/\\/g, '/'), name: `${attr(m[1], 'classname')} ${attr(m[1], 'name')}`, result });
}

const requirements = ownRequirements(root).map((r) => {
  const tests = r.verifiedBy.map((file) => {
    const own = cases.filter((c) => c.file === file);
    const count = (k: CaseResult['result']) => own.filter((c) => c.result === k).length;
    const result = own.length === 0 ? 'not run' : count('fail') ? 'fail' : count('pass') ? 'pass' : 'skipped';
    return { file, result, passed: count('pass'), failed: count('fail'), skipped: count('skipped') };
  });
  const result = tests.length && tests.every((t) => t.result === 'pass') ? 'pass' : 'fail';
  return { ...r, result, tests };
});

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const report = {
  tool: { name: 'spdf-workbench', version: pkg.version, commit: git('rev-parse', 'HEAD'), workTreeChanged: git('status', '--porcelain') !== '' },
  date: new Date().toISOString(),
  platform: { os: platform(), release: release(), arch: arch() },
  node: process.version,
  ruleSetHash: ruleSetHash(RULES.map((r) => r.meta)),
  tests: {
    total: cases.length,
    passed: cases.filter((c) => c.result === 'pass').length,
    failed: cases.filter((c) => c.result === 'fail').length,
    skipped: cases.filter((c) => c.result === 'skipped').length,
    exitCode: mocha.status,
  },
  selfTrace: { pass: check.pass === true, coverage: check.coverage ?? null, offenders: check.offenders ?? null, exitCode: gate.status },
  requirements,
};
const pass = mocha.status === 0 && gate.status === 0 && cases.length > 0 && requirements.every((r) => r.result === 'pass');

const esc = (s: unknown) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const row = (cells: unknown[]) => `<tr>${cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`;
const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>SPDF Workbench validation report</title>
<style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px;text-align:left;vertical-align:top}.pass{color:#064}.fail{color:#a00}</style></head>
<body><h1>SPDF Workbench validation report</h1>
<p class="${pass ? 'pass' : 'fail'}"><strong>${pass ? 'PASS' : 'FAIL'}</strong></p>
<table>
${row(['Tool version', report.tool.version])}
${row(['Commit', report.tool.commit + (report.tool.workTreeChanged ? ' (work tree changed)' : '')])}
${row(['Date', report.date])}
${row(['Platform', `${report.platform.os} ${report.platform.release} ${report.platform.arch}`])}
${row(['Node', report.node])}
${row(['Rule-set hash', report.ruleSetHash])}
${row(['Tests', `${report.tests.passed} passed, ${report.tests.failed} failed, ${report.tests.skipped} skipped of ${report.tests.total}`])}
${row(['Self-trace', `${report.selfTrace.pass ? 'PASS' : 'FAIL'}, coverage ${report.selfTrace.coverage?.percent ?? '?'} % of ${report.selfTrace.coverage?.total ?? '?'} requirements`])}
</table>
<h2>Requirements</h2>
<table><tr><th>ID</th><th>Requirement</th><th>Result</th><th>Verifying tests (passed / failed / skipped)</th></tr>
${requirements.map((r) => `<tr><td>${esc(r.id)}</td><td><strong>${esc(r.title)}</strong>: ${esc(r.text)}</td><td class="${r.result}">${esc(r.result)}</td><td>${r.tests.map((t) => `${esc(t.file)}: ${esc(t.result)} (${t.passed}/${t.failed}/${t.skipped})`).join('<br>')}</td></tr>`).join('\n')}
</table>
<p>Reviewed and signed off by: ______________________ Date: __________</p>
</body></html>
`;
writeFileSync(join(outDir, 'report.json'), JSON.stringify({ pass, ...report }, null, 2) + '\n');
writeFileSync(join(outDir, 'report.html'), html);
console.log(
  `validate: ${pass ? 'PASS' : 'FAIL'}: ${report.tests.passed}/${report.tests.total} tests passed, self-trace ${report.selfTrace.pass ? 'PASS' : 'FAIL'} at ${report.selfTrace.coverage?.percent ?? '?'} %; out/validation/report.html and report.json`,
);
process.exit(pass ? 0 : 1);
