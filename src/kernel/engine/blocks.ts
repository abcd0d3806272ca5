/**
 * The block view of a page: every run of text a reader sees as one paragraph.
 *
 * Block rules (text, pattern, caption, ...) decide on blocks; element rules claim elements and
 * with them every block inside. The blocks are read from the page's recorded walk (page.ts), not
 * from the tree, so reading them again for another set of claims (the safety net) costs a pass
 * over flat arrays; each block's text is computed exactly once.
 */
import type { Element, Parent, Root, Text } from 'hast';
import type { Position } from 'unist';
import { BLOCK, BREAK, CLOSE, ENDS_IN_WORD, EVENT_BITS, IN_LINK, NON_SPACE, OPEN, scanPage, SPLITS_PAIR, STARTS_IN_WORD, TEXT, type Page } from './page.js';
import { collapseWhitespace, countWords } from '../text/words.js';

export { SKIP_TAGS } from './page.js';

const EVENT_MASK = (1 << EVENT_BITS) - 1;

/** A run of text as read from the walk: its text (whitespace not yet collapsed) and text nodes. */
interface ReadRun {
  text: string;
  texts: Text[];
  /** Those of `texts` inside a link (`a` with `href`); undefined when there are none. */
  linked: Text[] | undefined;
}

/** Read the texts among the walk's events `first` to `last` (a claimed run's, all of them its own). */
function readEvents(page: Page, first: number, last: number): ReadRun {
  const { events, values, texts, textFlags } = page;
  const run: ReadRun = { text: '', texts: [], linked: undefined };
  for (let e = first; e <= last; e++) {
    const event = events[e];
    if ((event & EVENT_MASK) !== TEXT) continue;
    const k = event >> EVENT_BITS;
    run.text += values[k];
    run.texts.push(texts[k]);
    if ((textFlags[k] & IN_LINK) !== 0) (run.linked ??= []).push(texts[k]);
  }
  return run;
}

/**
 * One block. The text of a block inside a claimed element is read only when asked for: nine
 * blocks in ten of a news page are claimed (navigation, comments, everything outside the main
 * content) and a text output never reads them; their words are counted as they are read, so the
 * engine's accounting needs no text.
 */
export class Block {
  /** True when the block is the whole content of its container (removing it removes the container). */
  whole = false;
  private textRead: string | undefined;
  private textsRead: Text[] | undefined;
  private linkedRead: Text[] | undefined;

  constructor(
    /** The page the block was read from. */
    private readonly page: Page,
    /** Position in reading order, from 0. */
    readonly index: number,
    /** Words of `text` (as `countWords(text)`). */
    readonly words: number,
    /**
     * Words of the block's text nodes each counted on its own (a word split across two of them,
     * "foo<b>bar</b>", counts twice), and of those inside links: link density compares the two.
     */
    readonly nodeWords: number,
    readonly linkWords: number,
    /** The container's position in the page (`Page.nodes`). */
    readonly at: number,
    /** Where the block starts in the source, when the parser recorded it. */
    readonly position: Position | undefined,
    /** Index of the element rule that claimed the container or an ancestor, if any. */
    readonly claimedBy: number | undefined,
    /** Index of the rule that keeps the container or an ancestor whole (`keep`): no rule removes the block. */
    readonly keptBy: number | undefined,
    /** The walk's events of the block's first and last text (to read it from, when not `read`). */
    private readonly firstEvent: number,
    private readonly lastEvent: number,
    /** The block's text (collapsed) and text nodes, when they were read with it. */
    read?: ReadRun,
  ) {
    if (read !== undefined) this.keep(read);
  }

  /** Collapsed text of the block as the reader sees it. */
  get text(): string {
    this.readIfDeferred();
    return this.textRead!;
  }

  /** The text nodes the block was read from. */
  get texts(): Text[] {
    this.readIfDeferred();
    return this.textsRead!;
  }

  /** Those of `texts` inside a link (`a` with `href`); undefined when there are none. */
  get linked(): Text[] | undefined {
    this.readIfDeferred();
    return this.linkedRead;
  }

  /** The block-level element holding this block. */
  get container(): Element | Root {
    return this.page.nodes[this.at];
  }

  /** Tag name of the container (empty for the root). */
  get tag(): string {
    const container = this.page.nodes[this.at];
    return container.type === 'element' ? container.tagName : '';
  }

  /** The container's parent: blocks of containers with the same parent form one group. */
  get group(): Parent | undefined {
    return this.at === 0 ? undefined : this.page.nodes[this.page.parent[this.at]];
  }

