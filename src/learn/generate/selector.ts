/**
 * Recurring DOM subtrees -> `selector` rules (HTML only). Every element with an id or a class
 * gives signatures (`div#sidebar`, `ul.related-links`); a signature found on enough pages whose
 * text is template (recurring on other pages, or links) is vouched for. With gold, any recurring
 * signature is tried and its precision decides (comment threads, author boxes).
 */
import type { Element, Root, Text } from 'hast';
import { SKIP_TAGS } from '../../kernel/engine/blocks.js';
import { countWords, tokens } from '../../kernel/text/words.js';
import type { Candidate, LearnContext } from '../candidate.js';
import { recurs } from '../candidate.js';
import { IDENT, isNamingClass, isStableName } from '../stable-names.js';

/** Elements that hold the whole page: never a selector. */
const PAGE_TAGS = new Set(['html', 'body', 'main']);
/** A block is link text when at least half its words are inside links. */
const LINK_SHARE = 0.5;
/** Drop a signature that adds less than this share of new words to those already taken. */
const MIN_NEW_SHARE = 0.25;

interface Occurrence {
  words: number;
  prose: number;
  texts: Text[];
}

interface Signature {
  selector: string;
  pages: Map<number, Occurrence>;
}

export function selectorCandidates(context: LearnContext): Candidate[] {
  if (context.pages.some((p) => p.type !== 'html')) return [];
  const signatures = new Map<string, Signature>();
  const proseTotals: number[] = [];
  context.pages.forEach((page, p) => {
    const flags = classify(context, p);
    proseTotals.push([...flags.values()].reduce((n, f) => n + f.prose, 0));
    collect(page.tree, flags, (selector, occurrence) => {
      let sig = signatures.get(selector);
      if (!sig) signatures.set(selector, (sig = { selector, pages: new Map() }));
      if (!sig.pages.has(p)) sig.pages.set(p, occurrence);
      else {
        const had = sig.pages.get(p)!;
        had.words += occurrence.words;
        had.prose += occurrence.prose;
        had.texts.push(...occurrence.texts);
      }
    });
  });

  const kept: Array<{ sig: Signature; vouched: boolean; words: number }> = [];
  for (const sig of signatures.values()) {
    const present = [...sig.pages].filter(([, o]) => o.words > 0);
    if (present.length < context.required) continue;
    const words = present.reduce((n, [, o]) => n + o.words, 0);
    const prose = present.reduce((n, [, o]) => n + o.prose, 0);
    const vouched = prose <= context.options.maxUniqueShare * words
      && present.every(([p, o]) => o.prose <= context.options.maxContentShare * proseTotals[p]);
    if (!vouched) {
      if (!context.withGold) continue;
      // Screen with gold now: evaluating every signature through the engine would cost too much.
      let lost = 0;
      for (const [p, o] of present) lost += context.pages[p].ledger?.cost(o.texts.flatMap((t) => tokens(t.value))) ?? 0;
      if (1 - lost / words < context.options.minPrecision) continue;
    }
    kept.push({ sig, vouched, words });
  }

  // Outer signatures first; an inner one that adds little to what outer ones take is dropped.
  kept.sort((a, b) => b.words - a.words || a.sig.selector.localeCompare(b.sig.selector));
  const taken = new Set<Text>();
  const out: Candidate[] = [];
  for (const { sig, vouched, words } of kept) {
    let fresh = 0;
    for (const o of sig.pages.values()) for (const t of o.texts) if (!taken.has(t)) fresh += countWords(t.value);
    if (fresh < MIN_NEW_SHARE * words) continue;
    for (const o of sig.pages.values()) for (const t of o.texts) taken.add(t);
    out.push({
      id: sig.selector.replace(/^[a-z0-9]+[#.]/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'element',
      description: vouched
        ? `\`${sig.selector}\` on ${sig.pages.size} pages: its text recurs on other pages or is links.`
        : `\`${sig.selector}\` on ${sig.pages.size} pages: none of its text is in the gold.`,
      rule: { selector: sig.selector },
      source: 'selector',
      vouched,
    });
  }
  return out;
}

interface Flags {
  words: number;
  prose: number;
}

/** Per kept text node: its words, and whether they are prose of this page alone. */
function classify(context: LearnContext, p: number): Map<Text, Flags> {
  const page = context.pages[p];
  const out = new Map<Text, Flags>();
  for (const b of page.blocks) {
    if (b.kept === undefined) continue;
    const prose = !recurs(context, b) && b.linkWords < LINK_SHARE * b.words;
    for (const t of b.block.texts) {
      const words = countWords(t.value);
      out.set(t, { words, prose: prose ? words : 0 });
    }
  }
  return out;
}

/** Visit every element with an id or class; report each signature's outermost occurrences. */
function collect(tree: Root, flags: Map<Text, Flags>, report: (selector: string, o: Occurrence) => void): void {
  const texts: Text[] = [];
  const open = new Map<string, number>();
  type Frame = { node: Root | Element; next: number; start: number; own: string[] };
  const stack: Frame[] = [{ node: tree, next: 0, start: 0, own: [] }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next >= frame.node.children.length) {
      stack.pop();
      if (frame.own.length > 0) {
        const inside = texts.slice(frame.start);
        let words = 0;
        let prose = 0;
        for (const t of inside) {
          const f = flags.get(t);
          if (f) {
            words += f.words;
            prose += f.prose;
          }
        }
        for (const s of frame.own) {
          const n = open.get(s)! - 1;
          open.set(s, n);
          if (n === 0) report(s, { words, prose, texts: inside.filter((t) => flags.has(t)) });
        }
      }
      continue;
    }
    const child = frame.node.children[frame.next++];
    if (child.type === 'text') {
      texts.push(child);
      continue;
    }
    if (child.type !== 'element' || SKIP_TAGS.has(child.tagName)) continue;
    const own = PAGE_TAGS.has(child.tagName) ? [] : signaturesOf(child);
    for (const s of own) open.set(s, (open.get(s) ?? 0) + 1);
    stack.push({ node: child, next: 0, start: texts.length, own });
  }
}

function signaturesOf(element: Element): string[] {
  const out: string[] = [];
  const id = element.properties?.id;
  if (typeof id === 'string' && IDENT.test(id) && isStableName(id)) out.push(`${element.tagName}#${id}`);
  const classes = element.properties?.className;
  if (Array.isArray(classes)) for (const c of classes) if (typeof c === 'string' && IDENT.test(c) && isNamingClass(c)) out.push(`${element.tagName}.${c}`);
  return [...new Set(out)];
}
