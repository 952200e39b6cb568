// @ts-check
// SPDF zone diagram webview: zones as containers coloured by class with SL-T badges, assets inside,
// conduits as labelled edges. The page receives the diagram model in { type: 'data', diagram }, measures every
// label in the SVG font it draws with, and lays out again with the core layout (media/diagram/layout.js, global
// SpdfDiagramLayout), so no label runs out of its box. Zoom, pan and fit (mouse, buttons and keys + - 0 and
// arrows) are kept with vscode.setState. Every model string goes through textContent; no innerHTML.
(function () {
  'use strict';
  /* global acquireVsCodeApi, SpdfDiagramLayout, SpdfIncomplete */
  const vscode = acquireVsCodeApi();
  const NS = 'http://www.w3.org/2000/svg';
  const CLASSES = ['it', 'dmz', 'ot', 'device', 'external', 'cloud'];
  const M = 20;
  const LINE_H = { title: 17, flags: 15, badge: 15, asset: 15, label: 15 };
  const MIN_K = 0.1;
  const MAX_K = 4;

  const app = document.getElementById('app') || document.body;
  const bar = document.createElement('div');
  bar.className = 'toolbar';
  function button(label, title) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.title = title;
    bar.append(b);
    return b;
  }
  const exportBtn = button('Export SVG', 'Export SVG');
  const zoomIn = button('Zoom in', 'Zoom in (+)');
  const zoomOut = button('Zoom out', 'Zoom out (-)');
  const fitBtn = button('Fit', 'Fit to view (0)');
  const oneBtn = button('100%', 'Actual size (1)');
  const zoomLabel = document.createElement('span');
  zoomLabel.className = 'zoom';
  zoomLabel.setAttribute('aria-live', 'polite');
  const legend = document.createElement('span');
  legend.className = 'legend';
  legend.textContent = 'solid: encrypted · dashed: unencrypted · dotted: encryption unknown · thick: not through a DMZ · thick red outline: findings';
  bar.append(zoomLabel, legend);
  const status = document.createElement('div');
  status.className = 'status';
  status.setAttribute('role', 'status');
  const canvas = document.createElement('div');
  canvas.className = 'canvas';
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'region');
  canvas.setAttribute('aria-label', 'Zones and conduits diagram: + and - zoom, 0 fits, arrows pan');
  // Model files not read: their zones and conduits are missing from the drawing.
  const incomplete = document.createElement('div');
  incomplete.className = 'incomplete';
  app.append(bar, incomplete, status, canvas);

  /** @type {{k:number, tx:number, ty:number, fit:boolean}} */
  const view = sanitize(vscode.getState());
  let current = null;
  /** @type {SVGSVGElement|null} */
  let svgRoot = null;
  /** @type {SVGGElement|null} */
  let layer = null;
  let generation = 0;

  function sanitize(saved) {
    const s = saved && typeof saved === 'object' && saved.view && typeof saved.view === 'object' ? saved.view : {};
    const n = (v, d) => (typeof v === 'number' && isFinite(v) ? v : d);
    return { k: Math.min(MAX_K, Math.max(MIN_K, n(s.k, 1))), tx: n(s.tx, 0), ty: n(s.ty, 0), fit: s.fit !== false };
  }
  let saveTimer = 0;
  function save() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => vscode.setState({ view }), 100);
  }

  function s(tag, attrs, cls) {
    const e = document.createElementNS(NS, tag);
    if (cls) e.setAttribute('class', cls);
    for (const k of Object.keys(attrs || {})) e.setAttribute(k, String(attrs[k]));
    return e;
  }
  /** Lines of text, the first baseline at y (each line one tspan). */
  function lines(x, y, values, cls, lineH) {
    const t = s('text', { x, y }, cls);
    values.forEach((v, i) => {
      const span = s('tspan', { x, y: y + i * lineH });
      span.textContent = String(v);
      t.append(span);
    });
    return t;
  }
  function tip(node, texts) {
    const t = s('title', {});
    t.textContent = texts.filter(Boolean).join('\n');
    node.append(t);
  }
  function num(v) {
    return typeof v === 'number' && isFinite(v) ? v : 0;
  }
  function strs(v) {
    return Array.isArray(v) ? v.map(String) : [];
  }
  /** Click opens the item; `focusable` (a group named by its <title>) also opens it with Enter. */
  function clickable(node, target, focusable) {
    node.classList.add('clickable');
    if (focusable) {
      focusable.setAttribute('tabindex', '0');
      focusable.setAttribute('role', 'link');
    }
    const open = (e) => {
      e.stopPropagation();
      vscode.postMessage({ type: 'open', target });
    };
    node.addEventListener('click', open);
    if (focusable)
      focusable.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') open(e);
      });
  }

  // ---- text measurement in the drawing font ------------------------------------------------------
  const measureSvg = s('svg', { 'aria-hidden': 'true' }, 'measure');
  const measureText = s('text', { x: 0, y: 20 });
  measureSvg.append(measureText);
  document.body.append(measureSvg);
  const widths = new Map();
  function measure(text, style) {
    const key = `${style}\u0000${text}`;
    let w = widths.get(key);
    if (w === undefined) {
      measureText.setAttribute('class', `t-${style}`);
      measureText.textContent = text;
      // The bounding box also covers glyph overhang (italic, bold), which the advance width does not.
      w = Math.max(measureText.getComputedTextLength(), measureText.getBBox().width);
      widths.set(key, w);
    }
    return w;
  }

  function message(text, cls) {
    status.textContent = text;
    status.className = `status ${cls}`;
  }

  async function show(d) {
    const gen = ++generation;
    if (!d || !Array.isArray(d.zones) || d.zones.length === 0) {
      draw(null);
      return;
    }
    if (typeof SpdfDiagramLayout === 'undefined') {
      // Fail visibly: a diagram laid out without measured text may hide labels.
      message('The diagram layout script did not load (media/diagram/layout.js); rebuild the extension.', 'error');
      draw(null);
      return;
    }
    message('Laying out…', 'busy');
    try {
      // Measure in the final font.
      if (document.fonts && document.fonts.ready) await document.fonts.ready;
      if (gen !== generation) return;
      widths.clear();
      const laid = await SpdfDiagramLayout.layoutZoneDiagram(d, measure);
      if (gen !== generation) return;
      message('', '');
      draw(laid);
    } catch (e) {
      if (gen !== generation) return;
      message(`The diagram could not be laid out: ${e && e.message ? e.message : e}`, 'error');
      draw(null);
    }
  }

  function draw(d) {
    current = d;
    canvas.replaceChildren();
    svgRoot = null;
    layer = null;
    if (!d) {
      if (!status.textContent) {
        const p = document.createElement('div');
        p.className = 'empty';
        p.textContent = 'No zones in the model.';
        canvas.append(p);
      }
      return;
    }
    const root = /** @type {SVGSVGElement} */ (s('svg', { xmlns: NS, width: '100%', height: '100%' }));
    root.setAttribute('aria-label', 'Zones and conduits');
    const t = s('title', {});
    t.textContent = 'Zones and conduits';
    root.append(t);
    const g0 = /** @type {SVGGElement} */ (s('g', {}, 'layer'));
    root.append(g0);
    for (const z of d.zones) drawZone(g0, z);
    for (const c of d.conduits || []) drawConduit(g0, c);
    canvas.append(root);
    svgRoot = root;
    layer = g0;
    if (view.fit) fit();
    else apply();
  }

  function drawZone(parent, z) {
    const cls = CLASSES.includes(z.zoneClass) ? z.zoneClass : 'unknown';
    const g = s('g', {}, `zone cls-${cls}${z.findings && z.findings.length ? ' has-findings' : ''}`);
    g.dataset.id = String(z.id);
    const x = num(z.x);
    const y = num(z.y);
    const w = num(z.width);
    g.append(s('rect', { x, y, width: w, height: num(z.height), rx: 6 }, 'frame box'));
    const title = strs(z.titleLines);
    const flags = strs(z.flagLines);
    // The header is the zone's keyboard stop (the whole frame takes clicks); its <title> names it.
    const head = s('g', {}, 'head');
    head.append(lines(x + 8, y + 6 + 13, title, 't-title', LINE_H.title));
    head.append(lines(x + 8, y + 6 + title.length * LINE_H.title + 11, flags, 't-flags', LINE_H.flags));
    if (z.badge) {
      const bw = num(z.badgeWidth);
      const badge = s('g', {}, 'badge');
      badge.append(s('rect', { x: x + w - 8 - bw, y: y + 5, width: bw, height: LINE_H.badge + 2, rx: 8 }, 'box'));
      badge.append(lines(x + w - 8 - bw + 6, y + 5 + 13, [z.badge], 't-badge', LINE_H.badge));
      head.append(badge);
    }
    tip(head, [`Zone ${z.name} (${z.id})`, `class ${cls}`, z.slT !== '' ? `SL-T ${z.slT}` : '', `status ${z.status}`, ...(z.findings || [])]);
    g.append(head);
    clickable(g, { type: 'item', id: z.id, file: z.file, line: z.line }, head);
    for (const a of z.assets || []) {
      const ag = s('g', {}, `asset${a.findings && a.findings.length ? ' has-findings' : ''}`);
      ag.dataset.id = String(a.id);
      const ax = x + num(a.x);
      const ay = y + num(a.y);
      ag.append(s('rect', { x: ax, y: ay, width: num(a.width), height: num(a.height), rx: 3 }, 'box'));
      ag.append(lines(ax + 8, ay + 5 + 11, strs(a.lines), 't-asset', LINE_H.asset));
      tip(ag, [`Asset ${a.name} (${a.id})`, a.kind, ...(a.findings || [])]);
      clickable(ag, { type: 'item', id: a.id, file: a.file, line: a.line }, ag);
      g.append(ag);
    }
    parent.append(g);
  }

  function drawConduit(parent, c) {
    const enc = c.encrypted === true ? 'true' : c.encrypted === false ? 'false' : 'unknown';
    const g = s('g', {}, `conduit enc-${enc} ${c.viaDmz ? 'dmz' : 'direct'}${c.findings && c.findings.length ? ' has-findings' : ''}`);
    g.dataset.id = String(c.id);
    for (const p of c.paths || []) {
      const pts = (p.points || []).map((pt) => `${num(pt.x)},${num(pt.y)}`);
      if (pts.length < 2) continue;
      g.append(s('path', { d: `M ${pts.join(' L ')}` }));
    }
    for (const p of c.paths || []) {
      if (!p.label) continue;
      const lg = s('g', {}, 'conduit-label');
      const lx = num(p.label.x);
      const ly = num(p.label.y);
      lg.append(s('rect', { x: lx, y: ly, width: num(p.label.width), height: num(p.label.height), rx: 2 }, 'box'));
      lg.append(lines(lx + 4, ly + 2 + 11, strs(c.labelLines).length ? strs(c.labelLines) : [c.label], 't-label', LINE_H.label));
      g.append(lg);
    }
    tip(g, [`Conduit ${c.name}: ${c.label}`, `status ${c.status}`, ...(c.findings || [])]);
    clickable(g, { type: 'item', id: c.id, file: c.file, line: c.line }, g);
    parent.append(g);
  }

  // ---- zoom, pan, fit ----------------------------------------------------------------------------
  function apply() {
    if (layer) layer.setAttribute('transform', `translate(${view.tx},${view.ty}) scale(${view.k})`);
    zoomLabel.textContent = `${Math.round(view.k * 100)}%`;
    save();
  }
  function size() {
    return { w: canvas.clientWidth || 800, h: canvas.clientHeight || 600 };
  }
  function fit() {
    if (!current) return;
    const { w, h } = size();
    const dw = num(current.width) + 2 * M;
    const dh = num(current.height) + 2 * M;
    const k = Math.min(MAX_K, Math.max(MIN_K, Math.min(w / dw, h / dh, 1.5)));
    view.k = k;
    view.tx = (w - num(current.width) * k) / 2;
    view.ty = (h - num(current.height) * k) / 2;
    view.fit = true;
    apply();
  }
  /** Zooms by `factor` keeping the point (cx, cy) of the canvas in place. */
  function zoom(factor, cx, cy) {
    zoomTo(view.k * factor, cx, cy);
  }
  function zoomTo(scale, cx, cy) {
    const { w, h } = size();
    const px = cx === undefined ? w / 2 : cx;
    const py = cy === undefined ? h / 2 : cy;
    const k = Math.min(MAX_K, Math.max(MIN_K, scale));
    view.tx = px - ((px - view.tx) * k) / view.k;
    view.ty = py - ((py - view.ty) * k) / view.k;
    view.k = k;
    view.fit = false;
    apply();
  }
  function pan(dx, dy) {
    view.tx += dx;
    view.ty += dy;
    view.fit = false;
    apply();
  }
  zoomIn.addEventListener('click', () => zoom(1.25));
  zoomOut.addEventListener('click', () => zoom(0.8));
  fitBtn.addEventListener('click', fit);
  oneBtn.addEventListener('click', () => zoomTo(1));
  canvas.addEventListener('keydown', (e) => {
    if (e.altKey || e.metaKey || (e.ctrlKey && !['+', '=', '-', '0'].includes(e.key))) return;
    const step = e.shiftKey ? 200 : 50;
    const keys = {
      '+': () => zoom(1.25),
      '=': () => zoom(1.25),
      '-': () => zoom(0.8),
      _: () => zoom(0.8),
      0: fit,
      1: () => zoomTo(1),
      ArrowLeft: () => pan(step, 0),
      ArrowRight: () => pan(-step, 0),
      ArrowUp: () => pan(0, step),
      ArrowDown: () => pan(0, -step),
    };
    const f = keys[e.key];
    if (!f) return;
    e.preventDefault();
    f();
  });
  canvas.addEventListener(
    'wheel',
    (e) => {
      if (!current) return;
      e.preventDefault();
      const r = canvas.getBoundingClientRect();
      if (e.ctrlKey || e.metaKey) zoom(Math.exp(-e.deltaY / 300), e.clientX - r.left, e.clientY - r.top);
      else pan(-e.deltaX, -e.deltaY);
    },
    { passive: false },
  );
  let drag = null;
  canvas.addEventListener('pointerdown', (e) => {
    if (e.button !== 0 || !current) return;
    drag = { x: e.clientX, y: e.clientY, moved: false };
  });
  canvas.addEventListener('pointermove', (e) => {
    if (!drag) return;
    const dx = e.clientX - drag.x;
    const dy = e.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    if (!drag.moved) canvas.setPointerCapture(e.pointerId);
    drag.moved = true;
    drag.x = e.clientX;
    drag.y = e.clientY;
    canvas.classList.add('panning');
    pan(dx, dy);
  });
  const endDrag = (e) => {
    if (drag && drag.moved) {
      // A drag is not a click on the item under the pointer.
      const stop = (ev) => ev.stopPropagation();
      window.addEventListener('click', stop, { capture: true, once: true });
      setTimeout(() => window.removeEventListener('click', stop, { capture: true }), 0);
      if (canvas.hasPointerCapture(e.pointerId)) canvas.releasePointerCapture(e.pointerId);
    }
    drag = null;
    canvas.classList.remove('panning');
  };
  canvas.addEventListener('pointerup', endDrag);
  canvas.addEventListener('pointercancel', endDrag);
  // Tabbing to a zone, asset or conduit outside the view pans it into view.
  canvas.addEventListener('focusin', (e) => {
    const t = /** @type {Element} */ (e.target);
    if (!t || t === canvas || !t.getBoundingClientRect) return;
    const r = t.getBoundingClientRect();
    const c = canvas.getBoundingClientRect();
    if (r.left >= c.left && r.right <= c.right && r.top >= c.top && r.bottom <= c.bottom) return;
    pan(c.left + c.width / 2 - (r.left + r.width / 2), c.top + c.height / 2 - (r.top + r.height / 2));
  });
  window.addEventListener('resize', () => {
    if (view.fit) fit();
  });

  /** The whole diagram at 100 % with computed theme colours inlined, so the file looks the same outside the editor. */
  function exportSvg() {
    if (!svgRoot || !current) return;
    const clone = /** @type {SVGSVGElement} */ (svgRoot.cloneNode(true));
    const src = svgRoot.querySelectorAll('*');
    const dst = clone.querySelectorAll('*');
    const props = ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'font-family', 'font-size', 'font-weight'];
    src.forEach((node, i) => {
      const cs = getComputedStyle(node);
      for (const p of props) {
        const v = cs.getPropertyValue(p);
        if (v) dst[i].setAttribute(p, v);
      }
      for (const a of ['tabindex', 'role', 'aria-label', 'data-id']) dst[i].removeAttribute(a);
    });
    const W = num(current.width) + 2 * M;
    const H = num(current.height) + 2 * M;
    clone.setAttribute('width', String(W));
    clone.setAttribute('height', String(H));
    clone.setAttribute('viewBox', `0 0 ${W} ${H}`);
    const cl = clone.querySelector('g.layer');
    if (cl) cl.setAttribute('transform', `translate(${M},${M})`);
    // A background rectangle, not a style attribute (the CSP forbids inline styles, even on a detached clone).
    const bg = s('rect', { x: 0, y: 0, width: '100%', height: '100%', fill: getComputedStyle(document.body).backgroundColor });
    clone.insertBefore(bg, clone.firstChild);
    vscode.postMessage({ type: 'saveSvg', svg: new XMLSerializer().serializeToString(clone) });
  }
  exportBtn.addEventListener('click', exportSvg);

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (msg && msg.type === 'data' && msg.diagram && typeof msg.diagram === 'object') {
      SpdfIncomplete.render(incomplete, msg.incomplete);
      void show(msg.diagram);
    }
  });
  vscode.postMessage({ type: 'ready' });
})();
