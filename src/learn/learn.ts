/**
 * `learnOutlet`: many pages of one outlet -> proposed rules with evidence.
 *
 * 1. Every page is parsed and cleaned with the rules in force (defaults, and the outlet's own file
 *    if it has one): the learner only proposes what those leave.
 * 2. Generators propose candidates from repetition: DOM subtrees, rest-of-page markers, captions,
 *    recurring lines and texts.
 * 3. Each candidate goes through the rule loader (so it is an ordinary rule of an existing kind),
 *    and is kept when it fires on enough pages and, with gold, removes little gold text.
 * 4. The kept rules run together through the engine, after the rules in force; a rule or list
 *    entry that no longer fires is dropped, and the engine's attribution is the evidence shown.
 */
import { runRules } from '../kernel/engine/run.js';
import { tokens } from '../kernel/text/words.js';
import { parseRuleFile, type LoadedRule } from '../kernel/rules/parse.js';
import { DEFAULT_OUTLET, type RuleSet } from '../kernel/rules/ruleset.js';
import { stringify } from 'yaml';
import { compile, indexKeys, ruleObject, SOURCE_ORDER, type Candidate, type LearnContext, type Source } from './candidate.js';
import { evaluate } from './evaluate.js';
import { affixCandidates } from './generate/affix.js';
import { captionCandidates } from './generate/caption.js';
import { contentPage, innerCandidates, innerKept, searchContent } from './content.js';
import { restCandidates } from './generate/rest.js';
import { selectorCandidates } from './generate/selector.js';
import { textCandidates } from './generate/text.js';
import { shorten } from './normalise.js';
import { unsafe, type Span } from './safety.js';
import { requiredPages, resolveOptions, type LearnOptions } from './options.js';
import { helpsMost, mean, pageF1s } from './judge.js';
import { fresh } from './fresh.js';
import { learnKeeps } from './keep.js';
import { learnTitle, TITLE_ID } from './title.js';
import { ledgerOf, pageOf, preparePage, rerun, type ArticlePage, type LearnDocument, type LearnPage } from './page.js';

export type { LearnPage } from './page.js';

/** Rounds of "run together, drop what no longer earns its place" (each round only removes, so few are needed). */
const MAX_ROUNDS = 6;
/** Characters of each example kept in comments. */
const EXAMPLE_CHARS = 100;

export interface LearnInput {
  /** The outlet the pages belong to. */
  outlet: string;
  documents: LearnDocument[];
  /** The rules in force (defaults, and the outlet's file if it has one). */
  ruleSet: RuleSet;
  options?: Partial<LearnOptions>;
}

export interface Evidence {
  /** Pages (or outlets, see `unit`) the rule removed words from (a content rule: matched). */
  pages: number;
  /** Pages (or outlets) learned from: every one of them is also a page the rule was checked on. */
  seen: number;
  /** Of the pages learned from, those it does not fire on (their ids), when it fires on some only. */
  missed?: string[];
  /** What `pages` and `seen` count (default: pages). */
  unit?: 'pages' | 'outlets';
  /** Words it removed from those pages (a keep rule: words it keeps that the other rules remove). */
  words: number;
  /** Removed (kept) texts from different pages. */
  examples: string[];
  /** Share of removed words not in gold, of kept words in gold (with gold only). */
  precision?: number;
  /** A keep rule's evidence: `words` are words it keeps. */
  keeps?: true;
  /** For a rule that reads a field (removing nothing): the field, and on how many pages the rules in force had it right. */
  field?: { name: string; before: number };
}

export interface LearnedRule {
  id: string;
  source: Source;
  /** The rule as it is written: id, description, matcher keys and `learned`. */
  rule: Record<string, unknown>;
  evidence: Evidence;
}

export interface Proposal {
  outlet: string;
  pages: number;
  /** For cross-outlet defaults: how many outlets the pages came from. */
  outlets?: number;
  withGold: boolean;
  at: string;
  rules: LearnedRule[];
  /** Documents that could not be parsed, with the reason. */
  failed: Array<{ id: string; error: string }>;
  /**
   * With gold: default rules the outlet's file switches off (`disable:`), because on its pages
   * they take article text, with the gold words each took back.
   */
  disable?: Array<{ id: string; words: number; gold: number; pages: number }>;
  /** Why the learner proposed nothing, or less than it looked at: the pages as a whole, then each candidate rule it rejected. */
  why?: Why;
}

