// @spdf verifies SPDF-CMD-LINKS
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, withTempWorkspace } from '../support/cli';

const CONFIG = 'include: ["model/**/*.spdf.yaml"]\ncode:\n  include: ["src/**"]\n';
const model = (titleOfR2: string) => `requirements:\n  - id: R-1\n    title: First\n  - id: R-2\n    title: ${titleOfR2}\n`;
const FILES = {
  'spdf.config.yaml': CONFIG,
  'model/req.spdf.yaml': model('Second'),
  'src/a.c': '/* @spdf implements R-1 */\nint f(void) { return 1; }\n',
  'src/b.c': '/* @spdf implements R-1 */\nint f(void) { return 2; }\n\n/* @spdf implements R-9 */\nint g(void) { return 3; }\n',
  'src/c.c': '/* @spdf implements R-2 */\nint f(void) { return 4; }\n',
};

/** Each step changes the workspace, then `spdf links` must list these statuses (file and ID, in its order). */
const STEPS: { step: string; change: (root: string) => Promise<unknown> | void; statuses: string[] }[] = [
  { step: 'nothing reviewed', change: () => undefined, statuses: ['src/a.c R-1 unreviewed', 'src/b.c R-1 unreviewed', 'src/b.c R-9 unknown-target', 'src/c.c R-2 unreviewed'] },
  {
    step: 'every link with a target reviewed',
    change: (root) => runCli(['review', '--all', '--reviewer', 'tester', '--no-cache'], root),
    statuses: ['src/a.c R-1 reviewed', 'src/b.c R-1 reviewed', 'src/b.c R-9 unknown-target', 'src/c.c R-2 reviewed'],
  },
  {
    step: "R-2's title changed",
    change: (root) => writeFileSync(join(root, 'model/req.spdf.yaml'), model('Second, changed')),
    statuses: ['src/a.c R-1 reviewed', 'src/b.c R-1 reviewed', 'src/b.c R-9 unknown-target', 'src/c.c R-2 suspect'],
  },
  {
    step: 'the code of one of two links to R-1 changed',
    change: (root) => writeFileSync(join(root, 'src/a.c'), '/* @spdf implements R-1 */\nint f(void) { return 10; }\n'),
    statuses: ['src/a.c R-1 suspect', 'src/b.c R-1 reviewed', 'src/b.c R-9 unknown-target', 'src/c.c R-2 suspect'],
  },
];

describe('spdf links: review statuses', () => {
  before(() => (process.env.SPDF_NO_GIT = '1'));

  it(`follows the lock and the targets: ${STEPS.map((s) => s.step).join('; ')}`, () =>
    withTempWorkspace(FILES, async (root) => {
      for (const s of STEPS) {
        await s.change(root);
        const run = await runCli(['links', '.', '-f', 'json', '--no-cache'], root);
        const links = (JSON.parse(run.stdout) as { links: { file: string; id: string; status: string }[] }).links;
        assert.deepEqual(
          links.map((l) => `${l.file} ${l.id} ${l.status}`),
          s.statuses,
          s.step,
        );
      }
    }));
});
