/**
 * Plain text -> hast, so that text documents go through the same engine as HTML.
 *
 * Plain-text inputs are usually copies of rendered pages: one line per block, blank lines between
 * groups. The tree keeps exactly that shape:
 *
 * - every blank-line-separated group becomes a `div` (the group a caption and its alt text share);
 * - every non-empty line in it becomes its own `p`, so each line can be removed on its own;
 * - bullet lines ("•", "-", "*" followed by a space) become `li` items of a `ul` in that group.
 *
 * Every line element carries a `position`, so removals can be reported as `line:column`.
 */
import type { Element, ElementContent, Root } from 'hast';

/** A bullet: optional indent, one bullet character, then at least one space. */
const BULLET = /^(\s*)([•◦▪‣*-])\s+/;

interface Line {
  text: string;
  line: number;
  column: number;
  offset: number;
  bullet: boolean;
}

export function textToHast(source: string): Root {
  const root: Root = { type: 'root', children: [] };
  let group: Line[] = [];
  let offset = 0;
  let lineNo = 0;
  const flush = () => {
    if (group.length > 0) root.children.push(groupElement(group));
    group = [];
  };
  for (const raw of source.split(/\r\n|\n|\r/)) {
    lineNo++;
    const lineOffset = offset;
    offset += raw.length + 1;
    if (raw.trim() === '') {
      flush();
      continue;
    }
    const bullet = BULLET.exec(raw);
    const start = bullet ? bullet[0].length : raw.length - raw.trimStart().length;
    group.push({
      text: raw.slice(start).trimEnd(),
      line: lineNo,
      column: start + 1,
      offset: lineOffset + start,
      bullet: bullet !== null,
    });
  }
  flush();
  return root;
}

function groupElement(lines: Line[]): Element {
  const children: ElementContent[] = [];
  let list: Element | undefined;
  for (const line of lines) {
    if (line.bullet) {
      if (!list) {
        list = element('ul', []);
        children.push(list);
      }
      list.children.push(lineElement('li', line));
    } else {
      list = undefined;
      children.push(lineElement('p', line));
    }
  }
  return element('div', children);
}

function lineElement(tagName: string, line: Line): Element {
  const node = element(tagName, [{ type: 'text', value: line.text }]);
  node.position = {
    start: { line: line.line, column: line.column, offset: line.offset },
    end: { line: line.line, column: line.column + line.text.length, offset: line.offset + line.text.length },
  };
  return node;
}

function element(tagName: string, children: ElementContent[]): Element {
  return { type: 'element', tagName, properties: {}, children };
}
