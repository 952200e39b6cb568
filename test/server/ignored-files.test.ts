// @spdf verifies SPDF-LSP-WATCH, SPDF-LSP-PARITY
/**
 * A file created while the server runs where a .gitignore file hides it: the workspace walk (and so `spdf check`)
 * never lists it, but the watcher handler took it up, so a tag in it linked a requirement in the editor only (editor
 * green, CLI red). A created or changed file is taken up only when the walk would list it (the .gitignore layers from
 * the root down to its folder, the walk's fixed skips and link rules), and a .gitignore created, changed or deleted
 * lists the root's files again, as a fresh load does. Each step is compared with `spdf trace` and `spdf check`.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { StatusSummary } from '../../src/protocol';
import { startHarness, until, watchedGlobs, type Harness } from './harness';
import { sameAsCli } from './root-views';

/** Requirements need implementing code only. */
const CONFIG = 'version: 1\nevidence: { requirement: { implementation: true, verification: false } }\nrules: { RQ003: off }\n';
const REQS = (...ids: string[]) => `requirements:\n${ids.map((id) => `  - {id: ${id}, title: Keep the pump rate ${id}, verification: [inspection]}\n`).join('')}`;
const IMPLEMENTS = (id: string) => `// @spdf implements ${id}\nint rate(void) { return 1; }\n`;
const FILES: Record<string, string> = {
  'spdf.config.yaml': CONFIG,
  '.gitignore': 'gen/\nout/*\n!out/kept.c\n',
  'model/req.spdf.yaml': REQS('REQ-001', 'REQ-101'),
  'src/reject.c': IMPLEMENTS('REQ-001'),
  'lib/.gitignore': '*.gen.c\n',
  'lib/keep.c': 'int keep(void) { return 0; }\n',
};

/** Writes (or deletes, `text` undefined) a file and tells the server as a client watcher would. */
async function step(h: Harness, path: string, text: string | undefined): Promise<void> {
  const abs = join(h.root, path);
  const existed = existsSync(abs);
  if (text === undefined) rmSync(abs);
  else {
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
  }
  const type = text === undefined ? 3 : existed ? 2 : 1;
  await h.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: h.uri(path), type }] });
}

const complete =
  (h: Harness, roots = 1) =>
  () =>
    h.notifications.some((n) => n.method === 'spdf/status' && !(n.params as StatusSummary).indexing && ((n.params as StatusSummary).roots?.length ?? 1) === roots);

