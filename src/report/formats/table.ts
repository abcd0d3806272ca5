/** The report as aligned terminal tables: rules, outlets, warnings (and documents on request). */
import picocolors from 'picocolors';
import { percent } from '../builder.js';
import { alignRows, type Column } from '../../io/table.js';
import type { Report } from '../types.js';
import { groupTitle, groupWarnings } from '../warning-groups.js';

/** Warnings listed per group in the terminal table. */
const WARNINGS_PER_GROUP = 5;

export interface TableOptions {
  /** ANSI colour (default false; the CLI turns it on for a terminal unless NO_COLOR is set). */
  color?: boolean;
  /** Also list every document row (default false). */
  documents?: boolean;
}

const number = (n: number) => n.toLocaleString('en');

export function renderTable(report: Report, options: TableOptions = {}): string {
  const { bold, dim, yellow } = picocolors.createColors(options.color ?? false);
  const out: string[] = [];
  const { totals } = report;
  const outletNames = report.outlets.map((o) => o.outlet).join(', ') || 'none';
  out.push(
    `${totals.documents} document${totals.documents === 1 ? '' : 's'} (${outletNames}), ${number(totals.wordsIn)} -> ${number(totals.wordsOut)} words, ` +
      `${percent(totals.shareRemoved)} removed by ${totals.rulesFired} of ${totals.rules} rules`,
  );

  out.push('', bold('Rules'));
  const ruleColumns: Column[] = [
    { title: 'rule', align: 'left' },
    { title: 'kind', align: 'left' },
    { title: 'docs hit', align: 'right' },
    { title: 'blocks', align: 'right' },
    { title: 'words', align: 'right' },
    { title: '% of input', align: 'right' },
    { title: '% of removed', align: 'right' },
    { title: 'origin', align: 'left' },
  ];
  const ruleRows = report.rules.map((r) => [
    r.key,
    r.kind,
    `${number(r.documentsHit)}/${number(r.documentsApplied)}`,
    number(r.blocks),
    number(r.words),
    percent(r.shareOfInputWords),
    percent(r.shareOfRemovedWords),
    r.origin ? `${r.origin.file}:${r.origin.line}` : '',
  ]);
  out.push(...alignRows(ruleColumns, ruleRows, (i, l) => (report.rules[i].documentsHit === 0 ? dim(l) : l), bold));

  out.push('', bold('Outlets'));
  const outletColumns: Column[] = [
    { title: 'outlet', align: 'left' },
    { title: 'docs', align: 'right' },
    { title: 'words in', align: 'right' },
    { title: 'words out', align: 'right' },
    { title: 'removed', align: 'right' },
    { title: 'rules fired', align: 'right' },
  ];
  const outletRows = report.outlets.map((o) => [
    o.outlet,
    number(o.documents),
    number(o.wordsIn),
    number(o.wordsOut),
    percent(o.shareRemoved),
    o.rulesApplied > 0 ? `${o.rulesFired}/${o.rulesApplied}` : String(o.rulesFired),
  ]);
  out.push(...alignRows(outletColumns, outletRows, undefined, bold));

  if (options.documents) {
    out.push('', bold('Documents'));
    const documentColumns: Column[] = [
      { title: 'document', align: 'left' },
      { title: 'outlet', align: 'left' },
      { title: 'words in', align: 'right' },
      { title: 'kept', align: 'right' },
      { title: 'removed', align: 'right' },
      { title: 'rules', align: 'right' },
    ];
    const documentRows = report.documents.map((d) => [d.id, d.outlet, number(d.wordsIn), number(d.wordsOut), percent(d.shareRemoved), String(Object.keys(d.rules).length)]);
    out.push(...alignRows(documentColumns, documentRows, (i, l) => (report.documents[i].warnings ? yellow(l) : l), bold));
    if (report.documentsOmitted > 0) out.push(`(${number(report.documentsOmitted)} more documents not kept in the report; settings.maxDocuments is ${number(report.settings.maxDocuments)})`);
  }

  const counts = report.warningCounts;
  const stale = counts.stale ?? 0;
  const total = counts['never-fired'] + counts['over-removal'] + counts['rule-dominance'] + stale;
  out.push('', bold(`Warnings (${total}: ${counts['never-fired']} never fired, ${counts['over-removal']} over-removal, ${counts['rule-dominance']} rule dominance${stale > 0 ? `, ${stale} stale` : ''})`));
  // Grouped by kind (and by rule for rule dominance): a few of each group, then how many more.
  for (const group of groupWarnings(report.warnings)) {
    out.push(yellow(`  ${groupTitle(group)}`));
    for (const w of group.warnings.slice(0, WARNINGS_PER_GROUP)) out.push(`    ${w.message}`);
    if (group.warnings.length > WARNINGS_PER_GROUP) out.push(`    and ${number(group.warnings.length - WARNINGS_PER_GROUP)} more (--format json or --format html lists them all)`);
  }
  if (report.warningsOmitted > 0) out.push(`  (${number(report.warningsOmitted)} more not listed; settings.maxWarnings is ${number(report.settings.maxWarnings)})`);
  if (total === 0) out.push('  none');
  return `${out.join('\n')}\n`;
}
