// @ts-check
// SPDF webviews: the INCOMPLETE banner and the list of input problems, shared by the matrix, zone diagram and
// evidence diff pages (loaded before each page's script). The extension sends `incomplete` with the page's data:
// { headline, problems } (src/extension/webviews/messages.ts), absent when every input was read. Text only.
(function () {
  'use strict';
  /**
   * Fills `container` with the banner, or empties it when `incomplete` is absent.
   * @param {HTMLElement} container
   * @param {unknown} incomplete
   */
  function render(container, incomplete) {
    container.replaceChildren();
    const data = incomplete && typeof incomplete === 'object' ? /** @type {{ headline?: unknown; problems?: unknown }} */ (incomplete) : undefined;
    if (!data || typeof data.headline !== 'string') return;
    container.setAttribute('role', 'alert');
    const head = document.createElement('div');
    head.className = 'incomplete-headline';
    head.textContent = data.headline;
    const title = document.createElement('div');
    title.className = 'incomplete-title';
    title.textContent = 'Input problems';
    const list = document.createElement('ul');
    for (const p of Array.isArray(data.problems) ? data.problems : []) {
      const li = document.createElement('li');
      li.textContent = String(p);
      list.appendChild(li);
    }
    container.append(head, title, list);
  }
  /** @type {any} */ (globalThis).SpdfIncomplete = { render };
})();