describe('language server: files a .gitignore hides, created or hidden while it runs', function () {
  this.timeout(120000);

  it('a created file the walk would not list is not taken up; one it would list is, as spdf check finds', async () => {
    const h = await startHarness(FILES);
    try {
      await until('the first complete status', complete(h));
      await sameAsCli(h, h.root, { rows: ['REQ-001 OK', 'REQ-101 MISSING'], pass: false });

      // A tagged source file in the ignored folder gen/.
      await step(h, 'gen/a.c', IMPLEMENTS('REQ-101'));
      await sameAsCli(h, h.root, { rows: ['REQ-001 OK', 'REQ-101 MISSING'], pass: false });
      // Changed while ignored: still not taken up.
      await step(h, 'gen/a.c', `${IMPLEMENTS('REQ-101')}// changed\n`);
      await sameAsCli(h, h.root, { rows: ['REQ-001 OK', 'REQ-101 MISSING'], pass: false });
      // A model file in the ignored folder.
      await step(h, 'gen/more.spdf.yaml', REQS('REQ-102'));
      await sameAsCli(h, h.root, { rows: ['REQ-001 OK', 'REQ-101 MISSING'], pass: false });
      // A file the nested lib/.gitignore hides.
      await step(h, 'lib/b.gen.c', IMPLEMENTS('REQ-101'));
      await sameAsCli(h, h.root, { rows: ['REQ-001 OK', 'REQ-101 MISSING'], pass: false });
      // out/* hides out/other.c, `!out/kept.c` brings kept.c back.
      await step(h, 'out/other.c', IMPLEMENTS('REQ-101'));
      await sameAsCli(h, h.root, { rows: ['REQ-001 OK', 'REQ-101 MISSING'], pass: false });
      await step(h, 'out/kept.c', IMPLEMENTS('REQ-101'));
      await sameAsCli(h, h.root, { rows: ['REQ-001 OK', 'REQ-101 OK'], pass: true });
      await step(h, 'out/kept.c', undefined);
      await sameAsCli(h, h.root, { rows: ['REQ-001 OK', 'REQ-101 MISSING'], pass: false });
      // The control: a created file nothing hides is taken up.
      await step(h, 'lib/b.c', IMPLEMENTS('REQ-101'));
      await sameAsCli(h, h.root, { rows: ['REQ-001 OK', 'REQ-101 OK'], pass: true });
      // A model file nothing hides, too.
      await step(h, 'model/more.spdf.yaml', REQS('REQ-103'));
      await sameAsCli(h, h.root, { rows: ['REQ-001 OK', 'REQ-101 OK', 'REQ-103 MISSING'], pass: false });
      // A config change reads the workspace again: the files created since the load stay, the ignored ones stay out.
      await step(h, 'spdf.config.yaml', `${CONFIG}# edited\n`);
      await sameAsCli(h, h.root, { rows: ['REQ-001 OK', 'REQ-101 OK', 'REQ-103 MISSING'], pass: false });
    } finally {
      await h.close();
    }
  });

  it('a document open on a file the walk does not list is shown, not read into the workspace, as spdf check reads it', async () => {
    const files = { ...FILES, 'gen/a.c': IMPLEMENTS('REQ-101'), 'gen/more.spdf.yaml': REQS('REQ-102') };
    const h = await startHarness(files);
    try {
      await until('the first complete status', complete(h));
      await sameAsCli(h, h.root, { rows: ['REQ-001 OK', 'REQ-101 MISSING'], pass: false });
      await h.open('gen/a.c');
      await h.open('gen/more.spdf.yaml');
      // The open model file the walk skipped: TM012 says so (a warning: opening a file is not asking for a gate).
      await h.waitDiagnostics('gen/more.spdf.yaml', (d) => d.some((x) => x.code === 'TM012'));
      await sameAsCli(h, h.root, { rows: ['REQ-001 OK', 'REQ-101 MISSING'], pass: false });
      h.change('gen/a.c', 2, [{ text: `${IMPLEMENTS('REQ-101')}// typed\n` }]);
      await sameAsCli(h, h.root, { rows: ['REQ-001 OK', 'REQ-101 MISSING'], pass: false });
      for (const p of ['gen/a.c', 'gen/more.spdf.yaml']) await h.client.sendNotification('textDocument/didClose', { textDocument: { uri: h.uri(p) } });
      await sameAsCli(h, h.root, { rows: ['REQ-001 OK', 'REQ-101 MISSING'], pass: false });
      // A document open on a listed file created after the load (its watcher event not come yet) is read.
      writeFileSync(join(h.root, 'lib/b.c'), IMPLEMENTS('REQ-101'));
      await h.open('lib/b.c', IMPLEMENTS('REQ-101'));
      await sameAsCli(h, h.root, { rows: ['REQ-001 OK', 'REQ-101 OK'], pass: true });
    } finally {
      await h.close();
    }
  });

  it('a .gitignore created, edited or deleted lists the files again: an indexed tagged file it now hides drops its link, as spdf check does', async () => {
    const h = await startHarness(FILES);
    try {
      await until('the first complete status', complete(h));
      await until('a watcher on .gitignore files', () => watchedGlobs(h).includes('**/.gitignore'));
      await step(h, 'gen/a.c', IMPLEMENTS('REQ-101'));
      await sameAsCli(h, h.root, { rows: ['REQ-001 OK', 'REQ-101 MISSING'], pass: false });

      // Edited to hide the indexed src/reject.c (and to stop hiding gen/).
      await step(h, '.gitignore', 'src/reject.c\n');
      await sameAsCli(h, h.root, { rows: ['REQ-001 MISSING', 'REQ-101 OK'], pass: false });
      // Deleted: both files are listed.
      await step(h, '.gitignore', undefined);
      await sameAsCli(h, h.root, { rows: ['REQ-001 OK', 'REQ-101 OK'], pass: true });
      // A nested one created that hides the source folder.
      await step(h, 'src/.gitignore', '*.c\n');
      await sameAsCli(h, h.root, { rows: ['REQ-001 MISSING', 'REQ-101 OK'], pass: false });
      // A model file hidden by an edited nested one.
      await step(h, 'lib/.gitignore', '*.gen.c\n');
      await step(h, 'model/.gitignore', 'req.spdf.yaml\n');
      await sameAsCli(h, h.root, { rows: [], pass: false });
      await step(h, 'model/.gitignore', undefined);
      await step(h, 'src/.gitignore', undefined);
      await sameAsCli(h, h.root, { rows: ['REQ-001 OK', 'REQ-101 OK'], pass: true });
    } finally {
      await h.close();
    }
  });

  for (const folders of [
    ['.', 'sub'],
    ['sub', '.'],
  ])
    it(`folders ${folders.join(', ')}: the outer root's .gitignore hides a file created in the sub-folder from it alone, as spdf check on each folder finds`, async () => {
      const files: Record<string, string> = {
        'spdf.config.yaml': CONFIG.replace('version: 1\n', 'version: 1\nexclude: ["sub/spdf.config.yaml"]\n'),
        '.gitignore': 'sub/gen/\n',
        'model/req.spdf.yaml': REQS('REQ-001'),
        'src/reject.c': IMPLEMENTS('REQ-001'),
        'sub/spdf.config.yaml': CONFIG,
        'sub/model/req.spdf.yaml': REQS('REQ-101'),
        'sub/.gitignore': 'out/\n',
      };
      const h = await startHarness(files, { folders });
      const [outer, inner] = [h.root, join(h.root, 'sub')];
      try {
        await until('the first complete status', complete(h, 2));
        await sameAsCli(h, outer, { rows: ['REQ-001 OK', 'REQ-101 MISSING'], pass: false });
        await sameAsCli(h, inner, { rows: ['REQ-101 MISSING'], pass: false });
        // Hidden from the outer root by its .gitignore; the inner root's walk starts at its folder and lists it.
        await step(h, 'sub/gen/a.c', IMPLEMENTS('REQ-101'));
        await sameAsCli(h, outer, { rows: ['REQ-001 OK', 'REQ-101 MISSING'], pass: false });
        await sameAsCli(h, inner, { rows: ['REQ-101 OK'], pass: true });
        await step(h, 'sub/gen/a.c', undefined);
        // Hidden from both by the sub-folder's .gitignore.
        await step(h, 'sub/out/b.c', IMPLEMENTS('REQ-101'));
        await sameAsCli(h, outer, { rows: ['REQ-001 OK', 'REQ-101 MISSING'], pass: false });
        await sameAsCli(h, inner, { rows: ['REQ-101 MISSING'], pass: false });
        // The sub-folder's .gitignore deleted: both roots list it again.
        await step(h, 'sub/.gitignore', undefined);
        await sameAsCli(h, outer, { rows: ['REQ-001 OK', 'REQ-101 OK'], pass: true });
        await sameAsCli(h, inner, { rows: ['REQ-101 OK'], pass: true });
      } finally {
        await h.close();
      }
    });
});