  /** Read the block's text from the walk the first time it is asked for (`keep` sets all three at once). */
  private readIfDeferred(): void {
    if (this.textsRead === undefined) this.keep(readEvents(this.page, this.firstEvent, this.lastEvent));
  }

  private keep(read: ReadRun): void {
    this.textRead = collapseWhitespace(read.text);
    this.textsRead = read.texts;
    this.linkedRead = read.linked;
  }
}

/** An element claimed by an element rule, with its parent so that the engine can detach it. */
export interface ClaimedElement {
  element: Element;
  parent: Parent;
  rule: number;
}

export interface BlockView {
  /** The page the blocks were read from. */
  page: Page;
  blocks: Block[];
  /** The outermost claimed elements, in document order. */
  claimed: ClaimedElement[];
  /** The text of the first `<title>`, if the document has one. */
  title?: string;
}

/** No claim (in `claimAt` and on a container). */
export const UNCLAIMED = -1;

/**
 * A `keep` rule's claim, in `claimAt` and on a container: kept whole, whatever claims an
 * ancestor or anything inside. Rule `index` keeps as `-2 - index`, so every claim below
 * `UNCLAIMED` is a keep and every one from 0 up a removal.
 */
export function keepClaim(index: number): number {
  return -2 - index;
}

/** The index of the rule a keep claim names; undefined for a removal's claim or none. */
export function keeper(claim: number): number | undefined {
  return claim < UNCLAIMED ? -2 - claim : undefined;
}

/**
 * A container being read: the element whose text the current run belongs to. As a `ReadRun`, the
 * text and text nodes of the current run so far (for an unclaimed container: a claimed one's
 * blocks are read when asked for, from `firstEvent` to `lastEvent`).
 */
interface Container extends ReadRun {
  /** Its position in the page. */
  at: number;
  claim: number;
  /** The walk's events of the run's first and last text (`firstEvent` is -1 while it has none). */
  firstEvent: number;
  lastEvent: number;
  /** Whether the run holds anything but whitespace (else it makes no block). */
  content: boolean;
  /** Words of the run so far (see `Block`), and whether it ends inside a word. */
  words: number;
  nodeWords: number;
  linkWords: number;
  inWord: boolean;
  /** Two texts of the run may join into one character (a split surrogate pair): count its words afresh. */
  recount: boolean;
  /** The container's first block, and how many it has. */
  firstRun: Block | undefined;
  runs: number;
  hadBlockChild: boolean;
}

/**
 * Read the blocks of `tree`. `claims` maps elements to the index of the element rule that
 * matched them (`keepClaim(index)` for a keep rule); the outermost claim wins for everything
 * inside it, but for kept elements.
 */
export function readBlocks(tree: Root, claims?: ReadonlyMap<Element, number>): BlockView {
  const page = scanPage(tree);
  let claimAt: Int32Array | undefined;
  if (claims !== undefined && claims.size > 0) {
    claimAt = new Int32Array(page.nodes.length).fill(UNCLAIMED);
    page.nodes.forEach((node, i) => {
      const rule = claims.get(node as Element);
      if (rule !== undefined) claimAt![i] = rule;
    });
  }
  return readPageBlocks(page, claimAt);
}

/**
 * Read the blocks of a page. `claimAt` holds, per position, the index of the element rule that
 * claimed the element itself, `keepClaim(index)` for a keep rule's, or `UNCLAIMED` for none.
 *
 * A block element opens a container of its own; so does the outermost claimed element, block or
 * not, so that a claimed inline element's text is a block of its own and is attributed to its
 * rule alone; so does a kept element, whatever claims an element around it, and the run it
 * interrupts ends before it (its blocks stay in reading order, and are read as unclaimed text).
 * A `<br>` ends the run being read. Within a claimed element the claim changes only at a kept
 * element, so a claimed run's texts are all the text events from its first to its last, and its
 * block keeps those two events and reads its text when asked for, unless its words must be
 * counted afresh.
 */
