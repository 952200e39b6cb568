// @spdf verifies SPDF-EXT-STATUS
import assert from 'node:assert/strict';
import { rootOfPath, statusView, type StatusView } from '../../src/extension/status-view';
import type { CoverageSummary, RootStatus, StatusSummary } from '../../src/protocol';

const coverage = (percent: number | undefined, total: number): CoverageSummary => ({ percent, total, byStatus: { OK: 0, PARTIAL: 0, MISSING: 0, SUSPECT: 0, JUSTIFIED: 0, ERROR: 0 } });
const root = (path: string, percent: number | undefined, extra: Partial<RootStatus> = {}): RootStatus => ({
  root: path,
  errors: 0,
  warnings: 0,
  infos: 0,
  coverage: coverage(percent, percent === undefined ? 0 : 10),
  items: 20,
  codeFiles: 3,
  links: 7,
  ...extra,
});
/** A summary as the server sends it: the top-level counts are the first root's. */
const summary = (roots: RootStatus[], extra: Partial<StatusSummary> = {}): StatusSummary => ({ indexing: false, trusted: true, ...roots[0], roots, ...extra });

const A = '/ws/pump';
const B = '/ws/gateway';

interface Case {
  name: string;
  status: StatusSummary;
  active?: string;
  text: string;
  background: StatusView['background'];
  /** Text the tooltip must contain. */
  tooltip: (string | RegExp)[];
  /** Text the tooltip must not contain. */
  notInTooltip?: (string | RegExp)[];
}