/** What the learner looked at and did not propose, and why (`learn --explain`). */
export interface Why {
  /** About the pages as a whole: too few to learn from without gold, no article found. */
  notes: string[];
  /** Candidate rules rejected, in the order they were tried, each with its reason. */
  rejected: Array<{ rule: string; reason: string }>;
}

/** The rule's matcher in one short line (`selector: .comments`, `text: "Posted by..."`). */
function ruleLine(candidate: Candidate): string {
  const [key, value] = Object.entries(candidate.rule)[0] ?? ['?', ''];
  const shown = Array.isArray(value) ? `[${value.map((v) => JSON.stringify(v)).join(', ')}]` : typeof value === 'string' ? (key === 'selector' || key === 'content' ? value : JSON.stringify(value)) : JSON.stringify(value);
  return `${key}: ${shown.length > 90 ? `${shown.slice(0, 89)}…` : shown}`;
}

export function learnOutlet(input: LearnInput): Proposal {
  return learnOutletWithContext(input).proposal;
}

/** `learnOutlet`, also handing back the pages as the learner saw them (for cross-outlet learning). */
export function learnOutletWithContext(input: LearnInput): { proposal: Proposal; context: LearnContext } {
  const { pages, failed } = preparePages(input.documents, input.ruleSet, input.outlet);
  const result = learnFromPages(input.outlet, pages, input.ruleSet, input.options);
  return { proposal: { ...result.proposal, failed }, context: result.context };
}

/** The rules in force for `outlet`: the defaults, and its own file when the rules folder has one. */
export function rulesInForce(ruleSet: RuleSet, outlet: string): LoadedRule[] {
  return ruleSet.forOutlet(ruleSet.hasOutlet(outlet) ? outlet : undefined).rules;
}

/** Parse the documents and run the rules in force over them, once, for one or more rounds of learning. */
export function preparePages(documents: readonly LearnDocument[], ruleSet: RuleSet, outlet: string): { pages: LearnPage[]; failed: Proposal['failed'] } {
  return prepare(documents, rulesInForce(ruleSet, outlet));
}

/**
 * Learn from pages already prepared with `preparePages` (with the same rule set and outlet).
 * Pages without gold (`doc.gold` and `ledger` unset) are learned from without it.
 */
