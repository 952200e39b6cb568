// @spdf verifies SPDF-IMPORT-THREAGILE-INCLUDES
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempWorkspace } from '../support/cli';

/** What the fixtures under test/fixtures/import-tm/threagile/includes-* cannot hold: links, named parts, a source outside the current folder. */
const MODEL = (includes: string[]) => `threagile_version: 1.0.0\nincludes:\n${includes.map((i) => `  - ${i}\n`).join('')}technical_assets:\n  Pump:\n    id: pump\n    type: process\n`;
const PART = 'technical_assets:\n  Server:\n    id: server\n    type: process\n';
const errors = (stderr: string) => stderr.split('\n').filter((l) => l.includes(': error: '));

describe('spdf import threagile: included files', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('refuses an included file that leads out of the import root through a symbolic link', async () => {
    root = tempWorkspace({ 'outside/secret.yaml': PART, 'ws/main.yaml': MODEL(['link.yaml', 'inner.yaml']), 'ws/part.yaml': PART.replace(/Server|server/g, 'Gateway') });
    symlinkSync(join(root, 'outside/secret.yaml'), join(root, 'ws/link.yaml'));
    symlinkSync(join(root, 'ws/part.yaml'), join(root, 'ws/inner.yaml'));
    const r = await runCli(['import', 'threagile', 'main.yaml', '-o', 'model'], join(root, 'ws'));
    assert.deepEqual(errors(r.stderr), ["main.yaml:3:5: error: included file 'link.yaml' (link.yaml): leads outside the import root (.) through a symbolic link; nothing of it imported"]);
    assert.equal(r.code, 1);
    const model = readFileSync(join(root, 'ws/model/main.spdf.yaml'), 'utf8');
    assert.match(model, /id: Gateway/i, 'a link inside the root is read');
    assert.doesNotMatch(model, /server/);
  });

  it('refuses a folder named as an included file', async () => {
    root = tempWorkspace({ 'main.yaml': MODEL(['parts']), 'parts/a.yaml': PART });
    const r = await runCli(['import', 'threagile', 'main.yaml', '-o', 'model'], root);
    assert.deepEqual(errors(r.stderr), ["main.yaml:3:5: error: included file 'parts' (parts): not a regular file; nothing of it imported"]);
    assert.equal(r.code, 1);
  });

  it('imports a named input that another input includes as part of that one, not on its own', async () => {
    root = tempWorkspace({ 'src/main.yaml': MODEL(['part.yaml']), 'src/part.yaml': PART });
    const r = await runCli(['import', 'threagile', 'src/part.yaml', 'src/main.yaml', '-o', 'model'], root);
    assert.deepEqual(errors(r.stderr), []);
    assert.match(r.stderr, /^src\/part\.yaml: note: included by src\/main\.yaml; imported as part of it, not on its own$/m);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(readdirSync(join(root, 'model')).sort(), ['IMPORT-BASE.json', 'IMPORT-REPORT.md', 'main.spdf.yaml']);
    assert.match(readFileSync(join(root, 'model/main.spdf.yaml'), 'utf8'), /- id: server/);
    assert.match(readFileSync(join(root, 'model/IMPORT-REPORT.md'), 'utf8'), /\| src\/part\.yaml:3:5 \| technical\\_asset \| server \|/);
  });

  it('keeps both inputs of two that include each other, the cycle an error in each', async () => {
    root = tempWorkspace({ 'a.yaml': MODEL(['b.yaml']), 'b.yaml': `includes:\n  - a.yaml\n${PART}` });
    const r = await runCli(['import', 'threagile', 'a.yaml', 'b.yaml', '-o', 'model'], root);
    assert.equal(r.code, 1);
    assert.ok(r.stderr.includes("b.yaml:2:5: error: included file 'a.yaml' (a.yaml) includes this file again (a.yaml -> b.yaml -> a.yaml)"), r.stderr);
    assert.doesNotMatch(r.stderr, /^a\.yaml: note: included by/m);
  });

  it('reads a source outside the current folder with its own folder as the import root', async () => {
    root = tempWorkspace({ 'models/main.yaml': MODEL(['part.yaml', '../shared.yaml']), 'models/part.yaml': PART, 'shared.yaml': PART, 'ws/.keep': '' });
    mkdirSync(join(root, 'ws/out'));
    const r = await runCli(['import', 'threagile', join(root, 'models/main.yaml'), '-o', 'out'], join(root, 'ws'));
    assert.deepEqual(errors(r.stderr), ["../models/main.yaml:4:5: error: included file '../shared.yaml' (../shared.yaml): outside the import root (../models); nothing of it imported"]);
    assert.match(readFileSync(join(root, 'ws/out/main.spdf.yaml'), 'utf8'), /- id: server/);
  });
});