const CASES: Case[] = [
  {
    name: 'coverage at the default minimum (100): no colour',
    status: summary([root(A, 100)]),
    text: '$(checklist) SPDF 100%',
    background: undefined,
    tooltip: ['**SPDF coverage 100%** of 10 requirements', 'minimum 100%', '20 items, 7 code links in 3 files', 'command:spdf.showMatrix'],
    notInTooltip: ['below the minimum', 'error-level', 'Roots:'],
  },
  {
    name: 'coverage above a configured minimum: no colour',
    status: summary([root(A, 85.55, { minCoverage: 80 })]),
    text: '$(checklist) SPDF 85.5%',
    background: undefined,
    tooltip: ['minimum 80%'],
    notInTooltip: ['below the minimum'],
  },
  {
    name: 'an item in ERROR (a failed test) under a minimum of 0: error colour, as spdf check fails',
    status: summary([root(A, 0, { minCoverage: 0, coverage: { percent: 0, total: 1, byStatus: { OK: 0, PARTIAL: 0, MISSING: 0, SUSPECT: 0, JUSTIFIED: 0, ERROR: 1 } } })]),
    text: '$(checklist) SPDF 0%',
    background: 'error',
    tooltip: ['**1 item in ERROR** (a failed test, a broken reference; see the requirements view): `spdf check` fails on each'],
    notInTooltip: ['below the minimum', 'error-level'],
  },
  {
    name: 'coverage below the configured minimum: warning colour',
    status: summary([root(A, 79.99, { minCoverage: 80 })]),
    text: '$(checklist) SPDF 79.9%',
    background: 'warning',
    tooltip: ['minimum 80% — **below the minimum**'],
  },
  {
    name: 'no requirement in scope: the gate fails on an empty set, so it is coloured',
    status: summary([root(A, undefined)]),
    text: '$(checklist) SPDF –',
    background: 'warning',
    tooltip: ['**No requirement in scope**'],
  },
  {
    name: 'error-level findings at full coverage (a file that does not load hides its requirements): error colour, no count in the text',
    status: summary([root(A, 100, { errors: 2 })]),
    text: '$(checklist) SPDF 100%',
    background: 'error',
    tooltip: ['**2 error-level findings**'],
  },
  {
    name: 'source files not scanned for tags (counted in errors) at full coverage: error colour, named apart from the findings',
    status: summary([root(A, 100, { errors: 3, unscanned: 2 })]),
    text: '$(checklist) SPDF 100%',
    background: 'error',
    tooltip: ['**2 source files not scanned** for tags (see Problems)', '**1 error-level finding** (see Problems)'],
  },
  {
    name: 'only an unscanned source file: no finding count',
    status: summary([root(A, 100, { errors: 1, unscanned: 1 })]),
    text: '$(checklist) SPDF 100%',
    background: 'error',
    tooltip: ['**1 source file not scanned** for tags'],
    notInTooltip: ['error-level'],
  },
  {
    name: 'inputs not read (counted in errors) at full coverage: error colour, named apart from unscanned files and findings',
    status: summary([root(A, 100, { errors: 4, unscanned: 1, inputProblems: 2 })]),
    text: '$(checklist) SPDF 100%',
    background: 'error',
    tooltip: ['**2 inputs not read or not understood**', '**1 source file not scanned**', '**1 error-level finding**'],
  },
  {
    name: 'only an input not read: no finding count',
    status: summary([root(A, 100, { errors: 1, inputProblems: 1 })]),
    text: '$(checklist) SPDF 100%',
    background: 'error',
    tooltip: ['**1 input not read or not understood**'],
    notInTooltip: ['error-level', 'not scanned'],
  },
  {
    name: 'one error-level finding is singular',
    status: summary([root(A, 50, { errors: 1, minCoverage: 0 })]),
    text: '$(checklist) SPDF 50%',
    background: 'error',
    tooltip: ['**1 error-level finding** (see Problems)'],
  },
  {
    name: 'indexing: a spinner and no numbers',
    status: { ...summary([root(A, 10)]), indexing: true, roots: undefined },
    text: '$(sync~spin) SPDF indexing',
    background: undefined,
    tooltip: ['indexing the workspace', 'command:spdf.reindex'],
    notInTooltip: ['coverage'],
  },
  {
    name: 'Restricted Mode is said in the tooltip',
    status: summary([root(A, 100)], { trusted: false }),
    text: '$(checklist) SPDF 100%',
    background: undefined,
    tooltip: ['Restricted Mode: read-only'],
  },
  {
    name: 'a summary without per-root data (an older server) uses the top-level counts',
    status: { ...summary([root(A, 40, { minCoverage: 30 })]), roots: undefined },
    text: '$(checklist) SPDF 40%',
    background: undefined,
    tooltip: ['minimum 30%'],
  },
  {
    name: 'multi-root, no active editor: the first root, named, and the others in the tooltip',
    status: summary([root(A, 100), root(B, 50, { errors: 3 })]),
    text: '$(checklist) SPDF 100% · pump',
    background: undefined,
    tooltip: ['**SPDF coverage 100%** in pump', 'Roots: gateway 50% (3 errors)'],
  },
  {
    name: "multi-root: follows the active editor's root, with that root's minimum and errors",
    status: summary([root(A, 100), root(B, 50, { errors: 3, minCoverage: 40 })]),
    active: `${B}/src/main.c`,
    text: '$(checklist) SPDF 50% · gateway',
    background: 'error',
    tooltip: ['in gateway', 'minimum 40%', '**3 error-level findings**', 'Roots: pump 100%'],
    notInTooltip: ['below the minimum'],
  },
  {
    name: 'multi-root: an editor outside every root shows the first root',
    status: summary([root(A, 100), root(B, 20)]),
    active: '/elsewhere/notes.md',
    text: '$(checklist) SPDF 100% · pump',
    background: undefined,
    tooltip: ['Roots: gateway 20%'],
  },
  {
    name: 'multi-root: a folder whose name extends another root is not inside it',
    status: summary([root(A, 100), root(B, 20)]),
    active: '/ws/pump-old/x.c',
    text: '$(checklist) SPDF 100% · pump',
    background: undefined,
    tooltip: [],
  },
  // The tooltip is Markdown trusted with the status commands: a root's folder name is text in it, never a link or markup.
  ...(
    [
      ['[Open Matrix](command:spdf.showMatrix)', '\\[Open Matrix\\](command:spdf.showMatrix)'],
      ['**SPDF coverage 100%**', '\\*\\*SPDF coverage 100%\\*\\*'],
      ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
      ['a|b`c`', 'a\\|b\\`c\\`'],
    ] as const
  ).map(([name, shown]): Case => ({
    name: `multi-root: the folder name ${JSON.stringify(name)} is escaped in the tooltip`,
    status: summary([root(`/ws/${name}`, 100), root(`/ws/x${name}`, 20)]),
    text: `$(checklist) SPDF 100% · ${name}`,
    background: undefined,
    tooltip: [`in ${shown} of 10`, `Roots: x${shown} 20%`],
    notInTooltip: [`in ${name}`, `Roots: x${name}`],
  })),
];

describe('status bar view (pure)', () => {
  for (const c of CASES)
    it(c.name, () => {
      const v = statusView(c.status, c.active);
      assert.equal(v.text, c.text);
      assert.equal(v.background, c.background);
      for (const t of c.tooltip) assert.ok(typeof t === 'string' ? v.tooltip.includes(t) : t.test(v.tooltip), `tooltip has ${t}:\n${v.tooltip}`);
      for (const t of c.notInTooltip ?? []) assert.ok(typeof t === 'string' ? !v.tooltip.includes(t) : !t.test(v.tooltip), `tooltip lacks ${t}:\n${v.tooltip}`);
    });

  it('finds the innermost root of a path, on either separator', () => {
    const roots = ['/ws', '/ws/pump', 'C:\\w\\gw'];
    assert.equal(rootOfPath(roots, '/ws/pump/src/a.c'), '/ws/pump');
    assert.equal(rootOfPath(roots, '/ws/other/a.c'), '/ws');
    assert.equal(rootOfPath(roots, '/ws/pump'), '/ws/pump');
    assert.equal(rootOfPath(roots, 'C:\\w\\gw\\x.c'), 'C:\\w\\gw');
    assert.equal(rootOfPath(roots, '/wsx/a.c'), undefined);
    assert.equal(rootOfPath(roots, undefined), undefined);
  });
});