export function learnFromPages(outlet: string, pages: LearnPage[], ruleSet: RuleSet, partial?: Partial<LearnOptions>): { proposal: Proposal; context: LearnContext } {
  const options = resolveOptions(partial);
  const at = options.at ?? new Date().toISOString().slice(0, 10);
  let base = rulesInForce(ruleSet, outlet);
  let context = makeContext(pages, options);
  const why: Why = { notes: [], rejected: [] };
  const empty: Proposal = { outlet, pages: pages.length, withGold: context.withGold, at, rules: [], failed: [], why };
  // With gold, what an element's names say may be learned from one page; text needs two or more.
  if (pages.length === 0 || (pages.length < options.minPages && !context.withGold)) {
    why.notes.push(pages.length === 0 ? 'no page to learn from' : `${pages.length} page${pages.length === 1 ? '' : 's'}: without gold, a rule must recur on ${options.minPages} pages or more (--min-pages); give more pages, or gold (--gold)`);
    return { proposal: empty, context };
  }
  if (!context.withGold) why.notes.push('without gold, no content rule is looked for (where the article is needs gold to be judged); removal rules only');

  const taken = new Set([...base.map((r) => r.id), ...(ruleSet.outlets.get(outlet)?.rules.map((r) => r.id) ?? [])]);
  const learned: LearnedRule[] = [];
  let disable: NonNullable<Proposal['disable']> = [];
  if (context.withGold) {
    // Where the article is, and which default rules the outlet's pages are better without.
    const settled = contentAndDefaults(outlet, pages, base, at, taken);
    disable = settled.disable;
    if (!settled.content) why.notes.push('no content rule: no element with a stable name holds the article better than the defaults find it, on these pages');
    if (settled.content) {
      learned.push(settled.content.rule);
      taken.add(settled.content.rule.id);
    }
    let changed = disable.length > 0 || settled.content !== undefined;
    if (changed) base = settled.content ? [...settled.rules, settled.content.loaded] : settled.rules;
    // What of the article the rules in force still take, and the gold keeps.
    const keeps = learnKeeps(outlet, pages, base, options.minSupport, taken, at);
    for (const keep of keeps) {
      learned.push(keep.rule);
      taken.add(keep.rule.id);
      base = [...base, keep.loaded];
      changed = true;
    }
    if (keeps.length === 0) why.notes.push('no keep rule: no element with a stable name holds text the gold keeps and the rules remove, on enough pages, to score better kept');
    if (changed) {
      // The article is where the content rule says, with what the keep rules keep: the other rules are learned inside it.
      pages = pages.map((page) => pageOf(page.doc, page.type, page.tree, base));
      context = makeContext(pages, options);
    }
  }
  if (disable.length > 0) empty.disable = disable;
  const candidates = [...(context.withGold ? innerCandidates(pages, options.minPrecision) : []), ...generate(context)];
  if (candidates.length === 0) why.notes.push(`nothing the rules in force keep recurs on ${context.required} of the ${pages.length} pages or more${context.withGold ? ', or is outside the gold' : ''}: no candidate rule`);
  const accepted: Array<{ candidate: Candidate; rule: LoadedRule }> = [];
  const spans = new Map<number, Span | undefined>();
  for (const first of candidates) {
    for (const candidate of [first, ...(first.alternatives ?? [])]) {
      const id = fresh(candidate.id, taken);
      const rule = compile(outlet, id, candidate);
      if (!rule) continue;
      const effect = evaluate(rule, pages);
      const needed = candidate.structural ? context.requiredStructural : context.required;
      const reject = (reason: string) => why.rejected.push({ rule: ruleLine(candidate), reason });
      if (effect.pages.length < needed) {
        reject(`fires on ${effect.pages.length} of ${pages.length} pages; needs ${needed} (--min-support, --min-pages)`);
        continue;
      }
      if (context.withGold && (effect.precision ?? 0) < options.minPrecision) {
        reject(`precision ${(effect.precision ?? 0).toFixed(3)} against gold, below ${options.minPrecision} (--min-precision)`);
        continue;
      }
      if (!context.withGold) {
        const risk = candidate.vouched ? unsafe(context, effect, spans) : 'its structure does not vouch for it without gold (it would need gold to be judged)';
        if (risk !== undefined) {
          reject(risk);
          continue;
        }
      }
      taken.add(id);
      accepted.push({ candidate: { ...candidate, id }, rule });
      break;
    }
  }
  accepted.sort((a, b) => SOURCE_ORDER.indexOf(a.candidate.source) - SOURCE_ORDER.indexOf(b.candidate.source));
  // Where the title is (pages with a known title only): it removes nothing, so it is settled on its own.
  const title = learnTitle(outlet, pages, base, fresh(TITLE_ID, taken), at);
  if (title) learned.push(title);
  const settled = settle(outlet, accepted.map((a) => a.candidate), base, pages, context, at);
  const kept = new Set(settled.map((r) => r.id));
  for (const { candidate } of accepted) {
    if (!kept.has(candidate.id)) why.rejected.push({ rule: ruleLine(candidate), reason: 'run with the other learned rules, it no longer fires on enough pages (another rule takes what it took), or it takes the headline' });
  }
  return { proposal: { ...empty, rules: [...learned, ...settled] }, context };
}

/**
 * A default rule is tried off for an outlet when it takes at least this many gold words there
 * (however much else it takes: a link rail rule that takes a list of the article's own is
 * worth switching off when the outlet's content rule removes the rails anyway).
 */
const DISABLE_MIN_GOLD = 3;
/** At most this many default rules are tried off (those taking the most gold words): each try searches the article again. */
const DISABLE_MAX_TRIED = 5;
/** A rule stays off when the pages' mean words F1 is at least this much better without it. */
const DISABLE_MIN_GAIN = 0.001;

type Learned = { rule: LearnedRule; loaded: LoadedRule };

/**
 * The `content` rule, and the default rules the outlet's file switches off (`disable:`) because,
 * on its pages (with gold), they take article text. Each default rule that takes gold words is
 * tried off in turn (most gold first), with the article searched for again without it (a rule that
 * hides the body, a paywalled text the page carries `hidden`, keeps the search from finding it),
 * and kept off only when the pages' words F1 is better so.
 */
