/**
 * The HTML shell of the SPDF webviews, without any `vscode` import so tests can render it in a real
 * browser. Strict CSP: no inline script or style, scripts only from media/ with a per-load nonce.
 */
export interface WebviewShell {
  title: string;
  /** `webview.cspSource`. */
  cspSource: string;
  nonce: string;
  /** `webview.asWebviewUri(...)` of each script under media/, in order. */
  scripts: string[];
  styles: string[];
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]);

export function webviewHtml(s: WebviewShell): string {
  const csp = [
    "default-src 'none'",
    `style-src ${s.cspSource}`,
    `img-src ${s.cspSource} data:`,
    `font-src ${s.cspSource}`,
    `script-src 'nonce-${s.nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    ...s.styles.map((u) => `<link rel="stylesheet" href="${esc(u)}">`),
    `<title>${esc(s.title)}</title>`,
    '</head>',
    '<body>',
    '<div id="app"></div>',
    ...s.scripts.map((u) => `<script nonce="${esc(s.nonce)}" src="${esc(u)}"></script>`),
    '</body>',
    '</html>',
  ].join('\n');
}

/** 32 random alphanumerics (crypto-strength when available). */
export function makeNonce(random: (n: number) => Uint8Array = defaultRandom): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return [...random(32)].map((b) => chars[b % chars.length]).join('');
}

function defaultRandom(n: number): Uint8Array {
  const out = new Uint8Array(n);
  globalThis.crypto.getRandomValues(out);
  return out;
}

/** The INCOMPLETE banner every page shows above its data (media/common/incomplete.{js,css}). */
const INCOMPLETE_JS = 'common/incomplete.js';
const INCOMPLETE_CSS = 'common/incomplete.css';

export const MATRIX_VIEW_TYPE = 'spdf.matrix';
export const DIAGRAM_VIEW_TYPE = 'spdf.zoneDiagram';

/** Matrix webview shell: media/matrix/matrix.{css,js}. `asUri` maps a path under media/ to a webview URI. */
export function matrixHtml(cspSource: string, nonce: string, asUri: (mediaPath: string) => string): string {
  return webviewHtml({ title: 'SPDF traceability matrix', cspSource, nonce, styles: [asUri('matrix/matrix.css'), asUri(INCOMPLETE_CSS)], scripts: [asUri(INCOMPLETE_JS), asUri('matrix/matrix.js')] });
}

/** Zone diagram shell: media/diagram/diagram.{css,js}, after the layout bundle media/diagram/layout.js (built by scripts/build.mjs). */
export function diagramHtml(cspSource: string, nonce: string, asUri: (mediaPath: string) => string): string {
  return webviewHtml({
    title: 'SPDF zone diagram',
    cspSource,
    nonce,
    styles: [asUri('diagram/diagram.css'), asUri(INCOMPLETE_CSS)],
    scripts: [asUri(INCOMPLETE_JS), asUri('diagram/layout.js'), asUri('diagram/diagram.js')],
  });
}

export const DIFF_VIEW_TYPE = 'spdf.evidenceDiff';

/** Evidence diff shell: media/diff/diff.{css,js}. */
export function diffHtml(cspSource: string, nonce: string, asUri: (mediaPath: string) => string): string {
  return webviewHtml({ title: 'SPDF evidence diff', cspSource, nonce, styles: [asUri('diff/diff.css'), asUri(INCOMPLETE_CSS)], scripts: [asUri(INCOMPLETE_JS), asUri('diff/diff.js')] });
}