export function readPageBlocks(page: Page, claimAt?: Int32Array): BlockView {
  const { nodes, parent, role, positions, texts, values, textWords, textFlags, events } = page;
  const blocks: Block[] = [];
  const claimed: ClaimedElement[] = [];

  /** Start a new run in `c` (its text array is empty, or handed on to a block already). */
  const startRun = (c: Container) => {
    c.text = '';
    c.linked = undefined;
    c.firstEvent = -1;
    c.content = false;
    c.words = 0;
    c.nodeWords = 0;
    c.linkWords = 0;
    c.inWord = false;
    c.recount = false;
  };
  const flush = (c: Container) => {
    if (c.firstEvent === -1) return;
    // Whitespace between elements makes no block and has nothing to collapse.
    if (c.content) {
      const position = (c.at !== 0 ? positions[c.at] : undefined) ?? texts[events[c.firstEvent] >> EVENT_BITS].position;
      const claim = c.claim < 0 ? undefined : c.claim;
      // A claimed run is read now only when its words must be counted from its text.
      const read = claim === undefined ? c : c.recount ? readEvents(page, c.firstEvent, c.lastEvent) : undefined;
      // (`read` is there whenever the words are recounted: a split surrogate pair is rare.)
      const words = c.recount ? countWords(collapseWhitespace(read!.text)) : c.words;
      const block = new Block(page, blocks.length, words, c.nodeWords, c.linkWords, c.at, position, claim, keeper(c.claim), c.firstEvent, c.lastEvent, read);
      blocks.push(block);
      if (c.runs++ === 0) c.firstRun = block;
      if (read === c) c.texts = [];
    } else {
      // Nothing handed on: the array is reused.
      c.texts.length = 0;
    }
    startRun(c);
  };
  const close = (c: Container) => {
    flush(c);
    if (c.runs === 1 && !c.hadBlockChild) c.firstRun!.whole = true;
  };

  // Open containers, innermost last. Records are reused from element to element; only a run's
  // text array is handed on (to its block).
  const open: Container[] = [];
  let depth = 0;
  const enter = (at: number, claim: number): Container => {
    let c = open[depth];
    if (c === undefined) {
      c = {
        at, claim, text: '', texts: [], linked: undefined, firstEvent: -1, lastEvent: -1, content: false, words: 0, nodeWords: 0, linkWords: 0, inWord: false, recount: false,
        firstRun: undefined, runs: 0, hadBlockChild: false,
      };
      open[depth] = c;
    } else {
      c.at = at;
      c.claim = claim;
      // A closed container's text array is always empty and its own (see `flush`).
      startRun(c);
      c.firstRun = undefined;
      c.runs = 0;
      c.hadBlockChild = false;
    }
    depth++;
    return c;
  };
  let current = enter(0, UNCLAIMED);

  for (let e = 0; e < events.length; e++) {
    const event = events[e];
    const at = event >> EVENT_BITS;
    const type = event & EVENT_MASK;
    if (type === OPEN) {
      const kind = role[at];
      if (kind === BREAK) {
        flush(current);
        continue;
      }
      let claim = current.claim;
      // A kept element is read whatever claims an ancestor; no removal claims anything inside it.
      if (claimAt !== undefined && claimAt[at] < UNCLAIMED) claim = claimAt[at];
      else if (claim === UNCLAIMED && claimAt !== undefined && claimAt[at] !== UNCLAIMED) {
        claim = claimAt[at];
        claimed.push({ element: nodes[at] as Element, parent: nodes[parent[at]], rule: claim });
      }
      if (kind === BLOCK || claim !== current.claim) {
        // A claimed inline element becomes its own container so that only its text is attributed.
        if (kind === BLOCK) {
          flush(current);
          current.hadBlockChild = true;
        } else if (current.claim >= 0 || claim < UNCLAIMED) {
          // A kept inline element is a block of its own, in its place: the run ends before it
          // (a claimed block's text, read from its first to its last event, leaves it out).
          flush(current);
        }
        current = enter(at, claim);
      }
    } else if (type === CLOSE) {
      if (current.at === at) {
        close(current);
        depth--;
        current = open[depth - 1];
      }
    } else {
      const flags = textFlags[at];
      const words = textWords[at];
      if (current.firstEvent === -1) current.firstEvent = e;
      current.lastEvent = e;
      if (current.claim < 0) {
        current.text += values[at];
        current.texts.push(texts[at]);
        if ((flags & IN_LINK) !== 0) (current.linked ??= []).push(texts[at]);
      }
      current.nodeWords += words;
      if ((flags & IN_LINK) !== 0) current.linkWords += words;
      if (values[at] === '') continue;
      // Words add up, but for one split across two texts ("foo<b>bar</b>" is one word).
      current.words += current.inWord && (flags & STARTS_IN_WORD) !== 0 ? words - 1 : words;
      current.inWord = (flags & ENDS_IN_WORD) !== 0;
      if ((flags & SPLITS_PAIR) !== 0) current.recount = true;
      if ((flags & NON_SPACE) !== 0) current.content = true;
    }
  }
  close(current);
  return { page, blocks, claimed, ...(page.title !== undefined ? { title: page.title } : {}) };
}