function contentAndDefaults(outlet: string, pages: readonly LearnPage[], base: readonly LoadedRule[], at: string, taken: ReadonlySet<string>): { content?: Learned; disable: NonNullable<Proposal['disable']>; rules: LoadedRule[] } {
  const withGold = pages.filter((p) => p.doc.gold !== undefined);
  const stats = new Map<string, { words: number; gold: number; pages: Set<number> }>();
  withGold.forEach((page, p) => {
    const byRule = new Map<string, string[]>();
    for (const r of page.base.removals) {
      if (r.outlet !== DEFAULT_OUTLET) continue;
      const list = byRule.get(r.rule) ?? [];
      list.push(...tokens(r.text));
      byRule.set(r.rule, list);
    }
    for (const [rule, removed] of byRule) {
      const gold = page.ledger?.regain(removed) ?? 0;
      const s = stats.get(rule) ?? { words: 0, gold: 0, pages: new Set<number>() };
      s.words += removed.length;
      s.gold += gold;
      if (gold > 0) s.pages.add(p);
      stats.set(rule, s);
    }
  });
  const tried = [...stats]
    .filter(([, s]) => s.gold >= DISABLE_MIN_GOLD)
    .sort((a, b) => b[1].gold - a[1].gold || a[0].localeCompare(b[0]))
    .slice(0, DISABLE_MAX_TRIED);
  const withContent = (rules: readonly LoadedRule[], content: Found | undefined) => (content ? [...rules, content.loaded] : rules);
  let rules = [...base];
  let content = findContent(outlet, pages, rules, taken);
  let scores = pageF1s(withGold, withContent(rules, content));
  const disable: NonNullable<Proposal['disable']> = [];
  for (const [id, s] of tried) {
    const without = rules.filter((r) => !(r.outlet === DEFAULT_OUTLET && r.id === id));
    let next = pageF1s(withGold, withContent(without, content));
    let nextContent = content;
    const again = findContent(outlet, pages.map((page) => rerun(page, without)), without, taken);
    if (again && again.css !== content?.css) {
      const found = pageF1s(withGold, withContent(without, again));
      if (mean(found) > mean(next)) [next, nextContent] = [found, again];
    }
    if (mean(next) < mean(scores) + DISABLE_MIN_GAIN || !helpsMost(scores, next)) continue;
    rules = without;
    content = nextContent;
    scores = next;
    disable.push({ id, words: s.words, gold: s.gold, pages: s.pages.size });
  }
  if (!content) return { disable, rules };
  const evidenceFrom = disable.length === 0 ? pages : pages.map((page) => rerun(page, rules));
  return { content: contentEvidence(outlet, content, evidenceFrom, rules, at), disable, rules };
}

/** The rule id of a learned `content` rule. */
const CONTENT_ID = 'article-body';

/** A `content` rule the search found, loaded as the outlet's file would hold it. */
interface Found {
  candidate: Candidate;
  loaded: LoadedRule;
  /** Its selectors, as one key. */
  css: string;
}

/** Where the article is on `pages` (all HTML with gold): a `content` rule when one beats the defaults there. */
function findContent(outlet: string, pages: readonly ArticlePage[], base: readonly LoadedRule[], taken: ReadonlySet<string>): Found | undefined {
  const scored = pages.filter((p) => p.type === 'html' && p.doc.gold !== undefined);
  if (scored.length === 0 || base.some((r) => r.outlet === outlet && r.kindName === 'content')) return undefined;
  const keepBody = compile(outlet, fresh('keep-body', taken), { description: '', rule: { content: 'body' } })!;
  const found = searchContent(scored.map((p) => contentPage(p, innerKept(p, base, keepBody))));
  if (!found) return undefined;
  const id = fresh(CONTENT_ID, taken);
  const candidate: Candidate = {
    id,
    description: found.selectors.length === 1 ? 'The article body: everything outside it but the headline goes.' : 'The article body (alternatives, tried in order: the outlet\'s templates): everything outside it but the headline goes.',
    rule: { content: found.selectors.length === 1 ? found.selectors[0] : found.selectors },
    source: 'content',
    vouched: true,
    structural: true,
  };
  const loaded = compile(outlet, id, candidate);
  if (!loaded) return undefined;
  // As for a default rule switched off: the rule must help more of the pages than it hurts, not only their mean.
  if (scored.length > 1 && !helpsMost(pageF1s(scored, base), pageF1s(scored, [...base, loaded]))) return undefined;
  return { candidate, loaded, css: found.selectors.join(' | ') };
}

