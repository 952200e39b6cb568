// @ts-check
// SPDF zone diagram webview: zones as containers coloured by class with SL-T badges, assets inside,
// conduits as labelled edges. Positions come precomputed (elkjs) in { type: 'data', diagram }.
// Every model string goes through textContent; no innerHTML.
(function () {
  'use strict';
  /* global acquireVsCodeApi */
  const vscode = acquireVsCodeApi();
  const NS = 'http://www.w3.org/2000/svg';
  const CLASSES = ['it', 'dmz', 'ot', 'device', 'external', 'cloud'];
  const M = 20;

  const app = document.getElementById('app') || document.body;
  const bar = document.createElement('div');
  bar.className = 'toolbar';
  const exportBtn = document.createElement('button');
  exportBtn.textContent = 'Export SVG';
  const legend = document.createElement('span');
  legend.className = 'legend';
  legend.textContent = 'solid: encrypted · dashed red: unencrypted · dotted: encryption unknown · thick: not through a DMZ · red outline: findings';
  bar.append(exportBtn, legend);
  const canvas = document.createElement('div');
  canvas.className = 'canvas';
  app.append(bar, canvas);
  let current = null;

  function s(tag, attrs, cls) {
    const e = document.createElementNS(NS, tag);
    if (cls) e.setAttribute('class', cls);
    for (const k of Object.keys(attrs || {})) e.setAttribute(k, String(attrs[k]));
    return e;
  }
  function text(x, y, value, cls) {
    const t = s('text', { x, y }, cls);
    t.textContent = String(value);
    return t;
  }
  function tip(node, lines) {
    const t = s('title', {});
    t.textContent = lines.filter(Boolean).join('\n');
    node.append(t);
  }
  function num(v) {
    return typeof v === 'number' && isFinite(v) ? v : 0;
  }
  function clickable(node, target) {
    node.classList.add('clickable');
    node.addEventListener('click', (e) => {
      e.stopPropagation();
      vscode.postMessage({ type: 'open', target });
    });
  }

  function draw(d) {
    current = d;
    canvas.replaceChildren();
    if (!d || !Array.isArray(d.zones) || d.zones.length === 0) {
      const p = document.createElement('div');
      p.className = 'empty';
      p.textContent = 'No zones in the model.';
      canvas.append(p);
      return;
    }
    const root = s('svg', { xmlns: NS, width: num(d.width) + 2 * M, height: num(d.height) + 2 * M, viewBox: `0 0 ${num(d.width) + 2 * M} ${num(d.height) + 2 * M}`, role: 'img' });
    const t = s('title', {});
    t.textContent = 'Zones and conduits';
    root.append(t);
    const layer = s('g', { transform: `translate(${M},${M})` });
    root.append(layer);
    for (const z of d.zones) {
      const cls = CLASSES.includes(z.zoneClass) ? z.zoneClass : 'unknown';
      const g = s('g', {}, `zone cls-${cls}${z.findings && z.findings.length ? ' has-findings' : ''}`);
      const x = num(z.x);
      const y = num(z.y);
      g.append(s('rect', { x, y, width: num(z.width), height: num(z.height), rx: 6 }, 'frame'));
      g.append(text(x + 8, y + 17, `${z.name} (${z.id})`, 'title'));
      g.append(text(x + 8, y + 32, [cls, ...(z.flags || [])].join(' · '), 'flags'));
      if (z.slT !== '') {
        // Compact badge (a scalar, or min-max of the FR vector); the full vector is in the tooltip.
        const levels = [...String(z.slT).matchAll(/FR\d\s+(\d)/g)].map((m) => Number(m[1]));
        const lo = Math.min(...levels);
        const hi = Math.max(...levels);
        const label = levels.length ? `SL-T ${lo === hi ? lo : `${lo}-${hi}`}` : `SL-T ${z.slT}`;
        const w = Math.min(num(z.width) - 8, label.length * 6.5 + 10);
        const badge = s('g', {}, 'badge');
        badge.append(s('rect', { x: x + num(z.width) - w - 4, y: y + 4, width: w, height: 16, rx: 8 }));
        badge.append(text(x + num(z.width) - w + 1, y + 16, label));
        g.append(badge);
      }
      tip(g, [`${z.id}: ${z.name}`, `class ${cls}`, z.slT !== '' ? `SL-T ${z.slT}` : '', `status ${z.status}`, ...(z.findings || [])]);
      clickable(g, { type: 'item', id: z.id, file: z.file, line: z.line });
      for (const a of z.assets || []) {
        const ag = s('g', {}, `asset${a.findings && a.findings.length ? ' has-findings' : ''}`);
        const ax = x + num(a.x);
        const ay = y + num(a.y);
        ag.append(s('rect', { x: ax, y: ay, width: num(a.width), height: num(a.height), rx: 3 }));
        ag.append(text(ax + 5, ay + 17, a.name));
        tip(ag, [`${a.id}: ${a.name}`, a.kind, ...(a.findings || [])]);
        clickable(ag, { type: 'item', id: a.id, file: a.file, line: a.line });
        g.append(ag);
      }
      layer.append(g);
    }
    for (const c of d.conduits || []) {
      const enc = c.encrypted === true ? 'true' : c.encrypted === false ? 'false' : 'unknown';
      const g = s('g', {}, `conduit enc-${enc} ${c.viaDmz ? 'dmz' : 'direct'}${c.findings && c.findings.length ? ' has-findings' : ''}`);
      for (const p of c.paths || []) {
        const pts = (p.points || []).map((pt) => `${num(pt.x)},${num(pt.y)}`);
        if (pts.length < 2) continue;
        g.append(s('path', { d: `M ${pts.join(' L ')}` }));
        if (p.label) g.append(text(num(p.label.x), num(p.label.y) + 12, c.label, 'conduit-label'));
      }
      tip(g, [`${c.id}: ${c.name}`, c.label, `status ${c.status}`, ...(c.findings || [])]);
      clickable(g, { type: 'item', id: c.id, file: c.file, line: c.line });
      layer.append(g);
    }
    canvas.append(root);
  }

  /** The SVG with computed theme colours inlined, so the file looks the same outside the editor. */
  function exportSvg() {
    const svgEl = canvas.querySelector('svg');
    if (!svgEl) return;
    const clone = /** @type {SVGSVGElement} */ (svgEl.cloneNode(true));
    const src = svgEl.querySelectorAll('*');
    const dst = clone.querySelectorAll('*');
    const props = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'font-family', 'font-size', 'font-weight'];
    src.forEach((node, i) => {
      const cs = getComputedStyle(node);
      for (const p of props) {
        const v = cs.getPropertyValue(p);
        if (v) dst[i].setAttribute(p, v);
      }
    });
    // A background rectangle, not a style attribute (the CSP forbids inline styles, even on a detached clone).
    const bg = s('rect', { x: 0, y: 0, width: '100%', height: '100%', fill: getComputedStyle(document.body).backgroundColor });
    clone.insertBefore(bg, clone.firstChild);
    vscode.postMessage({ type: 'saveSvg', svg: new XMLSerializer().serializeToString(clone) });
  }
  exportBtn.addEventListener('click', exportSvg);

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (msg && msg.type === 'data' && msg.diagram && typeof msg.diagram === 'object') draw(msg.diagram);
  });
  vscode.postMessage({ type: 'ready' });
})();
