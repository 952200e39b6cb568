// @spdf verifies SPDF-FC-REGEX
import assert from 'node:assert/strict';
import { checkWorkspace } from '../../src/core/check';
import { scanCommentForTags } from '../../src/core/codelinks/comment-tags/scan-comment';
import { compileTagSyntaxes } from '../../src/core/codelinks/tag-syntaxes';
import { MemoryHost } from '../../src/core/host';
import { compileUserPattern } from '../../src/core/user-pattern';
import { runCli, tempWorkspace } from '../support/cli';

const at = (p: { file: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }) =>
  `${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}-${p.range.end.line + 1}:${p.range.end.character + 1}`;
const check = (files: Record<string, string>) => checkWorkspace(new MemoryHost(new Map(Object.entries(files))));
const EVIL_ID = `${'a'.repeat(32)}!`;

describe('user regular expressions (linear-time engine)', () => {
  it('compiles once, matches with UTF-16 offsets and rejects lookaround and backreferences', () => {
    const req = compileUserPattern(String.raw`REQ-\d+`);
    assert.equal(compileUserPattern(String.raw`REQ-\d+`), req, 'cached');
    assert.deepEqual(req.pattern!.matches('😀 REQ-12, REQ-3'), [
      { start: 3, end: 9 },
      { start: 11, end: 16 },
    ]);
    for (const p of ['(?<=a)b', String.raw`(a)\1`, 'x(?=y)', 'x(?!y)', '[']) assert.match(compileUserPattern(p).error ?? '', /linear-time engine/, p);
    assert.match(compileUserPattern('[a-z]{1,1000}[0-9]').error ?? '', /too large/);
  });

  it('matches line by line', () => {
    const { pattern } = compileUserPattern(String.raw`^ID-\d+\s*x?`);
    assert.deepEqual(pattern!.matches('ID-1\nID-22 x\n  ID-3'), [
      { start: 0, end: 4 },
      { start: 5, end: 12 },
    ]);
  });

  it('finishes TM003 on a catastrophic pattern and a 33-character ID', async () => {
    const ws = await check({
      'spdf.config.yaml': 'profile: all\nid_patterns:\n  requirement: "^(a+)+$"\n',
      'm.spdf.yaml': `requirements:\n  - id: ${EVIL_ID}\n    title: t\n  - id: aaaa\n    title: u\n`,
    });
    const tm003 = ws.result.findings.filter((f) => f.code === 'TM003').map((f) => f.message);
    assert.deepEqual(tm003, [`requirement ID '${EVIL_ID}' does not match the pattern ^(a+)+$`]);
  });

  it('reports unsupported patterns at their line and column in spdf.config.yaml, and the rest keeps working', async () => {
    const config = [
      'profile: all',
      'id_patterns:',
      '  requirement: "(?<=SEC-)REQ-\\\\d+"',
      "  control: '^CTRL-\\d{3}$'",
      'code:',
      '  tag_syntaxes: [spdf, bare]',
      '  bare_id_patterns:',
      '    - SEC-REQ-\\d+',
      '    - (X)\\1',
      '',
    ].join('\n');
    const ws = await check({ 'spdf.config.yaml': config, 'm.spdf.yaml': 'controls:\n  - id: CTRL-1\n    title: c\n' });
    const problems = ws.result.findings.filter((f) => f.file === 'spdf.config.yaml').map((f) => `${f.code} ${at(f)}`);
    assert.deepEqual(problems, ['TM008 spdf.config.yaml:3:16-3:35', 'TM008 spdf.config.yaml:9:7-9:12']);
    assert.deepEqual(
      ws.result.findings.filter((f) => f.code === 'TM003').map((f) => f.message),
      [`control ID 'CTRL-1' does not match the pattern ^CTRL-\\d{3}$`],
    );
  });

  it('scans bare IDs with a workspace pattern as before', () => {
    const syntaxes = compileTagSyntaxes({ syntaxes: ['spdf', 'bare'], bareIdPatterns: [String.raw`SEC-REQ-\d+`] });
    const scan = scanCommentForTags('// see SEC-REQ-014 and @spdf implements SEC-REQ-002', syntaxes, false);
    assert.deepEqual(scan.tags.map((t) => `${t.syntax} ${t.id} ${t.idStart}`).sort(), ['bare SEC-REQ-014 7', 'spdf SEC-REQ-002 40']);
  });

  it('spdf lint finishes with a catastrophic bare-ID pattern over a long comment', async () => {
    const root = tempWorkspace({
      'spdf.config.yaml': 'profile: all\ncode:\n  tag_syntaxes: [bare]\n  bare_id_patterns: ["(a+)+b"]\n',
      'm.spdf.yaml': 'requirements:\n  - id: SEC-REQ-001\n    title: t\n',
      'src/x.py': `# ${'a'.repeat(5000)}\ndef f():\n    return 1\n`,
    });
    const r = await runCli(['lint', root, '--format', 'json', '--no-cache']);
    assert.ok(r.code === 0 || r.code === 1, r.stderr);
  });
});