/** The content rule with its evidence: what it removes on the pages (run with `base`), and how much of it is gold. */
function contentEvidence(outlet: string, found: Found, pages: readonly ArticlePage[], base: readonly LoadedRule[], at: string): Learned {
  const { candidate, loaded } = found;
  const id = candidate.id;
  let words = 0;
  let lost = 0;
  let matched = 0;
  const missed: string[] = [];
  for (const page of pages) {
    if (page.type !== 'html' || page.doc.gold === undefined) continue;
    const result = runRules(page.tree, [...base, loaded]);
    if (result.stale?.length) {
      missed.push(page.doc.id);
      continue;
    }
    matched++;
    const removed = result.removals.filter((r) => r.outlet === outlet && r.rule === id).flatMap((r) => tokens(r.text));
    words += removed.length;
    lost += page.ledger?.cost(removed) ?? 0;
  }
  const precision = words === 0 ? 1 : round3(1 - lost / words);
  const selectors = [candidate.rule.content].flat() as string[];
  const evidence: Evidence = { pages: matched, seen: pages.length, ...(missed.length > 0 ? { missed } : {}), words, examples: selectors.map((s) => `content: ${s}`), precision };
  return {
    loaded,
    rule: {
      id,
      source: 'content',
      rule: { ...ruleObject(id, candidate), learned: { support: `${matched}/${pages.length}`, precision, at } },
      evidence,
    },
  };
}

/** The same pages without their gold, to learn from them as if none had been given. */
export function withoutGold(pages: readonly LearnPage[]): LearnPage[] {
  return pages.map(({ ledger: _ledger, doc: { gold: _gold, ...doc }, ...page }) => ({ ...page, doc }));
}

/** Parse every document; one that fails is reported and the others are still used. */
export function prepare(documents: readonly LearnDocument[], base: readonly LoadedRule[]): { pages: LearnPage[]; failed: Proposal['failed'] } {
  const pages: LearnPage[] = [];
  const failed: Proposal['failed'] = [];
  for (const doc of documents) {
    try {
      pages.push(preparePage(doc, base));
    } catch (error) {
      failed.push({ id: doc.id, error: (error as Error).message });
    }
  }
  return { pages, failed };
}

export function makeContext(pages: LearnPage[], options: LearnOptions): LearnContext {
  return {
    pages,
    options,
    required: requiredPages(options, pages.length),
    requiredStructural: Math.max(1, Math.ceil(options.minSupport * pages.length - 1e-9)),
    withGold: pages.some((p) => p.ledger !== undefined),
    ...indexKeys(pages),
  };
}

/** Candidates in order of preference: a recurring line's exact shape before a label that opens it. */
function generate(context: LearnContext): Candidate[] {
  return [...selectorCandidates(context), ...restCandidates(context), ...captionCandidates(context), ...textCandidates(context), ...affixCandidates(context)];
}

/**
 * Run the accepted rules together after the rules in force; drop rules and list entries that no
 * longer fire or (with gold) cost too much; repeat until nothing changes. The engine's
 * attribution of the last round is the evidence.
 */
