// @spdf verifies SPDF-LSP-MULTIROOT
import assert from 'node:assert/strict';
import type { CodeLens, Hover } from 'vscode-languageserver/node';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Matrix } from '../../src/core/matrix/model';
import type { ZoneDiagram } from '../../src/core/matrix/diagram-model';
import type { EvidenceDiffResult, RootInfo, StatusSummary, TreeDataResult } from '../../src/protocol';
import { pollUntil } from '../support/wait';
import { posOf, startHarness } from './harness';
import { GIT_TEST_ENV } from '../support/git-env';

const model = (id: string, title: string) => `requirements:\n  - id: ${id}\n    title: ${title}\n    text: T\n    controls: [CTRL-404]\n`;

describe('language server: multi-root workspaces', function () {
  this.timeout(30000);

  it('serves every workspace folder with its own config and state, routing each document to its folder', async () => {
    const h = await startHarness(
      {
        'a/spdf.config.yaml': 'profile: recommended\n',
        'a/m.spdf.yaml': model('SEC-REQ-001', 'Alpha title'),
        'b/spdf.config.yaml': 'profile: recommended\n',
        'b/m.spdf.yaml': model('SEC-REQ-001', 'Beta title'),
      },
      { folders: ['a', 'b'] },
    );
    try {
      await h.open('a/m.spdf.yaml');
      await h.open('b/m.spdf.yaml');
      const has = (d: { code?: unknown }[]) => d.some((x) => x.code === 'TM002');
      await h.waitDiagnostics('a/m.spdf.yaml', has);
      await h.waitDiagnostics('b/m.spdf.yaml', has);
      const text = model('SEC-REQ-001', 'Beta title');
      const hover = await h.request<Hover>('textDocument/hover', { textDocument: { uri: h.uri('b/m.spdf.yaml') }, position: posOf(text, 'SEC-REQ-001', 2) });
      assert.match(JSON.stringify(hover.contents), /Beta title/);
      const lenses = await h.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: h.uri('b/m.spdf.yaml') } });
      assert.equal(lenses.length, 1, 'the second folder has its own model (the same ID in both is no duplicate)');
      for (const f of ['a/m.spdf.yaml', 'b/m.spdf.yaml'])
        assert.deepEqual(
          h.diagnostics.get(h.uri(f))?.filter((d) => d.code === 'TM001'),
          [],
          `${f}: no duplicate across roots`,
        );
    } finally {
      await h.close();
    }
  });

  it('serves a folder added while running and clears the diagnostics of a removed one', async () => {
    const h = await startHarness(
      { 'a/spdf.config.yaml': 'profile: recommended\n', 'a/m.spdf.yaml': model('SEC-REQ-001', 'A'), 'b/spdf.config.yaml': 'profile: recommended\n', 'b/m.spdf.yaml': model('SEC-REQ-001', 'B') },
      { folders: ['a'], capabilities: { workspace: { workspaceFolders: true }, textDocument: { publishDiagnostics: {} } } },
    );
    try {
      const tm002 = (d: { code?: unknown }[]) => d.some((x) => x.code === 'TM002');
      await h.open('a/m.spdf.yaml');
      await h.waitDiagnostics('a/m.spdf.yaml', tm002);
      const folder = (f: string) => ({ uri: pathToFileURL(join(h.root, f)).href, name: f });
      await h.client.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [folder('b')], removed: [] } });
      await h.open('b/m.spdf.yaml');
      await h.waitDiagnostics('b/m.spdf.yaml', tm002);
      const cleared = h.waitDiagnostics('a/m.spdf.yaml', (d) => d.length === 0);
      await h.client.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder('a')] } });
      assert.deepEqual(await cleared, []);
    } finally {
      await h.close();
    }
  });

  it('answers roots, tree, matrix, diagram and status per root, and refuses a folder that is no root', async () => {
    const zone = (id: string) => `zones:\n  - id: ${id}\n    name: ${id}\n`;
    const h = await startHarness(
      {
        'a/spdf.config.yaml': 'profile: recommended\n',
        'a/m.spdf.yaml': model('SEC-REQ-001', 'Alpha title') + zone('Z-ALPHA'),
        'b/spdf.config.yaml': 'profile: recommended\ncheck:\n  min_coverage: 80\n',
        'b/m.spdf.yaml': model('SEC-REQ-201', 'Beta one') + '  - id: SEC-REQ-202\n    title: Beta two\n    text: T\n' + zone('Z-BETA'),
      },
      { folders: ['a', 'b'] },
    );
    try {
      const [a, b] = [join(h.root, 'a'), join(h.root, 'b')];
      const roots = await h.request<RootInfo[]>('spdf/roots', {});
      assert.deepEqual(
        roots.map((r) => [r.root, r.name, r.config, r.items]),
        [
          [a, 'a', true, 2],
          [b, 'b', true, 3],
        ],
      );
      const treeIds = async (root?: string) => (await h.request<TreeDataResult>('spdf/treeData', root ? { root } : {})).rows.map((r) => r.id).sort();
      assert.deepEqual(await treeIds(b), ['SEC-REQ-201', 'SEC-REQ-202']);
      assert.deepEqual(await treeIds(a), ['SEC-REQ-001']);
      assert.deepEqual(await treeIds(), ['SEC-REQ-001'], 'without a root: the first');
      const tree = await h.request<TreeDataResult>('spdf/treeData', { root: b });
      assert.deepEqual(tree.zones, ['Z-BETA']);
      assert.equal(tree.rows[0].location.uri, pathToFileURL(join(b, 'm.spdf.yaml')).href);
      const matrix = await h.request<Matrix>('spdf/traceMatrix', { root: b, views: ['requirements'] });
      assert.deepEqual(matrix.views.requirements!.rows.map((r) => r.id).sort(), ['SEC-REQ-201', 'SEC-REQ-202']);
      const diagram = await h.request<ZoneDiagram>('spdf/zoneDiagram', { root: b });
      assert.deepEqual(
        diagram.zones.map((z) => z.id),
        ['Z-BETA'],
      );
      await assert.rejects(h.request('spdf/treeData', { root: join(h.root, 'c') }), /is not a root of this workspace/);
      await assert.rejects(h.request('spdf/zoneDiagram', { root: 7 }), /is not a root of this workspace/);
      const statuses = () => h.notifications.filter((n) => n.method === 'spdf/status').map((n) => n.params as StatusSummary);
      const full = () =>
        statuses()
          .reverse()
          .find((x) => !x.indexing && x.roots?.length === 2);
      await pollUntil(
        'a status with both roots',
        () => !!full(),
        10000,
        () => statuses().pop(),
      );
      const status = full()!;
      assert.deepEqual(
        status.roots!.map((r) => [r.root, r.coverage.total, r.minCoverage]),
        [
          [a, 1, 100],
          [b, 2, 80],
        ],
      );
      assert.equal(status.root, a, "the top-level counts are the first root's");
      assert.equal(status.coverage.total, 1);
    } finally {
      await h.close();
    }
  });

  it('compares the evidence of the folder a request names, not always the first', async () => {
    const h = await startHarness(
      { 'a/spdf.config.yaml': 'profile: recommended\n', 'a/m.spdf.yaml': model('SEC-REQ-001', 'A'), 'b/spdf.config.yaml': 'profile: recommended\n', 'b/m.spdf.yaml': model('SEC-REQ-001', 'B') },
      { folders: ['a', 'b'] },
    );
    try {
      const b = join(h.root, 'b');
      const git = (...args: string[]) => execFileSync('git', args, { cwd: b, env: GIT_TEST_ENV, stdio: 'ignore' });
      git('init', '-q', '-b', 'trunk');
      git('add', '-A');
      git('commit', '-q', '--no-gpg-sign', '-m', 'b');
      writeFileSync(join(b, 'm.spdf.yaml'), model('SEC-REQ-001', 'B') + '  - id: SEC-REQ-002\n    title: New in b\n    text: T\n');
      await h.open('a/m.spdf.yaml');
      await h.waitDiagnostics('a/m.spdf.yaml', (d) => d.length > 0);
      assert.deepEqual((await h.request<{ branches: string[] }>('spdf/branches', { root: b })).branches, ['trunk']);
      const diff = await h.request<EvidenceDiffResult>('spdf/evidenceDiff', { base: 'trunk', root: b });
      assert.equal(diff.error, undefined);
      assert.deepEqual(
        diff.diff?.items.added.map((i) => i.id),
        ['SEC-REQ-002'],
      );
      const first = await h.request<EvidenceDiffResult>('spdf/evidenceDiff', { base: 'trunk' });
      assert.match(first.error ?? '', /not inside a git repository/, 'without a root: the first folder, which is no repository');
      await assert.rejects(h.request('spdf/evidenceDiff', { base: 'trunk', root: join(h.root, 'c') }), /is not a root of this workspace/);
    } finally {
      await h.close();
    }
  });
});
