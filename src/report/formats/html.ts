/**
 * The report as one self-contained HTML page: inline style and script, no external requests,
 * works from a file. Tables are rendered here (so the page reads without script); the script adds
 * sorting, filters by outlet and rule, and the panel naming the rule of a removed span.
 */
import { percent } from '../builder.js';
import { truncate } from '../examples.js';
import { escapeHtml } from './html-escape.js';
import { reportPlots } from './plots.js';
import { groupCount, groupWarnings } from '../warning-groups.js';
import { REPORT_SCRIPT } from './html-script.js';
import { REPORT_CSS } from './html-style.js';
import type { Report, ReportDetail, ReportDocument, ReportRule } from '../types.js';

/** A warning group of at most this many is shown open. */
const OPEN_GROUP = 5;

/** Golden-angle steps give neighbouring rules clearly different hues. */
const HUE_STEP = 137.508;

const number = (n: number) => n.toLocaleString('en');

/** JSON that is safe inside a <script> element (no `</script>`, no HTML comment openers). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function hueOf(index: number): number {
  return Math.round((index * HUE_STEP) % 360);
}

const originText = (r: ReportRule) => (r.origin ? `${r.origin.file}:${r.origin.line}` : '');

export function renderHtml(report: Report): string {
  const hues = new Map(report.rules.map((r, i) => [r.key, hueOf(i)]));
  const rulesByKey = new Map(report.rules.map((r) => [r.key, r]));
  const rowsById = new Map(report.documents.map((d) => [d.id, d]));
  const outletOfDocument = new Map(report.documents.map((d) => [d.id, d.outlet]));
  const rulesOfDocument = new Map(report.documents.map((d) => [d.id, Object.keys(d.rules)]));
  const detailIds = new Map(report.details.map((d, i) => [d.id, `doc-${i}`]));
  const { totals } = report;

  const rulesData = Object.fromEntries(
    report.rules.map((r) => [
      r.key,
      { hue: hues.get(r.key), kind: r.kind, origin: originText(r), description: r.description ?? '', words: r.words, documentsHit: r.documentsHit, documentsApplied: r.documentsApplied },
    ]),
  );

  const th = (title: string, numeric = false) => `<th class="sortable${numeric ? ' num' : ''}" aria-sort="none">${escapeHtml(title)}</th>`;
  const num = (n: number, shown = number(n)) => `<td class="num" data-v="${n}">${escapeHtml(shown)}</td>`;

  const ruleRows = report.rules.map((r) => {
    const examples = r.examples.length
      ? `<details class="examples"><summary>${r.examples.length} example${r.examples.length === 1 ? '' : 's'}</summary><ul>${r.examples
          .map((e) => `<li>${escapeHtml(e.text)} <span class="note">(${escapeHtml(e.document)})</span></li>`)
          .join('')}</ul></details>`
      : '';
    // The three reasons that took the most words, each cut to a line (in full on hover).
    const reasons = r.why ?? [];
    const others = reasons.slice(3).reduce((n, w) => n + w.words, r.whyOther?.words ?? 0);
    const why = reasons.length
      ? `<div class="why">why: ${reasons
          .slice(0, 3)
          .map((w) => `<span class="reason" title="${escapeHtml(w.detail)}">${escapeHtml(truncate(w.detail, 80).text)}</span> <span class="note">(${number(w.words)} words)</span>`)
          .join(' · ')}${others ? ` <span class="note">and others (${number(others)} words)</span>` : ''}</div>`
      : '';
    return (
      `<tr class="rule-row${r.documentsHit === 0 ? ' never' : ''}" data-rule="${escapeHtml(r.key)}" data-outlets="${escapeHtml(r.appliedIn.join(' '))}" style="--h:${hues.get(r.key)}">` +
      `<td class="key"><span class="swatch"></span><a href="#" class="rule-link" data-rule="${escapeHtml(r.key)}" title="show only this rule">${escapeHtml(r.key)}</a></td>` +
      `<td>${escapeHtml(r.kind)}</td>${num(r.documentsHit)}${num(r.documentsApplied)}${num(r.blocks)}${num(r.words)}` +
      `${num(r.shareOfInputWords, percent(r.shareOfInputWords))}${num(r.shareOfRemovedWords, percent(r.shareOfRemovedWords))}` +
      `<td class="origin">${escapeHtml(originText(r)).replace(/\//g, '/<wbr>')}</td><td class="desc">${escapeHtml(r.description ?? '')}${why}${examples}</td></tr>`
    );
  });

  const outletRows = report.outlets.map(
    (o) =>
      `<tr><td>${escapeHtml(o.outlet)}</td>${num(o.documents)}${num(o.wordsIn)}${num(o.wordsOut)}${num(o.shareRemoved, percent(o.shareRemoved))}` +
      `${num(o.rulesFired)}${num(o.rulesApplied)}<td>${escapeHtml(o.ruleFiles.join(', '))}</td></tr>`,
  );

  const warningItem = (w: Report['warnings'][number]) => {
    const outlet = w.document !== undefined ? outletOfDocument.get(w.document) : undefined;
    const docRules = w.document !== undefined ? rulesOfDocument.get(w.document) : undefined;
    const appliedIn = w.rule !== undefined && w.document === undefined ? rulesByKey.get(w.rule)?.appliedIn : undefined;
    return (
      `<li data-type="${w.type}"${w.rule ? ` data-rule="${escapeHtml(w.rule)}"` : ''}${outlet ? ` data-outlet="${escapeHtml(outlet)}"` : ''}` +
      `${appliedIn ? ` data-outlets="${escapeHtml(appliedIn.join(' '))}"` : ''}${docRules ? ` data-rules="${escapeHtml(docRules.join(' '))}"` : ''}>` +
      `${escapeHtml(w.message)}${w.document !== undefined && detailIds.has(w.document) ? ` <a href="#${detailIds.get(w.document)}">text</a>` : ''}</li>`
    );
  };
  // Grouped by kind (and by rule for rule dominance), each group folded unless it is small.
  const warningGroups = groupWarnings(report.warnings).map(
    (group) =>
      `<details class="warning-group" data-type="${group.type}"${group.warnings.length <= OPEN_GROUP ? ' open' : ''}><summary><b>${escapeHtml(group.type)}</b>${escapeHtml(`${group.rule ? `${group.rule}: ` : ''}${groupCount(group)}`)}</summary>` +
      `<ul class="warnings">${group.warnings.map(warningItem).join('\n')}</ul></details>`,
  );

  const documentRows = report.documents.map((d) => {
    const detail = detailIds.get(d.id);
    return (
      `<tr class="doc-row${d.warnings ? ' flagged' : ''}" data-outlet="${escapeHtml(d.outlet)}" data-rules="${escapeHtml(Object.keys(d.rules).join(' '))}"` +
      ` data-flagged="${d.warnings ? 1 : 0}"${detail ? ` data-detail="${detail}"` : ''}>` +
      `<td>${escapeHtml(d.id)}${sourceLink(d.url)}</td><td>${escapeHtml(d.outlet)}</td>${num(d.wordsIn)}${num(d.wordsOut)}${num(d.shareRemoved, percent(d.shareRemoved))}` +
      `${num(Object.keys(d.rules).length)}<td>${escapeHtml((d.warnings ?? []).join(', '))}</td><td>${detail ? 'text below' : ''}</td></tr>`
    );
  });

  const articles = report.details.map((d) => renderDetail(d, detailIds.get(d.id)!, hues, rulesByKey, rowsById));

  const outletOptions = report.outlets.map((o) => `<option value="${escapeHtml(o.outlet)}">${escapeHtml(o.outlet)} (${number(o.documents)})</option>`);
  const ruleOptions = report.rules
    .filter((r) => r.documentsHit > 0)
    .map((r) => `<option value="${escapeHtml(r.key)}">${escapeHtml(r.key)} (${number(r.words)} words)</option>`);

  const summary =
    `${number(totals.documents)} document${totals.documents === 1 ? '' : 's'}, ${number(totals.wordsIn)} → ${number(totals.wordsOut)} words ` +
    `(${percent(totals.shareRemoved)} removed) by ${totals.rulesFired} of ${totals.rules} rules; ` +
    `${totals.rulesNeverFired} rule${totals.rulesNeverFired === 1 ? '' : 's'} never fired; ` +
    `${number(report.warningCounts['over-removal'])} over-removal and ${number(report.warningCounts['rule-dominance'])} rule-dominance warnings` +
    (report.warningCounts.stale ? `; ${number(report.warningCounts.stale)} stale content rule${report.warningCounts.stale === 1 ? '' : 's'}.` : '.');

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>Winnow removal report</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header class="top">
<h1>Winnow removal report</h1>
<p class="summary">${escapeHtml(summary)}</p>
<div class="filters">
<label>Outlet <select id="filter-outlet"><option value="">all outlets</option>${outletOptions.join('')}</select></label>
<label>Rule <select id="filter-rule"><option value="">all rules</option>${ruleOptions.join('')}</select></label>
<label><input type="checkbox" id="filter-warnings"> only documents with warnings</label>
<label><input type="checkbox" id="hide-removed"> hide removed text</label>
<label>Text <input type="search" id="filter-text" placeholder="documents holding…"></label>
</div>
</header>
<main>
<h2 id="plots">At a glance</h2>
${reportPlots(report, hues)}
<h2 id="rules">Rules</h2>
<p class="note">Click a column to sort, a rule to show only its removals. Shares are of all input words and of all removed words.</p>
<table id="rules-table">
<thead><tr>${th('rule')}${th('kind')}${th('docs hit', true)}${th('docs applied', true)}${th('blocks', true)}${th('words', true)}${th('% of input', true)}${th('% of removed', true)}${th('origin')}<th>description and examples</th></tr></thead>
<tbody>${ruleRows.join('\n')}</tbody>
</table>
<h2 id="outlets">Outlets</h2>
<table id="outlets-table">
<thead><tr>${th('outlet')}${th('docs', true)}${th('words in', true)}${th('words out', true)}${th('removed', true)}${th('rules fired', true)}${th('rules applied', true)}<th>rule files</th></tr></thead>
<tbody>${outletRows.join('\n')}</tbody>
</table>
<h2 id="warnings">Warnings</h2>
<p class="note">Thresholds: more than ${percent(report.settings.maxRemovedShare)} of a document removed or fewer than ${report.settings.minWordsKept} words kept; one rule taking more than ${percent(report.settings.ruleDominanceShare)} of a document.${report.warningsOmitted ? ` ${number(report.warningsOmitted)} more warnings not listed (maxWarnings ${number(report.settings.maxWarnings)}).` : ''}</p>
${warningGroups.join('\n') || '<ul class="warnings"><li class="none">none</li></ul>'}
<h2 id="documents">Documents (<span id="documents-shown">all ${report.documents.length}</span>)</h2>
${report.documentsOmitted ? `<p class="note">${number(report.documentsOmitted)} more documents are counted in the totals but not listed (maxDocuments ${number(report.settings.maxDocuments)}).</p>` : ''}
<table id="documents-table">
<thead><tr>${th('document')}${th('outlet')}${th('words in', true)}${th('words kept', true)}${th('removed', true)}${th('rules', true)}${th('warnings')}<th>text</th></tr></thead>
<tbody>${documentRows.join('\n')}</tbody>
</table>
<h2 id="texts">Document texts</h2>
<p class="note">Removed text is shown in place, marked with the rule that removed it; click it for the rule's file and line.${report.detailsOmitted ? ` The text of ${number(report.detailsOmitted)} more documents is not kept in the report (maxDocumentDetails ${number(report.settings.maxDocumentDetails)}; documents with warnings are kept first).` : ''}</p>
${articles.join('\n')}
</main>
<aside id="rule-info" class="hidden" aria-live="polite"><button type="button" aria-label="close">×</button><h4></h4><p class="origin"></p><p class="kind"></p><p class="description"></p></aside>
<script type="application/json" id="rules-data">${scriptJson(rulesData)}</script>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}

function renderDetail(
  detail: ReportDetail,
  anchor: string,
  hues: ReadonlyMap<string, number>,
  rulesByKey: ReadonlyMap<string, ReportRule>,
  rowsById: ReadonlyMap<string, ReportDocument>,
): string {
  const row = rowsById.get(detail.id);
  const rules = row ? Object.keys(row.rules) : [...new Set(detail.blocks.flatMap((b) => b.map((s) => s.rule).filter((r): r is string => r !== undefined)))];
  let previousRule: string | undefined;
  const paragraphs = detail.blocks.map((segments) => {
    const removedWhole = segments.every((s) => s.rule !== undefined);
    const inner = segments
      .map((s) => {
        if (s.rule === undefined) {
          previousRule = undefined;
          return escapeHtml(s.text);
        }
        const rule = rulesByKey.get(s.rule);
        const label = rule?.id ?? s.rule;
        const title = `removed by ${s.rule}${rule?.origin ? ` (${rule.origin.file}:${rule.origin.line})` : ''}${s.partial ? ', part of the block' : ''}`;
        const cont = previousRule === s.rule && !s.partial ? ' cont' : '';
        previousRule = s.rule;
        return `<span class="rm${cont}${s.partial ? ' partial' : ''}" data-rule="${escapeHtml(s.rule)}" data-label="${escapeHtml(label)}" style="--h:${hues.get(s.rule) ?? 0}" title="${escapeHtml(title)}">${escapeHtml(s.text)}</span>`;
      })
      .join(' ');
    return `<p${removedWhole ? ' class="removed"' : ''}>${inner}</p>`;
  });
  const meta = row
    ? `${escapeHtml(row.outlet)} · ${number(row.wordsIn)} words in, ${number(row.wordsOut)} kept (${percent(row.shareRemoved)} removed)${row.warnings ? ` · warnings: ${escapeHtml(row.warnings.join(', '))}` : ''}`
    : escapeHtml(detail.outlet);
  return (
    `<article class="doc" id="${anchor}" data-outlet="${escapeHtml(detail.outlet)}" data-rules="${escapeHtml(rules.join(' '))}" data-flagged="${row?.warnings ? 1 : 0}">` +
    `<h3>${escapeHtml(detail.id)}${sourceLink(detail.url)}</h3><div class="meta">${meta}</div>${paragraphs.join('\n')}</article>`
  );
}

/** A link to the page a document came from (opened by the reader; the report itself loads nothing). */
function sourceLink(url: string | undefined): string {
  return url === undefined ? '' : ` <a class="source" href="${escapeHtml(url)}" rel="noreferrer noopener" target="_blank">source</a>`;
}
