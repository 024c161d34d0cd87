// vulnreport site script: findings filters (driven by the URL query as
// the dashboard's links set it), sortable tables and opening folded
// sections for printing. No library, no network, no inline handlers; the
// pages are complete without it.
(function () {
  'use strict';

  document.documentElement.classList.add('js');

  // Filter fields: query name -> row data attribute. Lists are "or",
  // fields are "and"; the Go renderer applies the same rules. A row names
  // its system (data-sys); its system's category and exposure come from
  // assets/systems.js (window.vulnreportSystems: id -> [category,
  // exposure]), loaded by a <script src> before the filter form, with
  // the states that count as open. A row without data-kind is a
  // vulnerability.
  var LISTS = { priority: 'p', system: 'sys', kind: 'kind' };
  var SYSTEM = { category: 1, exposure: 2 };
  var systems = null;

  // systemOf returns [id, category, exposure] of a system, [] if unknown.
  function systemOf(id) {
    if (systems === null) {
      systems = new Map();
      (window.vulnreportSystems || []).forEach(function (s) { systems.set(s[0], s); });
    }
    return systems.get(id) || [];
  }
  var SELECTS = ['system', 'category', 'exposure', 'state', 'kind'];

  function split(v) {
    return v ? v.split(',').map(function (s) { return s.trim(); }).filter(Boolean) : [];
  }

  function readForm(form) {
    var f = { priority: [], q: '' };
    form.querySelectorAll('input[name=priority]:checked').forEach(function (c) { f.priority.push(c.value); });
    SELECTS.forEach(function (n) { f[n] = split(form.elements[n].value); });
    f.overdue = form.elements.overdue.checked;
    f.exploited = form.elements.exploited.checked;
    f.q = form.elements.q.value.trim().toLowerCase();
    return f;
  }

  // isOpen tells whether a row's state counts as open (still needing
  // work), as window.vulnreportOpenStates lists them; a row written with
  // data-open says so itself.
  function isOpen(d) {
    if (d.open !== undefined) { return d.open === '1'; }
    return (window.vulnreportOpenStates || ['open']).indexOf(d.state) >= 0;
  }

  function matches(tr, f) {
    var d = tr.dataset;
    for (var k in LISTS) {
      var v = d[LISTS[k]];
      if (k === 'kind' && v === undefined) { v = 'vulnerability'; }
      if (f[k].length && f[k].indexOf(v || '') < 0) { return false; }
    }
    var sys = systemOf(d.sys);
    for (var n in SYSTEM) {
      if (f[n].length && f[n].indexOf(sys[SYSTEM[n]] || '') < 0) { return false; }
    }
    if (f.state.length && f.state.indexOf(d.state) < 0 && !(isOpen(d) && f.state.indexOf('open') >= 0)) { return false; }
    if (f.overdue && d.od !== '1') { return false; }
    if (f.exploited && d.ex !== '1') { return false; }
    if (f.q) {
      if (tr._text === undefined) { tr._text = tr.textContent.toLowerCase(); }
      if (tr._text.indexOf(f.q) < 0) { return false; }
    }
    return true;
  }

  function toQuery(f) {
    var parts = [];
    if (f.priority.length) { parts.push('priority=' + f.priority.join(',')); }
    SELECTS.forEach(function (n) { if (f[n].length) { parts.push(n + '=' + encodeURIComponent(f[n].join(','))); } });
    if (f.overdue) { parts.push('overdue=1'); }
    if (f.exploited) { parts.push('exploited=1'); }
    if (f.q) { parts.push('q=' + encodeURIComponent(f.q)); }
    return parts.join('&');
  }

  function apply(form, table, updateURL) {
    var f = readForm(form);
    var rows = table.tBodies[0].rows;
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var ok = matches(rows[i], f);
      rows[i].hidden = !ok;
      if (ok) { shown++; }
    }
    var msg = form.getAttribute('data-shown') || '{n} / {total}';
    form.querySelector('.count').textContent = msg.replace('{n}', shown).replace('{total}', rows.length);
    table.setAttribute('data-shown', String(shown));
    if (updateURL) {
      var q = toQuery(f);
      try {
        window.history.replaceState(null, '', window.location.pathname + (q ? '?' + q : '') + window.location.hash);
      } catch (e) { /* file:// may refuse; the filter still works */ }
    }
  }

  function setFromQuery(form) {
    var params = new URLSearchParams(window.location.search);
    split(params.get('priority')).forEach(function (p) {
      form.querySelectorAll('input[name=priority]').forEach(function (c) { if (c.value === p) { c.checked = true; } });
    });
    SELECTS.forEach(function (n) {
      var v = params.get(n);
      if (!v) { return; }
      var sel = form.elements[n];
      if (sel.tagName !== 'SELECT') {
        sel.value = v;
        return;
      }
      var found = Array.prototype.some.call(sel.options, function (o) { return o.value === v; });
      if (!found) {
        var o = document.createElement('option');
        o.value = v;
        o.textContent = v;
        sel.appendChild(o);
      }
      sel.value = v;
    });
    form.elements.overdue.checked = params.get('overdue') === '1';
    form.elements.exploited.checked = params.get('exploited') === '1';
    form.elements.q.value = params.get('q') || '';
  }

  function initFilters(form) {
    var table = document.getElementById(form.getAttribute('data-table'));
    if (!table || table.tagName !== 'TABLE' || !table.tBodies.length) { return; }
    form.hidden = false;
    setFromQuery(form);
    apply(form, table, false);
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    form.addEventListener('change', function () { apply(form, table, true); });
    form.addEventListener('input', function (e) {
      if (e.target.name === 'q' || e.target.name === 'system') { apply(form, table, true); }
    });
    form.addEventListener('reset', function () {
      window.setTimeout(function () { apply(form, table, true); }, 0);
    });
  }

  function sortKey(cell, numeric) {
    var v = cell ? (cell.hasAttribute('data-v') ? cell.getAttribute('data-v') : cell.textContent.trim()) : '';
    if (numeric) {
      var n = parseFloat(v);
      return isNaN(n) ? -1e18 : n;
    }
    return v;
  }

  function sortBy(table, index, th) {
    var dir = th.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', dir);
    var numeric = th.getAttribute('data-type') === 'num';
    var lang = document.documentElement.lang || 'ja';
    var body = table.tBodies[0];
    var keyed = Array.prototype.map.call(body.rows, function (r, k) {
      return { row: r, k: k, v: sortKey(r.cells[index], numeric) };
    });
    keyed.sort(function (a, b) {
      var c = numeric ? a.v - b.v : String(a.v).localeCompare(String(b.v), lang, { numeric: true });
      if (c === 0) { return a.k - b.k; }
      return dir === 'ascending' ? c : -c;
    });
    var frag = document.createDocumentFragment();
    keyed.forEach(function (x) { frag.appendChild(x.row); });
    body.appendChild(frag);
  }

  function initSort(table) {
    if (!table.tHead || !table.tBodies.length) { return; }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'sort';
      while (th.firstChild) { b.appendChild(th.firstChild); }
      th.appendChild(b);
      b.addEventListener('click', function () { sortBy(table, i, th); });
    });
  }

  // Printing shows folded actions and chart tables; they fold back after.
  var opened = [];
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details:not([open])').forEach(function (d) { d.open = true; opened.push(d); });
  });
  window.addEventListener('afterprint', function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });

  function init() {
    document.querySelectorAll('form.filters').forEach(initFilters);
    document.querySelectorAll('table.sortable').forEach(initSort);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
