// @spdf verifies SPDF-CMD-FIX
import assert from 'node:assert/strict';
import fs, { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixFile } from '../../src/cli/commands/lint';
import { runCli, tempWorkspace } from '../support/cli';

const CONFIG = 'profile: recommended\nrules: {}\n';

describe('spdf lint --fix never damages a model', () => {
  it('refuses to fix while a model file has a syntax error, names it, changes nothing and exits 2', async () => {
    const files = {
      'spdf.config.yaml': CONFIG,
      'threats.spdf.yaml': 'threats:\n  - id: THR-001\n    title: T\n    controls: [CTRL-001]\n',
      'controls.spdf.yaml': 'controls:\n  - id: CTRL-001\n    title: Signed\n    type: technical\n   bad: [\n',
    };
    const root = tempWorkspace(files);
    const r = await runCli(['lint', root, '--fix'], root);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--fix refused/);
    assert.match(r.stderr, /^ {2}controls\.spdf\.yaml:\d+:\d+ {2}TM000 /m);
    assert.doesNotMatch(r.stdout, /^fixed /m);
    for (const [p, text] of Object.entries(files)) assert.equal(readFileSync(join(root, p), 'utf8'), text, `${p} is untouched`);
  });

  it('refuses to fix while a schema error may have dropped an item', async () => {
    const files = {
      'spdf.config.yaml': CONFIG,
      'threats.spdf.yaml': 'threats:\n  - id: THR-001\n    title: T\n    controls: [CTRL-001]\n',
      'controls.spdf.yaml': 'controls:\n  - CTRL-001\n',
    };
    const root = tempWorkspace(files);
    const r = await runCli(['lint', root, '--fix'], root);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^ {2}controls\.spdf\.yaml:2:5 {2}TM008 /m);
    assert.equal(readFileSync(join(root, 'threats.spdf.yaml'), 'utf8'), files['threats.spdf.yaml']);
  });

  it('refuses to fix while a file named like a model file is not read (TM013): a fix could clash with its IDs', async () => {
    const files = {
      'spdf.config.yaml': CONFIG,
      'm.spdf.yaml': 'threats:\n  - id: THR-001\n    title: T\n    controls: [CTRL-0O1]\ncontrols:\n  - id: CTRL-001\n    title: Signed\n',
      'more.spdf.yml': 'controls:\n  - id: CTRL-0O1\n    title: Unread\n',
    };
    const root = tempWorkspace(files);
    const r = await runCli(['lint', root, '--fix', '--no-cache'], root);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^ {2}more\.spdf\.yml:1:1 {2}TM013 /m);
    assert.doesNotMatch(r.stdout, /^fixed /m);
    for (const [p, text] of Object.entries(files)) assert.equal(readFileSync(join(root, p), 'utf8'), text, `${p} is untouched`);
  });

  it('lint --fix skips a file saved by someone else while it ran, says so and exits 2', async () => {
    const model = 'threats:\n  - id: THR-001\n    title: T\n    controls: [CTRL-0O1]\ncontrols:\n  - id: CTRL-001\n    title: Signed\n';
    const root = tempWorkspace({ 'spdf.config.yaml': CONFIG, 'm.spdf.yaml': model });
    const abs = join(root, 'm.spdf.yaml');
    const saved = `# saved meanwhile\n${model}`;
    const original = fs.readFileSync;
    // The first read is the model load; the editor saves right after it.
    let reads = 0;
    fs.readFileSync = ((...a: Parameters<typeof original>) => {
      const r = original(...a);
      if (a[0] === abs && reads++ === 0) writeFileSync(abs, saved);
      return r;
    }) as typeof original;
    try {
      const r = await runCli(['lint', root, '--fix', '--no-cache', '--no-code'], root);
      assert.match(r.stderr, /^error: m\.spdf\.yaml: changed since it was read; not fixed$/m);
      assert.doesNotMatch(r.stdout, /^fixed /m);
      assert.equal(r.code, 2);
    } finally {
      fs.readFileSync = original;
    }
    assert.equal(readFileSync(abs, 'utf8'), saved);
  });

  it('does not write a file whose text changed after the fixes were computed', async () => {
    const root = tempWorkspace({ 'm.spdf.yaml': 'threats:\n  - id: THR-001\n' });
    const abs = join(root, 'm.spdf.yaml');
    const edit = { file: 'm.spdf.yaml', range: { start: { line: 1, character: 10 }, end: { line: 1, character: 10 } }, newText: 'X' };
    writeFileSync(abs, '# edited meanwhile\nthreats:\n  - id: THR-001\n');
    assert.equal(await fixFile(abs, 'threats:\n  - id: THR-001\n', [edit]), 'changed since it was read');
    assert.equal(readFileSync(abs, 'utf8'), '# edited meanwhile\nthreats:\n  - id: THR-001\n');
    assert.deepEqual(await fixFile(abs, '# edited meanwhile\nthreats:\n  - id: THR-001\n', [{ ...edit, range: { start: { line: 2, character: 15 }, end: { line: 2, character: 15 } } }]), {
      applied: [{ ...edit, range: { start: { line: 2, character: 15 }, end: { line: 2, character: 15 } } }],
    });
    assert.equal(readFileSync(abs, 'utf8'), '# edited meanwhile\nthreats:\n  - id: THR-001X\n');
  });

  it('a fix that leaves a TODO placeholder never turns an error gate green', async () => {
    const model = 'threats:\n  - id: THR-001\n    title: Replayed command\n';
    const root = tempWorkspace({ 'spdf.config.yaml': 'profile: recommended\nrules: {TR006: error}\n', 'm.spdf.yaml': model });
    const r = await runCli(['lint', root, '--fix'], root);
    assert.match(r.stdout, /^fixed m\.spdf\.yaml:2:9\s+TR006/m);
    assert.match(readFileSync(join(root, 'm.spdf.yaml'), 'utf8'), /no_safety_impact_rationale: TODO\(TR006\)/);
    const again = await runCli(['lint', root, '--format', 'json'], root);
    const findings = JSON.parse(again.stdout).findings as { code: string; severity: string }[];
    assert.deepEqual(
      findings.filter((f) => f.code === 'TM011').map((f) => f.severity),
      ['error'],
    );
    assert.equal(again.code, 1);
  });

  it('with TM011 off, a fix that would leave a placeholder is not applied', async () => {
    const model = 'threats:\n  - id: THR-001\n    title: Replayed command\n';
    const root = tempWorkspace({ 'spdf.config.yaml': 'profile: recommended\nrules: {TR006: error, TM011: off}\n', 'm.spdf.yaml': model });
    const r = await runCli(['lint', root, '--fix'], root);
    assert.match(r.stdout, /^not fixed m\.spdf\.yaml:2:9\s+TR006\s+the fix leaves a TODO placeholder/m);
    assert.equal(readFileSync(join(root, 'm.spdf.yaml'), 'utf8'), model);
    assert.equal(r.code, 1);
  });

  it('fixes a file that starts with a byte order mark at the right offsets and keeps the mark', async () => {
    const model = 'controls: [{id: CTRL-001, title: Signed}, {id: CTRL-002, title: Other, implements: [SEC-REQ-00l]}]\nrequirements:\n  - id: SEC-REQ-001\n    title: R\n';
    const root = tempWorkspace({ 'spdf.config.yaml': CONFIG, 'm.spdf.yaml': `\uFEFF${model}` });
    const r = await runCli(['lint', root, '--fix'], root);
    assert.match(r.stdout, /^fixed m\.spdf\.yaml:1:\d+\s+TM002\s+Change to 'SEC-REQ-001'/m);
    assert.equal(readFileSync(join(root, 'm.spdf.yaml'), 'utf8'), `\uFEFF${model.replace('SEC-REQ-00l', 'SEC-REQ-001')}`);
  });
});