function settle(outlet: string, candidates: Candidate[], base: readonly LoadedRule[], pages: LearnPage[], context: LearnContext, at: string): LearnedRule[] {
  let current = candidates.map((c) => ({ ...c, rule: { ...c.rule } }));
  for (let round = 0; round < MAX_ROUNDS && current.length > 0; round++) {
    const source = stringify({ outlet, rules: current.map((c) => ruleObject(c.id, c)) });
    const { file, errors } = parseRuleFile(source, `(learned ${outlet})`, { expectOutlet: outlet });
    if (!file) throw new Error(`Learned rules failed to load: ${errors.map((e) => e.message).join('; ')}`);
    const learned = file.rules;
    const ids = new Set(learned.map((r) => r.id));
    const stats = new Map(learned.map((r) => [r.id, { pages: new Set<number>(), words: 0, lost: 0, headline: false, examples: [] as Array<{ page: number; text: string }>, details: new Set<string>() }]));
    pages.forEach((page, p) => {
      const result = runRules(page.tree, [...base, ...learned]);
      const headline = page.base.title === undefined ? undefined : page.base.kept[page.base.title];
      const ledger = page.doc.gold === undefined ? undefined : ledgerOf(page.base, page.doc.gold);
      for (const id of ids) {
        const mine = result.removals.filter((r) => r.outlet === outlet && r.rule === id);
        if (mine.length === 0) continue;
        const s = stats.get(id)!;
        const removed = mine.flatMap((r) => tokens(r.text));
        if (removed.length === 0) continue;
        s.pages.add(p);
        if (headline !== undefined && mine.some((r) => r.text.trim() === headline)) s.headline = true;
        s.words += removed.length;
        s.lost += ledger?.take(removed) ?? 0;
        for (const r of mine) if (r.detail !== undefined) s.details.add(r.detail);
        if (s.examples.length < 3 * context.options.examples) for (const text of runsOf(mine)) s.examples.push({ page: p, text });
      }
    });
    let changed = false;
    const next: Candidate[] = [];
    const out: LearnedRule[] = [];
    for (const c of current) {
      const s = stats.get(c.id)!;
      const precision = s.words === 0 ? 1 : 1 - s.lost / s.words;
      if (s.headline || s.pages.size < (c.structural ? context.requiredStructural : context.required) || (context.withGold && precision < context.options.minPrecision)) {
        changed = true;
        continue;
      }
      const pruned = pruneList(c.rule, s.details);
      if (pruned) changed = true;
      const rule = pruned ?? c.rule;
      next.push({ ...c, rule });
      const missed = pages.flatMap((page, p) => (s.pages.has(p) ? [] : [page.doc.id]));
      const evidence: Evidence = {
        pages: s.pages.size,
        seen: pages.length,
        ...(missed.length > 0 ? { missed } : {}),
        words: s.words,
        examples: pickExamples(s.examples, context.options.examples),
        ...(context.withGold ? { precision: round3(precision) } : {}),
      };
      out.push({
        id: c.id,
        source: c.source,
        rule: {
          ...ruleObject(c.id, { ...c, rule }),
          learned: { support: `${evidence.pages}/${evidence.seen}`, ...(evidence.precision !== undefined ? { precision: evidence.precision } : {}), at },
        },
        evidence,
      });
    }
    current = next;
    if (!changed || round === MAX_ROUNDS - 1) return out;
  }
  return [];
}

/**
 * A `text` or `pattern` list without the entries that never fired (the engine names the entry
 * in each removal's detail); undefined when nothing is dropped.
 */
function pruneList(rule: Record<string, unknown>, details: Set<string>): Record<string, unknown> | undefined {
  const key = 'text' in rule ? 'text' : 'pattern' in rule ? 'pattern' : undefined;
  if (!key || !Array.isArray(rule[key])) return undefined;
  const list = rule[key] as string[];
  // The engine names a pattern by its RegExp source, a text by the string as written.
  const kept = list.filter((v) => details.has(key === 'pattern' ? new RegExp(v, 'u').source : v));
  if (kept.length === list.length || kept.length === 0) return undefined;
  return { ...rule, [key]: kept.length === 1 ? kept[0] : kept };
}

/** Removed texts, with the texts of adjacent blocks joined by " / " (a caption and its alt text, a rail). */
function runsOf(removals: ReadonlyArray<{ block: number; text: string }>): string[] {
  const out: string[] = [];
  let last = -2;
  for (const r of removals) {
    if (r.block === last + 1 && out.length > 0) out[out.length - 1] += ` / ${r.text}`;
    else out.push(r.text);
    last = r.block;
  }
  return out;
}

/** Distinct examples from as many different pages as possible, shortened. */
function pickExamples(examples: Array<{ page: number; text: string }>, count: number): string[] {
  const out: string[] = [];
  const pagesUsed = new Set<number>();
  for (const e of examples) {
    if (out.length >= count) break;
    const text = shorten(e.text, EXAMPLE_CHARS);
    if (pagesUsed.has(e.page) || out.includes(text)) continue;
    pagesUsed.add(e.page);
    out.push(text);
  }
  for (const e of examples) {
    if (out.length >= count) break;
    const text = shorten(e.text, EXAMPLE_CHARS);
    if (!out.includes(text)) out.push(text);
  }
  return out;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
