/** One cleaned document as the report sees it: its row, and its blocks with the removed spans. */
import type { CleanResult } from '../kernel/clean.js';
import { ruleKey, type Removal } from '../kernel/engine/removal.js';
import type { DetailSegment, ReportDetail, ReportDocument } from './types.js';

/** The name a document is reported under. */
export function documentId(result: CleanResult, ordinal: number): string {
  return result.id ?? result.path ?? result.url ?? `document ${ordinal}`;
}

export function documentRow(result: CleanResult, id: string): ReportDocument {
  const rules: Record<string, number> = {};
  for (const removal of result.removals) {
    const key = ruleKey(removal);
    rules[key] = (rules[key] ?? 0) + removal.words;
  }
  const { blocksIn, blocksRemoved, wordsIn, wordsOut, wordsRemoved } = result.stats;
  const url = sourceUrl(result);
  return {
    id,
    ...(url !== undefined ? { url } : {}),
    outlet: result.outlet,
    blocksIn,
    blocksRemoved,
    wordsIn,
    wordsOut,
    wordsRemoved,
    shareRemoved: share(wordsRemoved, wordsIn),
    rules,
  };
}

/**
 * Every block of the document, rebuilt from the cleaned text and the removals: kept blocks are
 * the paragraphs of `text` in order, removed ones the removals' texts. A block a `strip` rule cut
 * shows the removed part first and then what was kept (the engine records what was cut, not where).
 * Returns undefined when the two do not line up (a result not made by `clean`).
 */
export function documentDetail(result: CleanResult, id: string): ReportDetail | undefined {
  const kept = result.text === '' ? [] : result.text.replace(/\n$/, '').split('\n\n');
  const byBlock = new Map<number, Removal[]>();
  for (const removal of result.removals) {
    const list = byBlock.get(removal.block);
    if (list) list.push(removal);
    else byBlock.set(removal.block, [removal]);
  }
  const blocks: ReportDetail['blocks'] = [];
  let next = 0;
  for (let index = 0; index < result.stats.blocksIn; index++) {
    const removals = byBlock.get(index) ?? [];
    const segments: DetailSegment[] = removals.map((r) => ({ text: r.text, rule: ruleKey(r), ...(r.partial ? { partial: true as const } : {}) }));
    if (!removals.some((r) => !r.partial)) {
      if (next >= kept.length) return undefined;
      segments.push({ text: kept[next++] });
    }
    blocks.push(segments);
  }
  if (next !== kept.length) return undefined;
  const url = sourceUrl(result);
  return { id, ...(url !== undefined ? { url } : {}), outlet: result.outlet, blocks };
}

/** Where the page came from: the document's URL, else the canonical address it gives (http(s) only). */
function sourceUrl(result: CleanResult): string | undefined {
  const url = result.url ?? result.article?.url;
  return url !== undefined && /^https?:\/\//i.test(url) ? url : undefined;
}

export function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}
