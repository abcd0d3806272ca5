/**
 * Apply an engine result to its tree, for cleaned-HTML output and the unified plugin: claimed
 * elements and whole removed blocks are detached, partly removed blocks lose their text. A
 * claimed element that holds a kept one (`keep`) stays, losing all but what is kept.
 */
import type { Element, ElementContent, Parent, Root } from 'hast';
import { UNCLAIMED, type EngineResult } from './run.js';

export function applyRemovals(tree: Root, result: EngineResult): Root {
  // A removal's reason is worked out when first read, and may look at the tree: read them now,
  // before the tree changes.
  for (const removal of result.removals) void removal.detail;
  const detach = new Map<Parent, Set<ElementContent | Element>>();
  const mark = (parent: Parent | undefined, node: ElementContent | Element) => {
    if (!parent) return;
    let set = detach.get(parent);
    if (!set) detach.set(parent, (set = new Set()));
    set.add(node);
  };
  const { kept, holding } = keptElements(result);
  for (const { element, parent } of result.view.claimed) {
    if (holding.has(element)) prune(element, kept, holding, mark);
    else mark(parent, element);
  }
  for (const block of result.view.blocks) {
    const text = result.kept[block.index];
    if (text === block.text) continue;
    if (text === undefined && block.whole && block.container.type === 'element' && !holding.has(block.container)) {
      mark(block.group, block.container);
      continue;
    }
    // Partly removed or stripped: the block's text nodes carry the kept text, if any.
    block.texts.forEach((node, i) => {
      node.value = i === 0 && text !== undefined ? text : '';
    });
  }
  for (const [parent, nodes] of detach) {
    parent.children = parent.children.filter((child) => !nodes.has(child as ElementContent)) as typeof parent.children;
  }
  return tree;
}

/** The elements keep rules kept, and those around them (the kept ones among them): none is detached whole. */
function keptElements(result: EngineResult): { kept: Set<unknown>; holding: Set<unknown> } {
  const kept = new Set<unknown>();
  const holding = new Set<unknown>();
  const { page } = result.view;
  result.claims.forEach((claim, at) => {
    if (claim >= UNCLAIMED) return;
    kept.add(page.nodes[at]);
    for (let up = at; up > 0 && !holding.has(page.nodes[up]); up = page.parent[up]) holding.add(page.nodes[up]);
  });
  return { kept, holding };
}

/** A removed element that holds kept ones: everything in it goes but them (and the elements on the way to them). */
function prune(element: Element, kept: ReadonlySet<unknown>, holding: ReadonlySet<unknown>, mark: (parent: Parent, node: ElementContent) => void): void {
  for (const child of element.children) {
    if (kept.has(child)) continue;
    if (child.type === 'element' && holding.has(child)) prune(child, kept, holding, mark);
    else mark(element, child);
  }
}
