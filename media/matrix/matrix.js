// @ts-check
// SPDF traceability matrix webview. Plain JS, no framework. Every model string reaches the DOM through
// textContent or a property (title), never through innerHTML. Data arrives by postMessage from the
// extension ({ type: 'data', matrix }); clicks go back as { type: 'open', target }.
// Filters and scroll are kept with vscode.setState, so a reload (the panel serializer) restores them; every
// saved change, and the state restored on load, is also reported to the extension as { type: 'state' }
// (read by the extension-host tests). A panel the extension revives with a state but whose page has none
// of its own receives { type: 'restore', state } before the data; { type: 'apply', state } sets filters
// and scroll (tests). Both go through the same validation as getState().
// The table is an ARIA grid with one tab stop (roving tabindex): arrows, Home/End, PageUp/PageDown move
// between cells, Enter opens a cell's link (or steps into a cell with several; Escape steps out). The ID and
// title columns stay in view when scrolling sideways; users choose the columns of each view (remembered in
// the state). "Export…" asks the extension to write HTML, CSV or XLSX through the CLI's exporters.
(function () {
  'use strict';
  /* global acquireVsCodeApi, SpdfIncomplete */
  const vscode = acquireVsCodeApi();
  const STATUSES = ['OK', 'PARTIAL', 'MISSING', 'SUSPECT', 'JUSTIFIED', 'ERROR'];
  const STATUS_RANK = { ERROR: 5, SUSPECT: 4, MISSING: 3, PARTIAL: 2, JUSTIFIED: 1, OK: 0 };
  const VIEW_ORDER = ['requirements', 'threats', 'hazards', 'controls', 'zones', 'fda', 'iec62443', 'sbom'];
  const ROW_H = 24;
  const OVERSCAN = 20;
  /** Columns hidden until the user shows them (the Why text is shown in the Status column instead). */
  const DEFAULT_HIDDEN = {
    requirements: ['why', 'controls', 'zones', 'conduits'],
    threats: ['why', 'targets', 'hazards', 'residual'],
    hazards: ['why', 'situation', 'zones'],
    controls: ['why', 'threats', 'hazards', 'zones', 'conduits'],
    zones: ['why', 'threats', 'hazards', 'controls'],
    fda: ['why'],
    iec62443: ['why', 'sr', 'fr', 'confidence'],
  };
  /** Columns that stay at the left edge when the grid scrolls sideways, and the width of each kind of column (px). */
  const STICKY = ['id', 'title'];
  const WIDTH = { id: 130, title: 250, status: 230, type: 90, slt: 80, pre: 90, post: 90, severity: 120, stride: 80 };
  const DEFAULT_WIDTH = 190;

  /**
   * A valid state from an untrusted object (getState, or a message): unknown fields are dropped.
   * @returns {{view:string, statuses:string[], zone:string, severity:number, text:string, sort:{key:string,dir:number}|null, scrollTop:number, hidden:Object<string,string[]>}}
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
      hidden: hiddenOf(s.hidden),
    };
  }
  /** Columns the user hid, per view ({ view: keys }); views the user never changed are absent. */
  function hiddenOf(h) {
    const out = {};
    if (!h || typeof h !== 'object') return out;
    for (const v of VIEW_ORDER) if (Array.isArray(h[v])) out[v] = h[v].filter((k) => typeof k === 'string' && k !== 'id').slice(0, 64);
    return out;
  }
  const own = vscode.getState();
  /** Whether the filters and scroll came from a saved state (getState, or the extension's `restore`). */
  let restored = !!(own && typeof own === 'object');
  const state = sanitize(own);
  let matrix = null;
  /** The INCOMPLETE banner's data that came with the matrix (media/common/incomplete.js), or undefined. */
  let incomplete;
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
  const problems = el('div', 'incomplete');
  const grid = el('div', 'grid');
  const spacer = el('div', 'spacer');
  const table = el('table');
  table.setAttribute('role', 'grid');
  table.setAttribute('aria-label', 'Traceability matrix');
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
  search.setAttribute('aria-label', 'Filter text');
  const count = el('span', 'count');
  const colsBtn = /** @type {HTMLButtonElement} */ (el('button', 'secondary', 'Columns…'));
  colsBtn.type = 'button';
  colsBtn.setAttribute('aria-haspopup', 'true');
  colsBtn.setAttribute('aria-expanded', 'false');
  const colsPanel = el('div', 'columns-panel');
  colsPanel.id = 'columns-panel';
  colsPanel.hidden = true;
  colsPanel.setAttribute('role', 'group');
  colsPanel.setAttribute('aria-label', 'Columns shown');
  colsBtn.setAttribute('aria-controls', colsPanel.id);
  const colsWrap = el('span', 'columns');
  colsWrap.append(colsBtn, colsPanel);
  const exportBtn = /** @type {HTMLButtonElement} */ (el('button', '', 'Export…'));
  exportBtn.type = 'button';
  exportBtn.title = 'Export the matrix as HTML, CSV (this view) or XLSX';
  const lView = el('label', '', 'View ');
  lView.append(viewSel);
  const lZone = el('label', '', 'Zone ');
  lZone.append(zoneSel);
  const lSev = el('label', '', 'Hazard severity ≥ ');
  lSev.append(sevSel);
  toolbar.append(lView, statusBox, lZone, lSev, search, colsWrap, exportBtn, count);

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
    l.append(c, swatch(s), document.createTextNode(s));
    statusBox.append(l);
  }
  viewSel.addEventListener('change', () => {
    state.view = viewSel.value;
    state.sort = null;
    active = { row: 0, col: 0 };
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

  /** A coloured square for a status (decoration: the status is always written next to it). */
  function swatch(st) {
    const sw = el('span', `swatch bar-${STATUSES.includes(st) ? st : 'ERROR'}`);
    sw.setAttribute('aria-hidden', 'true');
    return sw;
  }

  // ---- column choice -----------------------------------------------------------------------------
  function hiddenIn(view) {
    return state.hidden[view] || DEFAULT_HIDDEN[view] || [];
  }
  function shownColumns(v) {
    if (!v) return [];
    const hidden = hiddenIn(v.name);
    const cols = v.columns.filter((c) => c.key === 'id' || !hidden.includes(c.key));
    // Sticky columns first, in their order.
    return [...cols.filter((c) => STICKY.includes(c.key)).sort((a, b) => STICKY.indexOf(a.key) - STICKY.indexOf(b.key)), ...cols.filter((c) => !STICKY.includes(c.key))];
  }
  function columnsPanel(v) {
    colsPanel.replaceChildren();
    if (!v) return;
    const hidden = hiddenIn(v.name);
    for (const c of v.columns) {
      const l = el('label');
      const box = /** @type {HTMLInputElement} */ (el('input'));
      box.type = 'checkbox';
      box.checked = c.key === 'id' || !hidden.includes(c.key);
      box.disabled = c.key === 'id';
      box.addEventListener('change', () => {
        const now = hiddenIn(v.name).filter((k) => k !== c.key);
        state.hidden[v.name] = box.checked ? now : [...now, c.key];
        refresh(false);
      });
      l.append(box, document.createTextNode(c.title));
      colsPanel.append(l);
    }
    const reset = /** @type {HTMLButtonElement} */ (el('button', 'secondary', 'Default columns'));
    reset.type = 'button';
    reset.addEventListener('click', () => {
      delete state.hidden[v.name];
      refresh(false);
      columnsPanel(v);
    });
    colsPanel.append(reset);
  }
  function togglePanel(open) {
    colsPanel.hidden = !open;
    colsBtn.setAttribute('aria-expanded', String(open));
    if (open) {
      columnsPanel(currentView());
      const first = colsPanel.querySelector('input:not([disabled])');
      if (first) first.focus();
    }
  }
  colsBtn.addEventListener('click', () => togglePanel(colsPanel.hidden));
  colsPanel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      togglePanel(false);
      colsBtn.focus();
    }
  });
  document.addEventListener('click', (e) => {
    if (!colsPanel.hidden && !colsWrap.contains(/** @type {Node} */ (e.target))) togglePanel(false);
  });
  exportBtn.addEventListener('click', () => {
    const v = currentView();
    vscode.postMessage({ type: 'export', view: v ? v.name : state.view });
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
    SpdfIncomplete.render(problems, incomplete);
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
    if (!colsPanel.hidden) columnsPanel(v);
    count.textContent = v ? `${shown.length} of ${v.rows.length} rows` : '';
    spacer.style.height = `${shown.length * ROW_H + ROW_H}px`;
    // Columns, sort or filters changed: the rendered rows are stale even when the range is the same.
    lastRange = '';
    if (userChange) {
      grid.scrollTop = 0;
      state.scrollTop = 0;
    }
    render();
    save();
  }

  function header(v) {
    const tr = el('tr');
    tr.setAttribute('role', 'row');
    tr.setAttribute('aria-rowindex', '1');
    const cols = shownColumns(v);
    let left = 0;
    cols.forEach((c, ci) => {
      const th = el('th');
      th.setAttribute('role', 'columnheader');
      th.setAttribute('aria-colindex', String(ci + 1));
      const label = el('span', '', c.title);
      th.append(label);
      th.title = `${c.title}: click or Enter to sort`;
      th.style.width = `${WIDTH[c.key] || DEFAULT_WIDTH}px`;
      sticky(th, c, left);
      left += WIDTH[c.key] || DEFAULT_WIDTH;
      th.setAttribute('aria-sort', state.sort && state.sort.key === c.key ? (state.sort.dir > 0 ? 'ascending' : 'descending') : 'none');
      th.tabIndex = -1;
      th.dataset.col = String(ci);
      th.dataset.row = '-1';
      const sortBy = () => {
        state.sort = state.sort && state.sort.key === c.key ? { key: c.key, dir: -state.sort.dir } : { key: c.key, dir: 1 };
        active = { row: -1, col: ci };
        refresh(false);
        focusActive();
      };
      th.addEventListener('click', sortBy);
      th.addEventListener('keydown', (e) => {
        if ((e.key === 'Enter' || e.key === ' ') && e.target === th) {
          e.preventDefault();
          sortBy();
        }
      });
      tr.append(th);
    });
    table.style.width = `${left}px`;
    table.setAttribute('aria-colcount', String(cols.length));
    thead.replaceChildren(tr);
    if (!v) tbody.replaceChildren(el('tr'));
  }

  /** Keeps the ID and title columns at the left edge (offset = widths of the sticky columns before). */
  function sticky(cell, c, left) {
    if (!STICKY.includes(c.key)) return;
    cell.classList.add('sticky');
    cell.style.left = `${left}px`;
    if (c.key === STICKY[STICKY.length - 1] || (c.key === 'id' && !shownColumns(currentView()).some((x) => x.key === 'title'))) cell.classList.add('sticky-last');
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
    for (const st of STATUSES) {
      const item = el('span', 'legend-item');
      item.append(swatch(st), document.createTextNode(`${st} ${counts[st] || 0}`));
      legend.append(item);
    }
    summary.append(legend);
  }

  // ---- virtualized rows --------------------------------------------------------------------------
  /** The grid's one tab stop: a row index into `shown` (-1 = header) and a column index. */
  let active = { row: 0, col: 0 };
  let lastRange = '';
  function render() {
    const v = currentView();
    if (!v) {
      tbody.replaceChildren();
      return;
    }
    table.setAttribute('aria-rowcount', String(shown.length + 1));
    if (shown.length === 0) {
      const tr = el('tr');
      tr.setAttribute('role', 'row');
      const td = el('td', 'empty', 'No rows match the filters.');
      td.setAttribute('role', 'gridcell');
      td.colSpan = shownColumns(v).length;
      tr.append(td);
      tbody.replaceChildren(tr);
      table.style.transform = 'translateY(0px)';
      lastRange = '';
      tabStop();
      return;
    }
    const first = Math.max(0, Math.floor(grid.scrollTop / ROW_H) - OVERSCAN);
    const visible = Math.ceil(Math.min(grid.clientHeight || 600, window.innerHeight || 2000) / ROW_H);
    const last = Math.min(shown.length, first + visible + 2 * OVERSCAN);
    const key = `${state.view}:${first}:${last}:${shown.length}:${shown[first] && shown[first].id}`;
    if (key === lastRange) return;
    lastRange = key;
    const cols = shownColumns(v);
    const frag = document.createDocumentFragment();
    for (let i = first; i < last; i++) frag.append(rowEl(v, cols, shown[i], i));
    const hadFocus = table.contains(document.activeElement);
    tbody.replaceChildren(frag);
    table.style.transform = `translateY(${first * ROW_H}px)`;
    tabStop();
    if (hadFocus && !table.contains(document.activeElement)) focusActive(false);
  }

  function rowEl(v, cols, r, index) {
    const tr = el('tr');
    tr.dataset.id = r.id;
    tr.setAttribute('role', 'row');
    tr.setAttribute('aria-rowindex', String(index + 2));
    const whyShown = cols.some((c) => c.key === 'why');
    let left = 0;
    cols.forEach((c, ci) => {
      const td = el('td');
      td.setAttribute('role', 'gridcell');
      td.tabIndex = -1;
      td.dataset.row = String(index);
      td.dataset.col = String(ci);
      sticky(td, c, left);
      left += WIDTH[c.key] || DEFAULT_WIDTH;
      const cell = r.cells[c.key] || [];
      let tip = cellText(cell);
      if (c.key === 'status') {
        const st = STATUSES.includes(r.status) ? r.status : 'ERROR';
        td.classList.add('status');
        td.append(swatch(st), el('span', r.status === 'OK' ? 'st' : 'st st-bad', r.status));
        const why = cellText(r.cells.why);
        if (!whyShown && why) {
          td.append(el('span', 'why', why));
          tip = `${r.status}: ${why}`;
        } else tip = r.status;
      } else {
        cell.forEach((val, i) => {
          if (i > 0) td.append(el('span', 'sep', '; '));
          td.append(valueEl(val, c.key === 'id' ? { type: 'item', id: r.id, file: r.file, line: r.line } : undefined));
        });
      }
      td.title = tip;
      tr.append(td);
    });
    return tr;
  }

  function valueEl(val, fallback) {
    const target = val.target || fallback;
    if (!target) return el('span', '', val.text);
    // Links keep the link colour: the linked item's own status is in the tooltip, not in a colour that reads like a severity.
    const a = el('a', 'link', val.text);
    a.tabIndex = -1;
    a.setAttribute('role', 'link');
    if (val.status) a.title = `${val.text}: ${val.status}`;
    const open = () => vscode.postMessage({ type: 'open', target: { type: target.type, id: target.id, file: target.file, line: target.line, symbol: target.symbol } });
    a.addEventListener('click', open);
    a.addEventListener('keydown', (e) => {
      const links = linksOf(/** @type {HTMLElement} */ (a.closest('td')));
      const i = links.indexOf(a);
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        open();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        focusActive();
      } else if ((e.key === 'ArrowRight' || e.key === 'ArrowDown' || (e.key === 'Tab' && !e.shiftKey)) && links.length > 1) {
        e.preventDefault();
        links[(i + 1) % links.length].focus();
      } else if ((e.key === 'ArrowLeft' || e.key === 'ArrowUp' || (e.key === 'Tab' && e.shiftKey)) && links.length > 1) {
        e.preventDefault();
        links[(i - 1 + links.length) % links.length].focus();
      }
      e.stopPropagation();
    });
    return a;
  }

  // ---- keyboard: ARIA grid with a roving tabindex --------------------------------------------------
  function linksOf(td) {
    return td ? /** @type {HTMLElement[]} */ ([...td.querySelectorAll('a.link')]) : [];
  }
  function cellAt(row, col) {
    return /** @type {HTMLElement|null} */ (table.querySelector(`[data-row="${row}"][data-col="${col}"]`));
  }
  /** Exactly one cell of the grid is in the tab order: the active one, or its header cell while the row is not rendered. */
  function tabStop() {
    for (const c of table.querySelectorAll('[tabindex="0"]')) if (c.tagName !== 'A') /** @type {HTMLElement} */ (c).tabIndex = -1;
    const cols = shownColumns(currentView()).length;
    if (active.col >= cols) active.col = Math.max(0, cols - 1);
    if (active.row >= shown.length) active.row = shown.length - 1;
    const cell = cellAt(active.row, active.col) || cellAt(-1, active.col) || /** @type {HTMLElement|null} */ (table.querySelector('td, th'));
    if (cell) cell.tabIndex = 0;
  }
  /** Scrolls the active row into view (below the sticky header) and focuses its cell. */
  function focusActive(scroll = true) {
    if (scroll && active.row >= 0) {
      const top = active.row * ROW_H;
      const viewH = grid.clientHeight - ROW_H;
      if (top < grid.scrollTop) grid.scrollTop = top;
      else if (top + ROW_H > grid.scrollTop + viewH) grid.scrollTop = top + ROW_H - viewH;
      state.scrollTop = grid.scrollTop;
      render();
    }
    tabStop();
    const cell = cellAt(active.row, active.col);
    if (cell) {
      cell.focus({ preventScroll: true });
      // Sideways: keep the cell clear of the sticky columns.
      const stickyW = [...table.querySelectorAll('th.sticky')].reduce((n, th) => n + /** @type {HTMLElement} */ (th).offsetWidth, 0);
      if (!cell.classList.contains('sticky')) {
        const l = cell.offsetLeft;
        if (l - stickyW < grid.scrollLeft) grid.scrollLeft = Math.max(0, l - stickyW);
        else if (l + cell.offsetWidth > grid.scrollLeft + grid.clientWidth) grid.scrollLeft = l + cell.offsetWidth - grid.clientWidth;
      }
    }
  }
  table.addEventListener('focusin', (e) => {
    const t = /** @type {HTMLElement} */ (e.target);
    const cell = t.closest('[data-row]');
    if (!cell) return;
    active = { row: Number(cell.getAttribute('data-row')), col: Number(cell.getAttribute('data-col')) };
    if (t === cell) tabStop();
  });
  table.addEventListener('keydown', (e) => {
    const t = /** @type {HTMLElement} */ (e.target);
    if (!t.matches('[data-row]')) return;
    const cols = shownColumns(currentView()).length;
    const page = Math.max(1, Math.floor(grid.clientHeight / ROW_H) - 2);
    let { row, col } = active;
    switch (e.key) {
      case 'ArrowDown': row = Math.min(shown.length - 1, row + 1); break;
      case 'ArrowUp': row = Math.max(-1, row - 1); break;
      case 'ArrowRight': col = Math.min(cols - 1, col + 1); break;
      case 'ArrowLeft': col = Math.max(0, col - 1); break;
      case 'PageDown': row = Math.min(shown.length - 1, row + page); break;
      case 'PageUp': row = Math.max(0, row - page); break;
      case 'Home': col = 0; if (e.ctrlKey) row = 0; break;
      case 'End': col = cols - 1; if (e.ctrlKey) row = shown.length - 1; break;
      case 'Enter':
      case 'F2': {
        if (row < 0) return;
        const links = linksOf(t);
        if (links.length === 1 && e.key === 'Enter') links[0].click();
        else if (links.length) links[0].focus();
        e.preventDefault();
        return;
      }
      default:
        return;
    }
    e.preventDefault();
    active = { row, col };
    focusActive();
  });

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
    if (msg.type === 'data' && msg.matrix && typeof msg.matrix === 'object') {
      incomplete = msg.incomplete;
      load(msg.matrix);
    } else if (msg.type === 'restore' && !restored && !matrix && msg.state && typeof msg.state === 'object') {
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
