/**
 * The block view of a hast tree: every run of text a reader sees as one paragraph.
 *
 * Block rules (text, pattern, caption, ...) decide on blocks; selector rules claim elements and
 * with them every block inside. The walk is iterative (an explicit stack), so a 10,000-deep tree
 * cannot overflow the call stack, and each block's text is computed exactly once.
 */
import type { Element, Parent, Root, Text } from 'hast';
import type { Position } from 'unist';
import { collapseWhitespace, hasNonSpace } from './words.js';

/** Elements whose content starts and ends a block (CSS `display: block`-like in browsers). */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details',
  'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main',
  'menu', 'nav', 'ol', 'option', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Elements whose content is never shown as text (scripts, styles, embedded documents, head). */
export const SKIP_TAGS = new Set([
  'head', 'script', 'style', 'template', 'noscript', 'svg', 'math', 'iframe', 'object', 'embed',
  'canvas', 'select', 'textarea', 'audio', 'video',
]);

/**
 * A node's place in the tree as a linked list (child index, then the parent's link), so that
 * recording it costs O(1) per element even in very deep trees.
 */
export interface PathLink {
  index: number;
  up: PathLink | undefined;
}

/** Child indices from the root down to the node a link names. */
export function pathIndices(link: PathLink | undefined): number[] {
  const out: number[] = [];
  for (let at = link; at; at = at.up) out.push(at.index);
  return out.reverse();
}

export interface Block {
  /** Position in document order, from 0. */
  index: number;
  /** Collapsed text of the block as the reader sees it. */
  text: string;
  /** The block-level element holding this block. */
  container: Element | Root;
  /** The container's parent: blocks of containers with the same parent form one group. */
  group: Parent | undefined;
  /** True when the block is the whole content of its container (removing it removes the container). */
  whole: boolean;
  /** The text nodes the block was read from. */
  texts: Text[];
  /** Those of `texts` inside a link (`a` with `href`); undefined when there are none. */
  linked: Text[] | undefined;
  /** Where the container sits: its child index and its parent's link (see `pathIndices`). */
  path: PathLink | undefined;
  /** Where the block starts in the source, when the parser recorded it. */
  position?: Position;
  /** Index of the selector rule that claimed an ancestor element, if any. */
  claimedBy?: number;
}

/** An element claimed by a selector rule, with its parent so that the engine can detach it. */
export interface ClaimedElement {
  element: Element;
  parent: Parent;
  rule: number;
}

export interface BlockView {
  blocks: Block[];
  /** The outermost claimed elements, in document order. */
  claimed: ClaimedElement[];
  /** The text of the first `<title>`, if the document has one. */
  title?: string;
}

interface Container {
  node: Element | Root;
  parent: Parent | undefined;
  path: PathLink | undefined;
  claim: number | undefined;
  /** The text of the current run, as read so far. */
  text: string;
  texts: Text[];
  linked: Text[] | undefined;
  /** Whether `text` holds anything but whitespace (else the run makes no block). */
  content: boolean;
  /** The container's first block, and how many it has. */
  firstRun: Block | undefined;
  runs: number;
  hadBlockChild: boolean;
}

/**
 * Read the blocks of `tree`. `claims` maps elements to the index of the selector rule that
 * matched them; the outermost claim wins for everything inside it.
 */
