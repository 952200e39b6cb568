// @spdf verifies SPDF-IMPORT-SOURCE-LIMITS
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempWorkspace } from '../support/cli';

/**
 * Import sources are read like every other input: a regular file of bounded size holding UTF-8. A huge or endless
 * file (a FIFO, /dev/zero through a link) must neither exhaust memory nor hang `spdf import`, and text in another
 * encoding must not be imported with its characters replaced.
 */
const MODEL = (includes: string[]) => `threagile_version: 1.0.0\nincludes:\n${includes.map((i) => `  - ${i}\n`).join('')}technical_assets:\n  Pump:\n    id: pump\n    type: process\n`;
const CSV = 'id,title\nREQ-1,Pump stops\n';
const errors = (stderr: string) => stderr.split('\n').filter((l) => l.includes(': error: '));
/** A sparse file: 60 MiB by its size, no disk space, and quick to make. */
const huge = (path: string) => (writeFileSync(path, ''), truncateSync(path, 60 * 1024 * 1024));
const fifo = (path: string) => execFileSync('mkfifo', [path]);

interface Case {
  name: string;
  files: Record<string, string | Uint8Array>;
  prepare?: (root: string) => void;
  args: string[];
  errors: string[];
}

const CASES: Case[] = [
  {
    name: 'an included file over the size limit: at its includes entry',
    files: { 'main.yaml': MODEL(['big.yaml']) },
    prepare: (root) => huge(join(root, 'big.yaml')),
    args: ['threagile', 'main.yaml'],
    errors: ["main.yaml:3:5: error: included file 'big.yaml' (big.yaml): the file is 60.0 MiB, over the limit of 50.0 MiB; nothing of it imported"],
  },
  {
    name: 'an included FIFO: at its includes entry',
    files: { 'main.yaml': MODEL(['pipe.yaml']) },
    prepare: (root) => fifo(join(root, 'pipe.yaml')),
    args: ['threagile', 'main.yaml'],
    errors: ["main.yaml:3:5: error: included file 'pipe.yaml' (pipe.yaml): not a regular file; nothing of it imported"],
  },
  {
    name: 'an included file not in UTF-8: in the included file',
    files: { 'main.yaml': MODEL(['latin.yaml']), 'latin.yaml': Buffer.from('technical_assets:\n  Pump:\n    description: "D\xe9bit"\n', 'latin1') },
    args: ['threagile', 'main.yaml'],
    errors: ['latin.yaml:1:1: error: file is not valid UTF-8 (first invalid byte at offset 45); included at main.yaml:3:5, nothing of it imported'],
  },
  {
    name: 'a named input over the size limit',
    files: {},
    prepare: (root) => huge(join(root, 'big.csv')),
    args: ['csv', 'big.csv'],
    errors: ['big.csv: error: the file is 60.0 MiB, over the limit of 50.0 MiB'],
  },
  {
    name: 'a named input that is a FIFO',
    files: {},
    prepare: (root) => fifo(join(root, 'pipe.csv')),
    args: ['csv', 'pipe.csv'],
    errors: ['pipe.csv: error: not a regular file'],
  },
  {
    name: 'a named input that links to an endless device',
    files: {},
    prepare: (root) => symlinkSync('/dev/zero', join(root, 'zero.csv')),
    args: ['csv', 'zero.csv'],
    errors: ['zero.csv: error: not a regular file'],
  },
  {
    name: 'a named input not in UTF-8',
    files: { 'latin.csv': Buffer.from('id,title\nREQ-1,D\xe9bit\n', 'latin1') },
    args: ['csv', 'latin.csv'],
    errors: ['latin.csv: error: file is not valid UTF-8 (first invalid byte at offset 16)'],
  },
  {
    name: 'a named workbook over the size limit',
    files: {},
    prepare: (root) => huge(join(root, 'big.xlsx')),
    args: ['xlsx', 'big.xlsx'],
    errors: ['big.xlsx:1:1: error: workbook not loaded: the file is 60.0 MiB, over the limit of 50.0 MiB; nothing imported'],
  },
];

describe('spdf import: sources are read bounded, regular and UTF-8', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  for (const c of CASES)
    it(`${c.name} is an error and nothing of it is imported`, async () => {
      root = tempWorkspace(c.files);
      c.prepare?.(root);
      const r = await runCli(['import', ...c.args, '-o', 'model'], root);
      assert.deepEqual(
        errors(r.stderr).filter((l) => !/no (requirement|element|item)/.test(l)),
        c.errors,
        r.stderr,
      );
      assert.equal(r.code, 1);
    });

  it('a --columns-file that is a FIFO is a usage error', async () => {
    root = tempWorkspace({ 'reqs.csv': CSV });
    fifo(join(root, 'cols.txt'));
    const r = await runCli(['import', 'csv', 'reqs.csv', '--columns-file', 'cols.txt', '-o', 'model'], root);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--columns-file cols\.txt: not a regular file/);
  });

  it('a source within the limits is imported as before', async () => {
    root = tempWorkspace({ 'reqs.csv': CSV, 'main.yaml': MODEL(['part.yaml']), 'part.yaml': 'technical_assets:\n  Server:\n    id: server\n    type: process\n' });
    assert.equal((await runCli(['import', 'csv', 'reqs.csv', '-o', 'model'], root)).code, 0);
    const t = await runCli(['import', 'threagile', 'main.yaml', '-o', 'tm'], root);
    assert.deepEqual(errors(t.stderr), []);
  });
});
