// @spdf verifies SPDF-LSP-VIEWS
/**
 * The matrix, zone diagram and evidence diff pages say INCOMPLETE, with the problems, when the data lists input
 * problems: the messages carry the exports' headline, every shell loads the shared banner script by nonce, and the
 * script puts hostile text into the DOM as text only.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { coverageLine } from '../../../src/core/export/table';
import type { Matrix } from '../../../src/core/matrix/model';
import { diagramHtml, diffHtml, matrixHtml } from '../../../src/extension/webviews/html';
import { answered, diagramMessage, diffMessage, matrixMessage } from '../../../src/extension/webviews/messages';
import type { ZoneDiagramResult } from '../../../src/protocol';

const MEDIA = join(__dirname, '..', '..', '..', 'media');
const SCRIPT = readFileSync(join(MEDIA, 'common', 'incomplete.js'), 'utf8');
const EVIL = '<img src=x onerror=alert(1)>';

class FakeElement {
  children: FakeElement[] = [];
  textContent = '';
  className = '';
  attributes: Record<string, string> = {};
  constructor(readonly tagName: string) {}
  setAttribute(k: string, v: string) {
    this.attributes[k] = v;
  }
  appendChild(c: FakeElement) {
    this.children.push(c);
    return c;
  }
  append(...c: FakeElement[]) {
    this.children.push(...c);
  }
  replaceChildren() {
    this.children = [];
  }
  all(): FakeElement[] {
    return [this, ...this.children.flatMap((c) => c.all())];
  }
}

function banner(incomplete: unknown): FakeElement {
  const g: { SpdfIncomplete?: { render(c: FakeElement, i: unknown): void }; document: unknown } = { document: { createElement: (t: string) => new FakeElement(t) } };
  runInNewContext(SCRIPT, g);
  const box = new FakeElement('div');
  box.appendChild(new FakeElement('stale'));
  g.SpdfIncomplete!.render(box, incomplete);
  return box;
}

const matrix = (problems: string[]) =>
  ({ version: 1, coverage: { percent: 100, total: 1, byStatus: { OK: 1, PARTIAL: 0, MISSING: 0, SUSPECT: 0, JUSTIFIED: 0, ERROR: 0 } }, views: {}, problems }) as unknown as Matrix;

describe('webviews: the INCOMPLETE banner', () => {
  it("carries the exports' INCOMPLETE headline and the problems with the data of each page, and nothing when every input was read", () => {
    const problems = ['spdf.lock.json is not valid JSON', EVIL];
    const m = matrixMessage(matrix(problems));
    assert.ok(m.incomplete && coverageLine(matrix(problems)).endsWith(` -- ${m.incomplete.headline}`));
    assert.deepEqual(m.incomplete.problems, problems);
    assert.deepEqual(diagramMessage({ zones: [], conduits: [], problems } as unknown as ZoneDiagramResult).incomplete, m.incomplete);
    assert.deepEqual(diffMessage({ diff: { problems } } as never).incomplete, m.incomplete);
    assert.equal(matrixMessage(matrix([])).incomplete, undefined);
    assert.equal(diagramMessage({ zones: [], conduits: [], problems: [] } as unknown as ZoneDiagramResult).incomplete, undefined);
    assert.equal(diffMessage({ error: 'not a git repository' }).incomplete, undefined);
  });

  it('a server that sent no matrix or diagram (it failed) is an error, not a page waiting for data', () => {
    assert.throws(() => answered('matrix', null), /the language server sent no matrix/);
    assert.throws(() => answered('zone diagram', undefined), /sent no zone diagram/);
    const m = matrix([]);
    assert.equal(answered('matrix', m), m);
  });

  it('every page loads the banner script by nonce before its own, under the strict CSP', () => {
    for (const shell of [matrixHtml, diagramHtml, diffHtml]) {
      const html = shell('vscode-resource:', 'N0NCE', (p) => `vscode-resource:/media/${p}`);
      assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
      const scripts = [...html.matchAll(/<script nonce="N0NCE" src="vscode-resource:\/media\/([^"]+)"><\/script>/g)].map((x) => x[1]);
      assert.equal(scripts[0], 'common/incomplete.js', html);
      assert.equal(scripts.length, (html.match(/<script/g) ?? []).length);
      assert.match(html, /href="vscode-resource:\/media\/common\/incomplete\.css"/);
    }
    for (const page of ['matrix/matrix.js', 'diagram/diagram.js', 'diff/diff.js']) assert.match(readFileSync(join(MEDIA, page), 'utf8'), /SpdfIncomplete\.render\(/, page);
  });

  it('shows the headline and each problem as text, and empties itself when there is nothing to say', () => {
    const box = banner({ headline: 'INCOMPLETE: 2 input problems', problems: ['a.spdf.yaml:1:1: TM000 broken', EVIL] });
    assert.equal(box.attributes.role, 'alert');
    assert.deepEqual(
      box
        .all()
        .slice(1)
        .map((e) => [e.tagName, e.textContent]),
      [
        ['div', 'INCOMPLETE: 2 input problems'],
        ['div', 'Input problems'],
        ['ul', ''],
        ['li', 'a.spdf.yaml:1:1: TM000 broken'],
        ['li', EVIL],
      ],
    );
    assert.doesNotMatch(SCRIPT.replace(/^\s*\/\/.*$/gm, ''), /innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    assert.deepEqual(banner(undefined).children, []);
    assert.deepEqual(banner({ problems: ['x'] }).children, []);
  });
});
