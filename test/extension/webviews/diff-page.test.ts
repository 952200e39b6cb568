// @spdf verifies SPDF-LSP-IMPACT, SPDF-LSP-VIEWS
/** The evidence diff webview: a strict CSP shell, and a page that puts model text into the DOM as text only. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { diffHtml } from '../../../src/extension/webviews/html';
import { diffMessage } from '../../../src/extension/webviews/messages';

const MEDIA = join(__dirname, '..', '..', '..', 'media');
const SCRIPT = readFileSync(join(MEDIA, 'diff', 'diff.js'), 'utf8');
/** The banner script the shell loads before the page's (media/common/incomplete.js). */
const BANNER = readFileSync(join(MEDIA, 'common', 'incomplete.js'), 'utf8');
const EVIL = '<img src=x onerror=alert(1)>';

/** Just enough DOM for the page: elements with children, textContent and click listeners. */
class FakeElement {
  children: FakeElement[] = [];
  textContent = '';
  className = '';
  href = '';
  listeners: Record<string, (ev: { preventDefault(): void }) => void> = {};
  constructor(readonly tagName: string) {}
  appendChild(c: FakeElement) {
    this.children.push(c);
    return c;
  }
  append(...c: FakeElement[]) {
    this.children.push(...c);
  }
  setAttribute() {}
  replaceChildren() {
    this.children = [];
  }
  addEventListener(type: string, fn: (ev: { preventDefault(): void }) => void) {
    this.listeners[type] = fn;
  }
  all(): FakeElement[] {
    return [this, ...this.children.flatMap((c) => c.all())];
  }
}

function loadPage() {
  const app = new FakeElement('div');
  const posted: unknown[] = [];
  let onMessage: (e: { data: unknown }) => void = () => undefined;
  const context = createContext({
    acquireVsCodeApi: () => ({ postMessage: (m: unknown) => posted.push(JSON.parse(JSON.stringify(m))) }),
    document: { getElementById: () => app, createElement: (t: string) => new FakeElement(t) },
    window: { addEventListener: (_t: string, fn: typeof onMessage) => (onMessage = fn) },
  });
  runInContext(BANNER, context);
  runInContext(SCRIPT, context);
  return { app, posted, send: (data: unknown) => onMessage({ data }) };
}

describe('evidence diff webview', () => {
  it('the shell allows scripts only by nonce and no inline style', () => {
    const html = diffHtml('vscode-resource:', 'N0NCE', (p) => `vscode-resource:/media/${p}`);
    assert.match(html, /script-src &#39;nonce-N0NCE&#39;/);
    assert.match(html, /default-src &#39;none&#39;/);
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
    assert.match(html, /<script nonce="N0NCE" src="vscode-resource:\/media\/diff\/diff\.js"><\/script>/);
  });

  it('never writes HTML from strings, shows hostile model text as text, and opens items by file and line', () => {
    const code = SCRIPT.replace(/^\s*\/\/.*$/gm, '');
    assert.doesNotMatch(code, /innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    const page = loadPage();
    assert.deepEqual(page.posted, [{ type: 'ready', hasState: false }]);
    const diff = {
      version: 1,
      base: { label: 'main', commit: 'a'.repeat(40) },
      head: { label: 'working tree' },
      items: { added: [{ id: EVIL, kind: 'requirement', file: 'm.spdf.yaml', line: 7 }], removed: [], changed: [] },
      links: { added: [], removed: [], becameSuspect: [], symbolsChanged: [] },
      statuses: [],
      coverage: { before: { total: 1, okOrJustified: 1, percent: 100 }, after: { total: 2, okOrJustified: 1, percent: 50 }, delta: -50 },
      findings: { new: [{ code: 'RQ001', severity: 'error', message: EVIL, file: 'm.spdf.yaml', range: { start: { line: 6, character: 4 }, end: { line: 6, character: 9 } } }], resolved: [] },
      impact: [{ subject: EVIL, type: 'item', reason: 'added', hazards: [], threats: [], controls: [], requirements: [EVIL], tests: [] }],
      problems: [],
    };
    page.send({ type: 'data', result: { base: 'main', diff, notes: [] } });
    const texts = page.app.all().map((e) => e.textContent);
    assert.ok(texts.filter((t) => t === EVIL).length >= 3, 'the hostile strings are shown verbatim as text');
    assert.ok(texts.includes('Coverage 100.0% -> 50.0% (-50.0 points)'));
    const anchor = page.app.all().find((e) => e.tagName === 'a' && e.textContent === 'm.spdf.yaml:7')!;
    anchor.listeners.click({ preventDefault() {} });
    assert.deepEqual(page.posted.at(-1), { type: 'open', target: { type: 'item', file: 'm.spdf.yaml', line: 7 } });
  });

  it('says INCOMPLETE above the coverage and the changes when an input of either side was not read', () => {
    const page = loadPage();
    const problems = ['working tree: spdf.lock.json is not valid JSON'];
    const diff = { base: { label: 'main' }, head: { label: 'working tree' }, coverage: {}, items: {}, links: {}, statuses: [], findings: {}, impact: [], problems };
    page.send(diffMessage({ base: 'main', diff: diff as never, notes: [] }));
    const texts = page.app
      .all()
      .map((e) => e.textContent)
      .filter(Boolean);
    const headline = texts.findIndex((t) => t.startsWith('INCOMPLETE: 1 input problem '));
    assert.ok(headline > 0 && headline < texts.findIndex((t) => t.startsWith('Coverage ')), JSON.stringify(texts));
    assert.ok(texts.includes(problems[0]));
  });

  it('shows why there is no diff instead of an empty report', () => {
    const page = loadPage();
    page.send({ type: 'data', result: { base: 'nope', error: "unknown revision 'nope'", notes: [] } });
    assert.deepEqual(
      page.app
        .all()
        .map((e) => e.textContent)
        .filter(Boolean),
      ['Evidence diff against nope', "unknown revision 'nope'"],
    );
  });
});
