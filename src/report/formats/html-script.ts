/**
 * The report page's script, inlined into the page: sortable tables, filters by outlet and rule,
 * and the panel that names the rule of a removed span. Plain DOM, no libraries, no requests.
 */
export const REPORT_SCRIPT = `
(() => {
  const $ = (s, el = document) => el.querySelector(s);
  const $$ = (s, el = document) => [...el.querySelectorAll(s)];
  const rules = JSON.parse($('#rules-data').textContent);

  // Sorting: numbers by data-v, text by content; a second click reverses.
  for (const th of $$('th.sortable')) {
    th.addEventListener('click', () => {
      const table = th.closest('table');
      const index = [...th.parentNode.children].indexOf(th);
      const numeric = th.classList.contains('num');
      const dir = th.getAttribute('aria-sort') === (numeric ? 'descending' : 'ascending') ? (numeric ? 'ascending' : 'descending') : (numeric ? 'descending' : 'ascending');
      for (const other of $$('th', table)) other.setAttribute('aria-sort', 'none');
      th.setAttribute('aria-sort', dir);
      const body = table.tBodies[0];
      const value = (tr) => {
        const td = tr.children[index];
        return numeric ? Number(td.dataset.v ?? td.textContent) : td.textContent.trim().toLowerCase();
      };
      const sign = dir === 'ascending' ? 1 : -1;
      const rows = [...body.rows].sort((a, b) => {
        const x = value(a), y = value(b);
        return (x < y ? -1 : x > y ? 1 : 0) * sign;
      });
      body.append(...rows);
    });
  }

  const outletFilter = $('#filter-outlet');
  const ruleFilter = $('#filter-rule');
  const warnFilter = $('#filter-warnings');
  const hideRemoved = $('#hide-removed');
  const textFilter = $('#filter-text');
  const words = (s) => (s ? s.split(' ') : []);
  // What a document's text search looks in: its row, and its text when the page keeps it.
  const searchable = (el) => {
    const detail = el.tagName === 'TR' && el.dataset.detail ? document.getElementById(el.dataset.detail) : null;
    return ((detail ? detail.textContent : '') + ' ' + el.textContent).toLowerCase();
  };

  function apply() {
    const outlet = outletFilter.value;
    const rule = ruleFilter.value;
    const warnOnly = warnFilter.checked;
    const query = textFilter.value.trim().toLowerCase();
    for (const tr of $$('tr.rule-row')) {
      const show = (!outlet || words(tr.dataset.outlets).includes(outlet)) && (!rule || tr.dataset.rule === rule);
      tr.classList.toggle('hidden', !show);
    }
    let shown = 0, total = 0;
    for (const el of $$('tr.doc-row, article.doc')) {
      const show = (!outlet || el.dataset.outlet === outlet) && (!rule || words(el.dataset.rules).includes(rule)) && (!warnOnly || el.dataset.flagged === '1') && (!query || searchable(el).includes(query));
      el.classList.toggle('hidden', !show);
      if (el.tagName === 'TR') { total++; if (show) shown++; }
    }
    $('#documents-shown').textContent = shown === total ? 'all ' + total : shown + ' of ' + total;
    for (const li of $$('ul.warnings li')) {
      const show = (!outlet || !li.dataset.outlet || li.dataset.outlet === outlet || words(li.dataset.outlets).includes(outlet)) &&
        (!rule || li.dataset.rule === rule || words(li.dataset.rules).includes(rule));
      li.classList.toggle('hidden', !show);
    }
    document.body.classList.toggle('focus-rule', Boolean(rule));
    for (const span of $$('.rm')) span.classList.toggle('focus', span.dataset.rule === rule);
    document.body.classList.toggle('hide-removed', hideRemoved.checked);
  }
  for (const el of [outletFilter, ruleFilter, warnFilter, hideRemoved]) el.addEventListener('change', apply);
  textFilter.addEventListener('input', apply);

  // A rule name in the rules table filters by that rule.
  for (const a of $$('a.rule-link')) {
    a.addEventListener('click', (e) => {
      e.preventDefault();
      ruleFilter.value = ruleFilter.value === a.dataset.rule ? '' : a.dataset.rule;
      apply();
    });
  }

  // Clicking a removed span names its rule; hovering shows the same in the tooltip (title).
  const info = $('#rule-info');
  function showRule(key) {
    const r = rules[key];
    if (!r) return;
    info.style.setProperty('--h', r.hue);
    $('h4', info).textContent = key;
    $('.origin', info).textContent = r.origin ? r.origin : 'origin unknown';
    $('.kind', info).textContent = 'kind: ' + r.kind + ' \\u00b7 removed ' + r.words.toLocaleString('en') + ' words from ' + r.documentsHit + ' of ' + r.documentsApplied + ' documents';
    $('.description', info).textContent = r.description || '';
    info.dataset.rule = key;
    info.classList.remove('hidden');
  }
  document.addEventListener('click', (e) => {
    const span = e.target.closest('.rm');
    if (span) showRule(span.dataset.rule);
  });
  $('button', info).addEventListener('click', () => info.classList.add('hidden'));

  // A document row jumps to its text, when the report kept it.
  for (const tr of $$('tr.doc-row')) {
    tr.addEventListener('click', () => {
      const target = tr.dataset.detail && document.getElementById(tr.dataset.detail);
      if (target) target.scrollIntoView({ block: 'start' });
    });
  }
  apply();
})();
`;
