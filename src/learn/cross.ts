/**
 * Cross-outlet learning: text that is template on many outlets' pages ("Advertisement",
 * "Share this article", "Related posts") -> a `text` rule proposed for rules/default.yaml.
 *
 * A text counts for an outlet when it recurs on two or more of that outlet's pages (it is part of
 * that outlet's template); it is proposed when it does so for `minOutlets` outlets or more.
 */
import { removalCost, type LearnContext } from './candidate.js';
import type { LearnedRule, Proposal } from './learn.js';
import type { LearnOptions } from './options.js';
import { shorten } from './normalise.js';
import { mostCommon } from './generate/text.js';

/** Pages of one outlet on which a text must recur to be that outlet's template. */
const OUTLET_PAGES = 2;
/** Characters of each example kept in comments. */
const EXAMPLE_CHARS = 100;

/** What cross-outlet learning keeps of one outlet: its template texts (the pages can be let go). */
export interface OutletTemplate {
  outlet: string;
  withGold: boolean;
  pages: number;
  texts: Map<string, { texts: string[]; pages: number; words: number; lost: number }>;
}

/** The texts that recur on two or more of the outlet's pages, with what removing them costs. */
export function outletTemplate(outlet: string, context: LearnContext): OutletTemplate {
  const texts: OutletTemplate['texts'] = new Map();
  for (const [key, stats] of context.exact) {
    if (stats.pages.size < OUTLET_PAGES) continue;
    const seen = stats.occurrences.map((o) => o.block.kept!);
    const { words, lost } = removalCost(context, stats.occurrences);
    texts.set(key, { texts: seen.slice(0, 10), pages: stats.pages.size, words, lost });
  }
  return { outlet, withGold: context.withGold, pages: context.pages.length, texts };
}

export function crossOutletDefaults(outlets: readonly OutletTemplate[], options: LearnOptions, at: string, taken: ReadonlySet<string>): Proposal {
  const withGold = outlets.some((o) => o.withGold);
  const proposal: Proposal = { outlet: 'default', pages: outlets.reduce((n, o) => n + o.pages, 0), outlets: outlets.length, withGold, at, rules: [], failed: [] };
  const byKey = new Map<string, { outlets: Set<string>; texts: string[]; words: number; lost: number }>();
  for (const { outlet, texts } of outlets) {
    for (const [key, t] of texts) {
      let entry = byKey.get(key);
      if (!entry) byKey.set(key, (entry = { outlets: new Set(), texts: [], words: 0, lost: 0 }));
      entry.outlets.add(outlet);
      entry.texts.push(...t.texts);
      entry.words += t.words;
      entry.lost += t.lost;
    }
  }
  const accepted = [...byKey.values()]
    .filter((e) => e.outlets.size >= options.minOutlets && e.words > 0)
    .filter((e) => !withGold || 1 - e.lost / e.words >= options.minPrecision)
    .sort((a, b) => b.outlets.size - a.outlets.size || b.words - a.words);
  if (accepted.length === 0) return proposal;
  const texts = accepted.map((e) => mostCommon(e.texts));
  const words = accepted.reduce((n, e) => n + e.words, 0);
  const lost = accepted.reduce((n, e) => n + e.lost, 0);
  const support = new Set(accepted.flatMap((e) => [...e.outlets])).size;
  let id = 'common-template-text';
  for (let n = 2; taken.has(id); n++) id = `common-template-text-${n}`;
  const precision = words === 0 ? 1 : Math.round((1 - lost / words) * 1000) / 1000;
  const rule: LearnedRule = {
    id,
    source: 'text',
    rule: {
      id,
      description: `Template text that recurs on the pages of ${options.minOutlets} or more outlets.`,
      text: texts.length === 1 ? texts[0] : texts,
      learned: { support: `${support}/${outlets.length} outlets`, ...(withGold ? { precision } : {}), at },
    },
    evidence: {
      pages: support,
      seen: outlets.length,
      unit: 'outlets',
      words,
      examples: accepted.slice(0, options.examples).map((e) => shorten(`${mostCommon(e.texts)} (${[...e.outlets].slice(0, 4).join(', ')}${e.outlets.size > 4 ? ', ...' : ''})`, EXAMPLE_CHARS)),
      ...(withGold ? { precision } : {}),
    },
  };
  return { ...proposal, rules: [rule] };
}