export function readBlocks(tree: Root, claims?: ReadonlyMap<Element, number>): BlockView {
  const blocks: Block[] = [];
  const claimed: ClaimedElement[] = [];
  let title: string | undefined;

  const flush = (c: Container) => {
    if (c.texts.length === 0) return;
    if (!c.content) {
      // Whitespace between elements: no block, and nothing to collapse (nor anything handed on,
      // so the arrays are reused).
      c.text = '';
      c.texts.length = 0;
      c.linked = undefined;
      return;
    }
    c.content = false;
    const text = collapseWhitespace(c.text);
    if (text !== '') {
      const block: Block = {
        index: blocks.length,
        text,
        container: c.node,
        group: c.parent,
        whole: false,
        texts: c.texts,
        linked: c.linked,
        path: c.path,
        position: c.node.type === 'element' && c.node.position ? c.node.position : c.texts[0]?.position,
        claimedBy: c.claim,
      };
      blocks.push(block);
      if (c.runs++ === 0) c.firstRun = block;
      c.texts = [];
    } else {
      c.texts.length = 0;
    }
    c.text = '';
    c.linked = undefined;
  };
  const open = (node: Element | Root, parent: Parent | undefined, path: PathLink | undefined, claim: number | undefined): Container => ({
    node, parent, path, claim, text: '', texts: [], linked: undefined, content: false, firstRun: undefined, runs: 0, hadBlockChild: false,
  });
  const close = (c: Container) => {
    flush(c);
    if (c.runs === 1 && !c.hadBlockChild) c.firstRun!.whole = true;
  };

  // The walk's stack as parallel arrays, so that stepping into an element allocates nothing:
  // the node, its next child, the container its text goes to, the container to close when it is
  // left (a block element's own), whether it is inside a link, its index in its parent, and its
  // path link (`null` until a container below needs it, `undefined` for the root).
  const rootContainer = open(tree, undefined, undefined, undefined);
  const stack: Parent[] = [tree];
  const stackNext: number[] = [0];
  const stackContainer: Container[] = [rootContainer];
  const stackCloses: Array<Container | undefined> = [rootContainer];
  const stackInLink: boolean[] = [false];
  const stackIndex: number[] = [0];
  const stackPath: Array<PathLink | undefined | null> = [undefined];
  /** The path link of the node at stack depth `depth`, made (with its missing ancestors) on demand. */
  const pathAt = (depth: number): PathLink | undefined => {
    let from = depth;
    while (stackPath[from] === null) from--;
    for (let d = from + 1; d <= depth; d++) stackPath[d] = { index: stackIndex[d], up: stackPath[d - 1] as PathLink | undefined };
    return stackPath[depth] as PathLink | undefined;
  };
  while (stack.length > 0) {
    const top = stack.length - 1;
    const node = stack[top];
    const container = stackContainer[top];
    if (stackNext[top] >= node.children.length) {
      const closes = stackCloses[top];
      stack.pop();
      stackNext.pop();
      stackContainer.pop();
      stackCloses.pop();
      stackInLink.pop();
      stackIndex.pop();
      stackPath.pop();
      if (closes) close(closes);
      continue;
    }
    const childIndex = stackNext[top]++;
    const child = node.children[childIndex];
    if (child.type === 'text') {
      container.text += child.value;
      container.texts.push(child);
      if (stackInLink[top]) (container.linked ??= []).push(child);
      if (!container.content && hasNonSpace(child.value)) container.content = true;
      continue;
    }
    if (child.type !== 'element') continue;
    const tag = child.tagName;
    if (tag === 'head' && title === undefined) title = titleOf(child);
    if (SKIP_TAGS.has(tag)) continue;
    if (tag === 'br') {
      flush(container);
      continue;
    }
    let claim = container.claim;
    if (claim === undefined && claims !== undefined) {
      const own = claims.get(child);
      if (own !== undefined) {
        claim = own;
        claimed.push({ element: child, parent: node, rule: own });
      }
    }
    stack.push(child);
    stackNext.push(0);
    stackInLink.push(stackInLink[top] || (tag === 'a' && child.properties.href !== undefined));
    stackIndex.push(childIndex);
    stackPath.push(null);
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock || claim !== container.claim) {
      // A claimed inline element becomes its own block so that only its text is attributed.
      if (isBlock) {
        flush(container);
        container.hadBlockChild = true;
      }
      const own = open(child, node, pathAt(top + 1), claim);
      stackContainer.push(own);
      stackCloses.push(own);
    } else {
      stackContainer.push(container);
      stackCloses.push(undefined);
    }
  }
  return { blocks, claimed, title };
}

/** The text of a `<title>` directly in `<head>`. */
function titleOf(head: Element): string | undefined {
  for (const child of head.children) {
    if (child.type === 'element' && child.tagName === 'title') {
      const value = child.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
      return collapseWhitespace(value) || undefined;
    }
  }
  return undefined;
}
