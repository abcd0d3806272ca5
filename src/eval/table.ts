/** An evaluation as aligned terminal tables: macro scores, documents, rules. */
import type { EvalResult } from './evaluate.js';
import { alignRows } from '../io/table.js';

export interface EvalTableOptions {
  /** List every document; otherwise all of up to `DOCUMENTS_SHOWN`, else the worst of them. */
  documents?: boolean;
}

/** A screenful: more documents than this are shown as the worst ones by word F1. */
export const DOCUMENTS_SHOWN = 20;
/** How many of the worst documents a long evaluation lists. */
const WORST_SHOWN = 10;

const f3 = (n: number) => n.toFixed(3);
/** Changes of F1 are often small: four decimals. */
const signed = (n: number) => (n >= 0 ? '+' : '-') + Math.abs(n).toFixed(4);

export function renderEvalTable(result: EvalResult, options: EvalTableOptions = {}): string {
  const out: string[] = [];
  const { macro } = result;
  out.push(
    ...alignRows(
      [
        { title: 'macro', align: 'left' },
        { title: 'precision', align: 'right' },
        { title: 'recall', align: 'right' },
        { title: 'F1', align: 'right' },
        { title: 'F1 of means', align: 'right' },
      ],
      (['words', 'shingles'] as const).map((m) => [m, f3(macro[m].precision), f3(macro[m].recall), f3(macro[m].f1), f3(macro[m].f1OfMeans)]),
    ),
  );

  const all = result.documents;
  let shown = all;
  let heading = `Documents (${all.length})`;
  if (!options.documents && all.length > DOCUMENTS_SHOWN) {
    shown = [...all].sort((a, b) => a.words.f1 - b.words.f1 || a.id.localeCompare(b.id)).slice(0, WORST_SHOWN);
    heading = `Documents: the ${WORST_SHOWN} of ${all.length} with the lowest word F1 (--documents lists all)`;
  }
  out.push('', heading);
  out.push(
    ...alignRows(
      [
        { title: 'document', align: 'left' },
        { title: 'words P', align: 'right' },
        { title: 'R', align: 'right' },
        { title: 'F1', align: 'right' },
        { title: 'shingles P', align: 'right' },
        { title: 'R', align: 'right' },
        { title: 'F1', align: 'right' },
      ],
      shown.map((d) => [
        d.missingPrediction ? `${d.id} (missing: scored as empty)` : d.id,
        f3(d.words.precision), f3(d.words.recall), f3(d.words.f1),
        f3(d.shingles.precision), f3(d.shingles.recall), f3(d.shingles.f1),
      ]),
    ),
  );

  if (result.mode === 'clean') {
    out.push('', 'Rules (false removals: removed words the gold holds; without: macro F1 with the rule switched off, Δ > 0 means the rule hurts)');
    out.push(
      ...alignRows(
        [
          { title: 'rule', align: 'left' },
          { title: 'docs', align: 'right' },
          { title: 'words removed', align: 'right' },
          { title: 'false removals', align: 'right' },
          { title: 'precision', align: 'right' },
          { title: 'F1 without', align: 'right' },
          { title: 'Δ words F1', align: 'right' },
          { title: 'Δ shingles F1', align: 'right' },
          { title: 'origin', align: 'left' },
        ],
        result.rules.map((r) => [
          r.key,
          String(r.documentsHit),
          r.wordsRemoved.toLocaleString('en'),
          r.falseRemovals.toLocaleString('en'),
          r.precision === null ? '-' : f3(r.precision),
          r.without ? f3(r.without.words) : '-',
          r.without ? signed(r.without.deltaWords) : '-',
          r.without ? signed(r.without.deltaShingles) : '-',
          r.origin ?? '',
        ]),
      ),
    );
    if (result.rules.length === 0) out.push('(no rule removed anything)');
  }
  if (result.noGold.length > 0) {
    const listed = result.noGold.slice(0, WORST_SHOWN).join(', ');
    out.push('', `No gold text for ${result.noGold.length} document${result.noGold.length === 1 ? '' : 's'} (not scored): ${listed}${result.noGold.length > WORST_SHOWN ? ', ...' : ''}`);
  }
  return `${out.join('\n')}\n`;
}
