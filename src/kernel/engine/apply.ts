/**
 * Apply an engine result to its tree, for cleaned-HTML output and the unified plugin: claimed
 * elements and whole removed blocks are detached, partly removed blocks lose their text. A
 * claimed element that holds a kept one (`keep`) stays, losing all but what is kept.
 */
import type { Element, ElementContent, Parent, Root } from 'hast';
import type { EngineResult } from './run.js';

export function applyRemovals(tree: Root, result: EngineResult): Root {
  // A removal's reason is worked out when first read, and may look at the tree: read them now,
  // before the tree changes.
  for (const removal of result.removals) void removal.detail;
  const detach = new Map<Parent, Set<ElementContent | Element>>();
  const mark = (parent: Parent | undefined, node: Element) => {
    if (!parent) return;
    let set = detach.get(parent);
    if (!set) detach.set(parent, (set = new Set()));
    set.add(node);
  };
  const holding = holdersOfKept(result);
  for (const { element, parent } of result.view.claimed) if (!holding.has(element)) mark(parent, element);
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

/** The elements a kept block sits in (its container and every ancestor): none is detached whole. */
function holdersOfKept(result: EngineResult): Set<unknown> {
  const holding = new Set<unknown>();
  const { page, blocks } = result.view;
  for (const block of blocks) {
    if (block.keptBy === undefined) continue;
    for (let at = block.at; at > 0 && !holding.has(page.nodes[at]); at = page.parent[at]) holding.add(page.nodes[at]);
  }
  return holding;
}
