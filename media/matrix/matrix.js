// @ts-check
// SPDF traceability matrix webview. Plain JS, no framework. Every model string reaches the DOM through
// textContent or a property (title), never through innerHTML. Data arrives by postMessage from the
// extension ({ type: 'data', matrix }); clicks go back as { type: 'open', target }.
// Filters and scroll are kept with vscode.setState, so a reload (the panel serializer) restores them; every
// saved change, and the state restored on load, is also reported to the extension as { type: 'state' }
// (read by the extension-host tests). A panel the extension revives with a state but whose page has none
// of its own receives { type: 'restore', state } before the data; { type: 'apply', state } sets filters
// and scroll (tests). Both go through the same validation as getState().
(function () {
  'use strict';
  /* global acquireVsCodeApi */
  const vscode = acquireVsCodeApi();
  const STATUSES = ['OK', 'PARTIAL', 'MISSING', 'SUSPECT', 'JUSTIFIED', 'ERROR'];
  const STATUS_RANK = { ERROR: 5, SUSPECT: 4, MISSING: 3, PARTIAL: 2, JUSTIFIED: 1, OK: 0 };
  const VIEW_ORDER = ['requirements', 'threats', 'hazards', 'controls', 'zones', 'fda'];
  const ROW_H = 24;
  const OVERSCAN = 20;

  /**
   * A valid state from an untrusted object (getState, or a message): unknown fields are dropped.
   * @returns {{view:string, statuses:string[], zone:string, severity:number, text:string, sort:{key:string,dir:number}|null, scrollTop:number}}
   */
  function sanitize(saved) {
    const s = saved && typeof saved === 'object' ? saved : {};
    const num = (v) => typeof v === 'number' && Number.isFinite(v);
    return {
      view: typeof s.view === 'string' ? s.view : 'requirements',
      statuses: Array.isArray(s.statuses) ? STATUSES.filter((x) => s.statuses.includes(x)) : STATUSES.slice(),
      zone: typeof s.zone === 'string' ? s.zone : '',
      severity: num(s.severity) ? s.severity : 0,
      text: typeof s.text === 'string' ? s.text : '',
      sort: s.sort && typeof s.sort === 'object' && typeof s.sort.key === 'string' ? { key: s.sort.key, dir: s.sort.dir < 0 ? -1 : 1 } : null,
      scrollTop: num(s.scrollTop) && s.scrollTop > 0 ? s.scrollTop : 0,
    };
  }
  const own = vscode.getState();
  /** Whether the filters and scroll came from a saved state (getState, or the extension's `restore`). */
  let restored = !!(own && typeof own === 'object');
  const state = sanitize(own);
  let matrix = null;
  /** Rows of the current view after filter and sort. */
  let shown = [];
  /** Lower-cased searchable text per row (computed once per data load). */
  const haystack = new WeakMap();

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = String(text);
    return e;
  }
  const svgNs = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs) {
    const e = document.createElementNS(svgNs, tag);
    for (const k of Object.keys(attrs)) e.setAttribute(k, String(attrs[k]));
    return e;
  }

  // ---- layout ------------------------------------------------------------------------------------
  const app = document.getElementById('app') || document.body;
  const toolbar = el('div', 'toolbar');
  const summary = el('div', 'summary');
  const problems = el('div', 'problems');
  const grid = el('div', 'grid');
  grid.tabIndex = 0;
  const spacer = el('div', 'spacer');
  const table = el('table');
  const thead = el('thead');
  const tbody = el('tbody');
  table.append(thead, tbody);
  grid.append(spacer, table);
  app.append(toolbar, summary, problems, grid);

  const viewSel = el('select');
  viewSel.setAttribute('aria-label', 'View');
  const statusBox = el('span', 'statuses');
  const zoneSel = el('select');
  zoneSel.setAttribute('aria-label', 'Zone');
  const sevSel = el('select');
  sevSel.setAttribute('aria-label', 'Minimum hazard severity');
  const search = /** @type {HTMLInputElement} */ (el('input'));
  search.type = 'search';
  search.placeholder = 'Filter text';
  search.value = state.text;
  const count = el('span', 'count');
  const lView = el('label', '', 'View ');
  lView.append(viewSel);
  const lZone = el('label', '', 'Zone ');
  lZone.append(zoneSel);
  const lSev = el('label', '', 'Hazard severity ≥ ');
  lSev.append(sevSel);
  toolbar.append(lView, statusBox, lZone, lSev, search, count);

  const checks = {};
  for (const s of STATUSES) {
    const l = el('label', `s-${s}`);
    const c = /** @type {HTMLInputElement} */ (el('input'));
    c.type = 'checkbox';
    c.checked = state.statuses.includes(s);
    c.addEventListener('change', () => {
      state.statuses = STATUSES.filter((x) => checks[x].checked);
      refresh(true);
    });
    checks[s] = c;
    l.append(c, document.createTextNode(s));
    statusBox.append(l);
  }
  viewSel.addEventListener('change', () => {
    state.view = viewSel.value;
    state.sort = null;
    refresh(true);
  });
  zoneSel.addEventListener('change', () => {
    state.zone = zoneSel.value;
    refresh(true);
  });
  sevSel.addEventListener('change', () => {
    state.severity = Number(sevSel.value) || 0;
    refresh(true);
  });
  let searchTimer = 0;
  search.addEventListener('input', () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(() => {
      state.text = search.value;
      refresh(true);
    }, 120);
  });

  let saveTimer = 0;
  function save() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      vscode.setState(state);
      report();
    }, 100);
  }

  /** Tells the extension the saved state and the first visible row (only once data is shown). */
  function report() {
    if (!matrix) return;
    const firstRow = Math.floor(state.scrollTop / ROW_H);
    const row = shown[firstRow];
    vscode.postMessage({ type: 'state', state: JSON.parse(JSON.stringify(state)), firstRow, firstId: row ? row.id : null, rows: shown.length, restored });
  }

  /** Sets filters (and scroll, `row` or `scrollTop`) from a message, as if the user had chosen them. */
  function applyState(s) {
    const next = sanitize(Object.assign({}, state, s, { scrollTop: 0 }));
    const row = s && typeof s.row === 'number' && Number.isFinite(s.row) ? s.row : undefined;
    next.scrollTop = row !== undefined ? Math.max(0, Math.floor(row)) * ROW_H : sanitize(s).scrollTop;
    Object.assign(state, next);
    search.value = state.text;
    for (const x of STATUSES) checks[x].checked = state.statuses.includes(x);
    if (matrix) load(matrix);
    else save();
  }

  // ---- data --------------------------------------------------------------------------------------
  function currentView() {
    if (!matrix || !matrix.views) return null;
    return matrix.views[state.view] || matrix.views[VIEW_ORDER.find((v) => matrix.views[v])] || null;
  }

  function cellText(cell) {
    return Array.isArray(cell) ? cell.map((v) => v.text).join('; ') : '';
  }

  function load(m) {
    matrix = m;
    viewSel.replaceChildren();
    for (const v of VIEW_ORDER) if (m.views && m.views[v]) viewSel.append(option(v, m.views[v].title));
    if (!m.views || !m.views[state.view]) state.view = viewSel.options.length ? viewSel.options[0].value : 'requirements';
    viewSel.value = state.view;
    const zones = new Set();
    for (const v of Object.keys(m.views || {})) for (const r of m.views[v].rows) for (const z of r.zones || []) zones.add(z);
    zoneSel.replaceChildren(option('', 'all'), ...[...zones].sort().map((z) => option(z, z)));
    if (!zones.has(state.zone)) state.zone = '';
    zoneSel.value = state.zone;
    const names = Array.isArray(m.severityNames) ? m.severityNames : [];
    sevSel.replaceChildren(option('0', 'any'), ...names.map((n, i) => option(String(i + 1), `${i + 1} ${n}`)));
    sevSel.value = String(state.severity);
    problems.replaceChildren(...(m.problems || []).map((p) => el('div', '', p)));
    refresh(false);
    grid.scrollTop = state.scrollTop;
    // Clamped to the rows now shown (only when laid out: a hidden page has no height to scroll in).
    if (grid.clientHeight > 0) state.scrollTop = grid.scrollTop;
    lastRange = '';
    render();
    save();
  }

  function option(value, label) {
    const o = /** @type {HTMLOptionElement} */ (el('option', '', label));
    o.value = value;
    return o;
  }

  function textOf(row) {
    let t = haystack.get(row);
    if (t === undefined) {
      t = Object.keys(row.cells).map((k) => cellText(row.cells[k])).join('\n').toLowerCase();
      haystack.set(row, t);
    }
    return t;
  }

  function refresh(userChange) {
    const v = currentView();
    shown = [];
    if (v) {
      const wanted = new Set(state.statuses);
      const q = state.text.trim().toLowerCase();
      for (const r of v.rows) {
        if (!wanted.has(r.status)) continue;
        if (state.zone && !(r.zones || []).includes(state.zone)) continue;
        if (state.severity && !(typeof r.severity === 'number' && r.severity >= state.severity)) continue;
        if (q && !textOf(r).includes(q)) continue;
        shown.push(r);
      }
      if (state.sort) {
        const { key, dir } = state.sort;
        const val = key === 'status' ? (r) => STATUS_RANK[r.status] : (r) => cellText(r.cells[key]);
        const coll = new Intl.Collator(undefined, { numeric: true });
        shown.sort((a, b) => {
          const x = val(a);
          const y = val(b);
          return dir * (typeof x === 'number' ? x - y : coll.compare(x, y));
        });
      }
    }
    header(v);
    chart(v);
    count.textContent = v ? `${shown.length} of ${v.rows.length} rows` : '';
    spacer.style.height = `${shown.length * ROW_H + ROW_H}px`;
    if (userChange) {
      grid.scrollTop = 0;
      state.scrollTop = 0;
    }
    render();
    save();
  }

  function header(v) {
    const tr = el('tr');
    const cols = v ? v.columns : [];
    for (const c of cols) {
      const th = el('th', '', c.title);
      th.title = c.title;
      th.style.width = c.key === 'id' ? '10em' : c.key === 'status' ? '7em' : '16em';
      if (state.sort && state.sort.key === c.key) th.setAttribute('aria-sort', state.sort.dir > 0 ? 'ascending' : 'descending');
      th.addEventListener('click', () => {
        state.sort = state.sort && state.sort.key === c.key ? { key: c.key, dir: -state.sort.dir } : { key: c.key, dir: 1 };
        refresh(false);
      });
      tr.append(th);
    }
    thead.replaceChildren(tr);
    if (!v) tbody.replaceChildren(el('tr'));
  }

  function chart(v) {
    summary.replaceChildren();
    const cov = matrix && matrix.coverage;
    if (!cov) return;
    const pct = typeof cov.percent === 'number' ? `${(Math.floor(cov.percent * 10) / 10).toFixed(1)}%` : 'n/a';
    summary.append(el('strong', '', `Coverage ${pct}`), el('span', 'count', `of ${cov.total} requirements in scope`));
    const W = 240;
    const s = svg('svg', { width: W, height: 12, role: 'img', 'aria-label': 'requirements by status' });
    let x = 0;
    for (const st of ['OK', 'JUSTIFIED', 'PARTIAL', 'MISSING', 'SUSPECT', 'ERROR']) {
      const n = cov.byStatus[st] || 0;
      if (!n || !cov.total) continue;
      const w = (n * W) / cov.total;
      const r = svg('rect', { x, y: 0, width: Math.max(w, 1), height: 12, class: `bar-${st}` });
      const t = svg('title', {});
      t.textContent = `${st} ${n}`;
      r.append(t);
      s.append(r);
      x += w;
    }
    summary.append(s);
    const legend = el('span', 'legend');
    const counts = v ? v.coverage.byStatus : cov.byStatus;
    for (const st of STATUSES) legend.append(el('span', `s-${st}`, `${st} ${counts[st] || 0}`));
    summary.append(legend);
  }

  // ---- virtualized rows --------------------------------------------------------------------------
  let lastRange = '';
  function render() {
    const v = currentView();
    if (!v) {
      tbody.replaceChildren();
      return;
    }
    if (shown.length === 0) {
      const tr = el('tr');
      const td = el('td', 'empty', 'No rows match the filters.');
      td.colSpan = v.columns.length;
      tr.append(td);
      tbody.replaceChildren(tr);
      table.style.transform = 'translateY(0px)';
      lastRange = '';
      return;
    }
    const first = Math.max(0, Math.floor(grid.scrollTop / ROW_H) - OVERSCAN);
    const visible = Math.ceil(Math.min(grid.clientHeight || 600, window.innerHeight || 2000) / ROW_H);
    const last = Math.min(shown.length, first + visible + 2 * OVERSCAN);
    const key = `${state.view}:${first}:${last}:${shown.length}:${shown[first] && shown[first].id}`;
    if (key === lastRange) return;
    lastRange = key;
    const frag = document.createDocumentFragment();
    for (let i = first; i < last; i++) frag.append(rowEl(v, shown[i]));
    tbody.replaceChildren(frag);
    table.style.transform = `translateY(${first * ROW_H}px)`;
  }

  function rowEl(v, r) {
    const tr = el('tr');
    tr.dataset.id = r.id;
    for (const c of v.columns) {
      const td = el('td');
      const cell = r.cells[c.key] || [];
      if (c.key === 'status') {
        td.className = `s-${STATUSES.includes(r.status) ? r.status : 'ERROR'}`;
        td.textContent = r.status;
      } else {
        cell.forEach((val, i) => {
          if (i > 0) td.append(el('span', 'sep', '; '));
          td.append(valueEl(val, c.key === 'id' ? { type: 'item', id: r.id, file: r.file, line: r.line } : undefined));
        });
      }
      td.title = cellText(cell);
      tr.append(td);
    }
    return tr;
  }

  function valueEl(val, fallback) {
    const target = val.target || fallback;
    const cls = val.status ? (STATUSES.includes(val.status) ? `s-${val.status}` : `r-${String(val.status).replace(/[^a-z-]/g, '')}`) : '';
    if (!target) return el('span', cls, val.text);
    const a = el('a', `link ${cls}`, val.text);
    a.tabIndex = 0;
    a.setAttribute('role', 'link');
    const open = () => vscode.postMessage({ type: 'open', target: { type: target.type, id: target.id, file: target.file, line: target.line, symbol: target.symbol } });
    a.addEventListener('click', open);
    a.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') open();
    });
    return a;
  }

  let ticking = false;
  grid.addEventListener('scroll', () => {
    state.scrollTop = grid.scrollTop;
    if (!ticking) {
      ticking = true;
      requestAnimationFrame(() => {
        ticking = false;
        render();
      });
    }
    save();
  });
  window.addEventListener('resize', () => {
    lastRange = '';
    render();
  });

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'data' && msg.matrix && typeof msg.matrix === 'object') load(msg.matrix);
    else if (msg.type === 'restore' && !restored && !matrix && msg.state && typeof msg.state === 'object') {
      restored = true;
      applyState(msg.state);
    } else if (msg.type === 'apply' && msg.state && typeof msg.state === 'object') applyState(msg.state);
    else if (msg.type === 'show' && typeof msg.text === 'string') {
      // "Show in matrix": filter to one ID from the requirements panel.
      if (typeof msg.view === 'string') state.view = msg.view;
      state.text = msg.text;
      search.value = msg.text;
      if (matrix) load(matrix);
    }
  });
  vscode.postMessage({ type: 'ready', hasState: restored });
})();
