// @spdf verifies SPDF-CMD-TRACE
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempWorkspace } from '../support/cli';
import { validator } from '../export/support';

describe('spdf trace -o', () => {
  before(() => (process.env.SPDF_NO_GIT = '1'));

  it('fails without leaving a temporary file when the output cannot replace its target', async () => {
    const root = tempWorkspace({ 'm.spdf.yaml': 'requirements:\n  - id: SEC-REQ-001\n    title: Sign firmware\n' });
    try {
      mkdirSync(join(root, 'out', 'report.html'), { recursive: true });
      writeFileSync(join(root, 'out', 'report.html', 'keep'), '');
      const r = await runCli(['trace', root, '--no-code', '-o', join(root, 'out', 'report.html')]);
      assert.notEqual(r.code, 0);
      assert.deepEqual(readdirSync(join(root, 'out')), ['report.html']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('writes an HTML report of many pieces to the file byte for byte as it prints it', async () => {
    const reqs = Array.from({ length: 800 }, (_, i) => `  - id: SEC-REQ-${i}\n    title: Sign firmware image ${i} & check <its> "signature"\n`).join('');
    const root = tempWorkspace({ 'm.spdf.yaml': `requirements:\n${reqs}` });
    try {
      const printed = await runCli(['trace', root, '--no-code', '--view', 'requirements']);
      const written = await runCli(['trace', root, '--no-code', '--view', 'requirements', '-o', join(root, 'out', 'report.html')]);
      assert.equal(written.code, 0, written.stderr);
      const file = readFileSync(join(root, 'out', 'report.html'), 'utf8');
      assert.ok(file.length > 3 * (1 << 16), `${file.length} characters: several pieces`);
      assert.equal(file, `${printed.stdout}\n`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  // Each wrote a matrix that looked complete (the CSV had no place to say otherwise) and exited 0.
  const SAYS: Record<string, RegExp> = {
    csv: /^INCOMPLETE,/m,
    md: /INCOMPLETE/,
    html: /INCOMPLETE/,
    json: /"problems": \[\s*"broken\.spdf\.yaml:3:1: TM000/,
    sarif: /"executionSuccessful": false,\s*"toolExecutionNotifications": \[\s*\{\s*"level": "error",\s*"message": \{\s*"text": "broken\.spdf\.yaml:3:1: TM000/,
  };
  for (const [format, says] of Object.entries(SAYS))
    it(`--format ${format} of a model that did not load exits 1 and says INCOMPLETE`, async () => {
      const root = tempWorkspace({
        'm.spdf.yaml': 'requirements:\n  - id: SEC-REQ-001\n    title: Sign firmware\n',
        'broken.spdf.yaml': 'requirements:\n  - id: SEC-REQ-002\n\ttitle: [\n',
      });
      try {
        const r = await runCli(['trace', root, '--no-code', '--format', format, '-o', join(root, `out.${format}`)]);
        assert.equal(r.code, 1, r.stderr);
        assert.match(r.stderr, /^spdf trace: INCOMPLETE: \d+ input problems? \(above\)/m);
        const text = readFileSync(join(root, `out.${format}`), 'utf8');
        assert.match(text, says);
        if (format === 'sarif') assert.deepEqual(validator('test/data/sarif-2.1.0-subset.schema.json')(JSON.parse(text)), []);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
});
