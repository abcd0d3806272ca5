/**
 * Small plots for the report page, drawn as inline SVG when the page is written: no script, no
 * library, no network. Each is a `<figure class="plot">` with a caption and, for screen readers
 * and copying, the numbers in each bar's `<title>`.
 */
import { percent } from '../builder.js';
import { truncate } from '../examples.js';
import type { Report } from '../types.js';
import { escapeHtml } from './html-escape.js';

/** Bars shown in a ranking plot. */
const BARS = 12;
const WIDTH = 460;
const LABEL = 190;
const BAR = 16;
const GAP = 4;

interface Bar {
  label: string;
  /** Between 0 and 1; the largest bar fills the plot's width. */
  value: number;
  /** What the bar says, at its end. */
  note: string;
  hue?: number;
}

/** Horizontal bars, the largest first, with their labels on the left. */
function rankingPlot(id: string, caption: string, bars: Bar[]): string {
  const shown = bars.slice(0, BARS);
  const height = shown.length * (BAR + GAP) + GAP;
  const room = WIDTH - LABEL - 60;
  const largest = Math.max(...shown.map((bar) => bar.value), Number.MIN_VALUE);
  const rows = shown.map((bar, i) => {
    const y = GAP + i * (BAR + GAP);
    const length = Math.max(1, Math.round((bar.value / largest) * room));
    const fill = bar.hue === undefined ? 'hsl(210 50% 50%)' : `hsl(${bar.hue} 60% 45%)`;
    return (
      `<g class="bar"><title>${escapeHtml(`${bar.label}: ${bar.note}`)}</title>` +
      `<text x="${LABEL - 6}" y="${y + BAR - 4}" text-anchor="end">${escapeHtml(truncate(bar.label, 28).text)}</text>` +
      `<rect x="${LABEL}" y="${y}" width="${length}" height="${BAR}" fill="${fill}"></rect>` +
      `<text x="${LABEL + length + 4}" y="${y + BAR - 4}" class="value">${escapeHtml(bar.note)}</text></g>`
    );
  });
  const more = bars.length > BARS ? ` (the ${BARS} largest of ${bars.length})` : '';
  return figure(id, `${caption}${more}`, WIDTH, height, rows.join(''));
}

/** Ten bins of documents by the share of their words removed. */
function histogramPlot(id: string, caption: string, counts: readonly number[]): string {
  const height = 150;
  const base = height - 22;
  const step = (WIDTH - 40) / counts.length;
  const most = Math.max(1, ...counts);
  const columns = counts.map((count, i) => {
    const h = Math.round((count / most) * (base - 16));
    const x = 30 + i * step;
    const range = `${i * 10}–${i === 9 ? 100 : (i + 1) * 10}% removed`;
    return (
      `<g class="bar"><title>${escapeHtml(`${range}: ${count.toLocaleString('en')} document${count === 1 ? '' : 's'}`)}</title>` +
      `<rect x="${x.toFixed(1)}" y="${base - h}" width="${(step - 3).toFixed(1)}" height="${h}" fill="hsl(210 50% 50%)"></rect>` +
      (count > 0 ? `<text x="${(x + step / 2).toFixed(1)}" y="${base - h - 3}" text-anchor="middle" class="value">${count.toLocaleString('en')}</text>` : '') +
      `<text x="${(x + step / 2).toFixed(1)}" y="${height - 6}" text-anchor="middle">${i * 10}%</text></g>`
    );
  });
  return figure(id, caption, WIDTH, height, columns.join(''));
}

function figure(id: string, caption: string, width: number, height: number, body: string): string {
  return (
    `<figure class="plot" id="${id}"><svg role="img" aria-label="${escapeHtml(caption)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `${body}</svg><figcaption>${escapeHtml(caption)}</figcaption></figure>`
  );
}

/** The report's plots: each rule's share of the removed words, documents by share removed, each outlet's share removed. */
export function reportPlots(report: Report, hues: ReadonlyMap<string, number>): string {
  const rules = report.rules
    .filter((r) => r.words > 0)
    .map((r): Bar => ({ label: r.key, value: r.shareOfRemovedWords, note: percent(r.shareOfRemovedWords), hue: hues.get(r.key) }));
  const outlets = [...report.outlets]
    .sort((a, b) => b.documents - a.documents || a.outlet.localeCompare(b.outlet))
    .map((o): Bar => ({ label: `${o.outlet} (${o.documents.toLocaleString('en')})`, value: o.shareRemoved, note: percent(o.shareRemoved) }));
  const plots = [rankingPlot('plot-rules', "Each rule's share of the removed words", rules)];
  const histogram = report.totals.documentsByShareRemoved;
  if (histogram) plots.push(histogramPlot('plot-documents', 'Documents by the share of their words removed', histogram));
  plots.push(rankingPlot('plot-outlets', 'Share of words removed per outlet (documents), the most documents first', outlets));
  return `<div class="plots">${plots.join('')}</div>`;
}
