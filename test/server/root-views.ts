import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import type { StatusSummary, TreeDataResult } from '../../src/protocol';
import { runCli } from '../support/cli';
import type { Harness } from './harness';

/** What a root shows: its requirements with their statuses, its coverage, and whether its status counts errors. */
export type RootView = { rows: string[]; coverage: Record<string, number>; errors: boolean };
type TraceJson = { views: { requirements: { rows: { id: string; status: string }[] } } };
type CheckJson = { pass: boolean; coverage: { byStatus: Record<string, number> }; offenders: unknown[] };

/** The editor's view of `root`: the tree's rows and the latest complete status of that root (the whole status for one root). */
export async function editorView(h: Harness, root: string): Promise<RootView> {
  const tree = await h.request<TreeDataResult>('spdf/treeData', { root });
  const status = [...h.notifications].reverse().find((n) => n.method === 'spdf/status' && !(n.params as StatusSummary).indexing)?.params as StatusSummary | undefined;
  const mine = status?.roots?.find((r) => r.root === root) ?? status;
  return { rows: tree.rows.map((r) => `${r.id} ${r.status}`).sort(), coverage: mine?.coverage.byStatus ?? {}, errors: (mine?.errors ?? 0) > 0 };
}

/** The same view by `spdf trace` and `spdf check` on the folder, and whether the check passes. */
export async function cliView(root: string): Promise<RootView & { pass: boolean }> {
  const trace = JSON.parse((await runCli(['trace', root, '--format', 'json', '--no-cache'])).stdout) as TraceJson;
  const check = JSON.parse((await runCli(['check', root, '--format', 'json', '--no-cache'])).stdout) as CheckJson;
  return { rows: trace.views.requirements.rows.map((r) => `${r.id} ${r.status}`).sort(), coverage: check.coverage.byStatus, errors: check.offenders.length > 0, pass: check.pass };
}

/** Asserts `spdf check` on `root` says `want`, then waits until the editor's view of `root` is the CLI's (15 s) and asserts it. */
export async function sameAsCli(h: Harness, root: string, want: { rows: string[]; pass: boolean }): Promise<void> {
  const cli = await cliView(root);
  // The CLI reads what the step meant to change: a step that changed nothing for it would prove nothing here.
  assert.deepEqual({ rows: cli.rows, pass: cli.pass }, want, `spdf check on ${root}`);
  const { pass: _, ...expected } = cli;
  const end = Date.now() + 15000;
  let got = await editorView(h, root);
  while (!isDeepStrictEqual(got, expected) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    got = await editorView(h, root);
  }
  assert.deepEqual(got, expected, `the editor's view of ${root}`);
}
