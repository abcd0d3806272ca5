/**
 * Where an outlet's title is, learned from pages whose title is known (`learn --gold` with a
 * fields file beside each gold text). Pages say their title several times (JSON-LD headline,
 * og:title, `<title>`, the `<h1>`), and outlets differ in which of them is the headline their
 * editors wrote and which is a search or social variant. The defaults read the JSON-LD headline
 * first; an outlet whose known titles another source gives on more of its pages gets a rule that
 * reads the title there, and leaves the other fields to the defaults.
 */
import { runRules } from '../kernel/engine/run.js';
import type { LoadedRule } from '../kernel/rules/parse.js';
import { collapseWhitespace } from '../kernel/text/words.js';
import { compile, ruleObject } from './candidate.js';
import type { LearnedRule } from './learn.js';
import type { ArticlePage } from './page.js';

/** The places a title is read from, in the order a tie goes. */
const SOURCES: ReadonlyArray<{ name: string; rule: Record<string, unknown>; description: string }> = [
  { name: 'json-ld', rule: { metadata: 'json-ld', fields: ['title'] }, description: 'The title is the JSON-LD headline.' },
  { name: 'open-graph', rule: { metadata: 'open-graph', fields: ['title'] }, description: 'The title is og:title (without the site\'s name), not the JSON-LD headline.' },
  { name: 'h1', rule: { 'title-line': true, extract: 'title' }, description: 'The title is the headline the page shows (its h1), not the headline of its metadata.' },
  { name: 'title', rule: { metadata: 'meta', fields: ['title'] }, description: 'The title is the page\'s <title> (without the site\'s name).' },
];

/** The rule id of a learned title rule. */
export const TITLE_ID = 'title';

/**
 * A rule for the outlet's title, when one source gives the known title on more pages than the
 * rules in force do; with the pages it was right on as evidence.
 */
export function learnTitle(outlet: string, pages: readonly ArticlePage[], base: readonly LoadedRule[], id: string, at: string): LearnedRule | undefined {
  const known = pages.filter((p) => p.doc.known?.title !== undefined);
  if (known.length === 0) return undefined;
  const right = (rules: readonly LoadedRule[]) => {
    const titles: string[] = [];
    let count = 0;
    for (const page of known) {
      const title = runRules(page.tree, rules).fields.title?.value;
      if (typeof title === 'string' && collapseWhitespace(title) === collapseWhitespace(page.doc.known!.title!)) {
        count++;
        titles.push(title);
      }
    }
    return { count, titles };
  };
  const before = right(base).count;
  let best: { source: (typeof SOURCES)[number]; count: number; titles: string[] } | undefined;
  for (const source of SOURCES) {
    const rule = compile(outlet, id, source);
    if (!rule) continue;
    const found = right([...base, rule]);
    if (found.count > (best?.count ?? before)) best = { source, ...found };
  }
  if (!best) return undefined;
  return {
    id,
    source: 'title',
    rule: { ...ruleObject(id, best.source), learned: { support: `${best.count}/${known.length}`, at } },
    evidence: { pages: best.count, seen: known.length, words: 0, examples: best.titles.slice(0, 2), field: { name: 'title', before } },
  };
}
