/**
 * Recurring labels with a varying rest -> `pattern` rules: "Read more: <headline>",
 * "Tags: <list>", "Filed under: <section>". The label is learned and written literally; what
 * follows it is left open (`\S`), never listed.
 *
 * Only labels that end in a separator (":", "|", "»", "-", ...) count, and the rest must look like
 * a headline or a list rather than speech: "He said: “...”" recurs on many pages too.
 */
import type { Candidate, LearnContext } from '../candidate.js';
import { escapeRegex, slug } from '../normalise.js';
import type { PageBlock } from '../page.js';
import { median, mostCommon } from './text.js';

/** Longest label, in tokens. */
const MAX_LABEL_TOKENS = 4;
/** Tokens: words (with inner apostrophes) or single non-space symbols. */
const TOKEN = /[\p{L}\p{N}_]+(?:['’][\p{L}\p{N}_]+)*|[^\s\p{L}\p{N}_]/gu;
/** A label ends in one of these. */
const SEPARATOR = /^[:|»›>\-–—]$/u;
/** Speech and sentences: the rest opens with a quote or ends like a sentence. */
const OPENS_QUOTE = /^["“‘'«]/u;
const ENDS_SENTENCE = /[.!?"”’]$/u;
/** At most this share of the rests may look like speech or sentences. */
const MAX_SENTENCE_SHARE = 0.3;
/** A longer extension of a label replaces it when it covers this share of its blocks. */
const DOMINANT_SHARE = 0.9;
/** Labelled template lines are short. */
const MAX_LINE_WORDS = 40;

interface Label {
  key: string;
  length: number;
  hits: Array<{ page: number; block: PageBlock; written: string; rest: string }>;
  pages: Set<number>;
}

export function affixCandidates(context: LearnContext): Candidate[] {
  const labels = new Map<string, Label>();
  context.pages.forEach((page, p) => {
    for (const block of page.blocks) {
      const text = block.kept;
      if (text === undefined || block.words === 0) continue;
      const toks = [...text.matchAll(TOKEN)].slice(0, MAX_LABEL_TOKENS + 1);
      for (let k = 1; k <= Math.min(MAX_LABEL_TOKENS, toks.length - 1); k++) {
        const end = toks[k - 1].index + toks[k - 1][0].length;
        const key = toks.slice(0, k).map((t) => t[0].toLowerCase()).join(' ');
        let label = labels.get(key);
        if (!label) labels.set(key, (label = { key, length: k, hits: [], pages: new Set() }));
        label.hits.push({ page: p, block, written: text.slice(0, end), rest: text.slice(end).trim() });
        label.pages.add(p);
      }
    }
  });

  const chosen: Label[] = [];
  const candidates: Candidate[] = [];
  const sorted = [...labels.values()].filter((l) => l.pages.size >= context.required).sort((a, b) => a.length - b.length);
  for (const label of sorted) {
    const last = label.key.split(' ').at(-1)!;
    if (!SEPARATOR.test(last) || !/[\p{L}\p{N}]/u.test(label.key)) continue;
    if (chosen.some((c) => label.key.startsWith(`${c.key} `))) continue;
    const dominated = sorted.some((l) => l.length === label.length + 1 && l.key.startsWith(`${label.key} `) && l.hits.length >= DOMINANT_SHARE * label.hits.length && SEPARATOR.test(l.key.split(' ').at(-1)!));
    if (dominated) continue;
    const rests = label.hits.map((h) => h.rest);
    if (new Set(rests).size < 2) continue;
    const sentences = rests.filter((r) => OPENS_QUOTE.test(r) || ENDS_SENTENCE.test(r)).length;
    const vouched = sentences <= MAX_SENTENCE_SHARE * rests.length && median(label.hits.map((h) => h.block.words)) <= MAX_LINE_WORDS;
    if (!vouched && !context.withGold) continue;
    chosen.push(label);
    const written = mostCommon(label.hits.map((h) => h.written));
    candidates.push({
      id: slug(written),
      description: `Lines labelled "${written}" followed by a link or list that changes from page to page.`,
      rule: { pattern: `^${escapeRegex(written)}\\s*\\S` },
      source: 'pattern',
      vouched,
    });
  }
  return candidates;
}
