// @ts-check
// SPDF evidence diff webview ("Compare evidence with branch..."). Plain JS, no framework. Every model string
// reaches the DOM through textContent, never innerHTML. Data arrives by postMessage from the extension
// ({ type: 'data', result: { base, diff?, error? }, incomplete? }, diff as src/core/diff/model.ts EvidenceDiff; `incomplete`
// for the banner of media/common/incomplete.js); a click on an item or a link goes back as { type: 'open', target }.
(function () {
  'use strict';
  /* global acquireVsCodeApi, SpdfIncomplete */
  const vscode = acquireVsCodeApi();
  const app = /** @type {HTMLElement} */ (document.getElementById('app'));

  /** @param {string} tag @param {string} [text] @param {string} [cls] */
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  const str = (v) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
  const arr = (v) => (Array.isArray(v) ? v : []);
  const pct = (p) => (typeof p === 'number' ? `${(Math.floor(p * 10) / 10).toFixed(1)}%` : 'n/a');

  /** A cell that opens file:line in the editor. */
  function link(text, file, line) {
    const a = el('a', text);
    a.href = '#';
    a.addEventListener('click', (ev) => {
      ev.preventDefault();
      vscode.postMessage({ type: 'open', target: { type: 'item', file: str(file), line: Number(line) || 1 } });
    });
    return a;
  }

  /** @param {string} title @param {string[]} header @param {(Node|string)[][]} rows */
  function section(title, header, rows) {
    app.appendChild(el('h2', title));
    if (!rows.length) return void app.appendChild(el('p', 'None.', 'none'));
    const table = el('table');
    const head = el('tr');
    for (const h of header) head.appendChild(el('th', h));
    table.appendChild(head);
    for (const r of rows) {
      const tr = el('tr');
      for (const c of r) {
        const td = el('td');
        if (typeof c === 'string') td.textContent = c;
        else td.appendChild(c);
        tr.appendChild(td);
      }
      table.appendChild(tr);
    }
    app.appendChild(table);
  }

  function render(result, incomplete) {
    app.replaceChildren();
    const d = result && result.diff;
    if (!d) {
      app.appendChild(el('h1', `Evidence diff against ${str(result && result.base)}`));
      app.appendChild(el('p', str(result && result.error) || 'No diff.', 'error'));
      return;
    }
    const side = (s) => `${str(s && s.label)}${s && s.commit ? ` (${str(s.commit).slice(0, 12)})` : ''}`;
    app.appendChild(el('h1', `Evidence diff: ${side(d.base)} .. ${side(d.head)}`));
    const c = d.coverage || {};
    const delta = typeof c.delta === 'number' ? `${c.delta >= 0 ? '+' : ''}${c.delta.toFixed(1)} points` : 'n/a';
    // Inputs either side did not read: the changes below may lack theirs (the banner lists them).
    const banner = el('div', undefined, 'incomplete');
    SpdfIncomplete.render(banner, incomplete);
    app.appendChild(banner);
    app.appendChild(el('p', `Coverage ${pct(c.before && c.before.percent)} -> ${pct(c.after && c.after.percent)} (${delta})`, 'summary'));
    if (arr(result.notes).length) for (const n of arr(result.notes)) app.appendChild(el('p', str(n), 'warning'));
    const items = d.items || {};
    const where = (r) => link(`${str(r.file)}:${str(r.line)}`, r.file, r.line);
    const fields = (x) => [arr(x.normative).length ? `normative: ${arr(x.normative).join(', ')}` : '', arr(x.other).length ? `other: ${arr(x.other).join(', ')}` : ''].filter(Boolean).join('; ');
    section(
      'Model items',
      ['Change', 'Kind', 'ID', 'Fields', 'Where'],
      [
        ...arr(items.added).map((r) => ['added', str(r.kind), str(r.id), '', where(r)]),
        ...arr(items.removed).map((r) => ['removed', str(r.kind), str(r.id), '', `${str(r.file)}:${str(r.line)}`]),
        ...arr(items.changed).map((r) => ['changed', str(r.kind), str(r.id), fields(r), where(r)]),
      ],
    );
    const links = d.links || {};
    const lrow = (change, l) => [change, str(l.id), str(l.relation), change === 'removed' ? `${str(l.file)}:${str(l.line)}` : where(l), l.symbol === null ? '(file)' : str(l.symbol)];
    section('Code links', ['Change', 'ID', 'Relation', 'Where', 'Symbol'], [
      ...arr(links.added).map((l) => lrow('added', l)),
      ...arr(links.removed).map((l) => lrow('removed', l)),
      ...arr(links.becameSuspect).map((l) => lrow('became suspect', l)),
      ...arr(links.symbolsChanged).map((l) => lrow('code changed', l)),
    ]);
    section('Trace status', ['Kind', 'ID', 'Before', 'After'], arr(d.statuses).map((s) => [str(s.kind), str(s.id), str(s.before) || '(none)', str(s.after) || '(none)']));
    const f = d.findings || {};
    const frow = (change, x) => {
      const r = x.range || { start: { line: 0, character: 0 } };
      const line = (r.start.line || 0) + 1;
      return [change, str(x.severity), str(x.code), change === 'resolved' ? `${str(x.file)}:${line}` : link(`${str(x.file)}:${line}:${(r.start.character || 0) + 1}`, x.file, line), str(x.message)];
    };
    section('Findings', ['Change', 'Severity', 'Rule', 'Where', 'Message'], [...arr(f.new).map((x) => frow('new', x)), ...arr(f.resolved).map((x) => frow('resolved', x))]);
    const list = (v) => arr(v).map(str).join(', ') || '-';
    section(
      'Impact: what to re-verify',
      ['Changed', 'Why', 'Hazards', 'Threats', 'Controls', 'Requirements', 'Tests'],
      arr(d.impact).map((i) => [str(i.subject), str(i.reason), list(i.hazards), list(i.threats), list(i.controls), list(i.requirements), list(i.tests)]),
    );
  }

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (msg && msg.type === 'data') render(msg.result, msg.incomplete);
  });
  vscode.postMessage({ type: 'ready', hasState: false });
})();
