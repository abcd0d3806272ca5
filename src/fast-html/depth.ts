/**
 * The nesting cap every HTML parser path applies.
 *
 * Like Blink (Chromium's HTML parser, `kMaximumHTMLParserDOMTreeDepth`), an element or text that
 * would sit deeper than `MAX_DEPTH` levels is attached to the element at depth `MAX_DEPTH - 1`
 * instead, in document order: pathological pages (10,000 nested `<div>`s) come out as a wide tree
 * rather than a deep one. That keeps every recursive consumer of the tree (hast-util-select,
 * hast-util-to-html, hast-util-from-parse5, user plugins) far from the call-stack limit, and
 * loses no text.
 */

/** Deepest level a node may sit at (the root is level 0, `<html>` level 1). 512 as in Blink. */
export const MAX_DEPTH = 512;
