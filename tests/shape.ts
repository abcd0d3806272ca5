/**
 * A hast tree as lines (depth, then the element and its properties, the text or the comment),
 * positions left out, without recursion: what the two HTML parsers are compared on, in the
 * parser tests and in bench/parsers.ts.
 */
import type { Root, RootContent } from 'hast';

export function treeShape(tree: Root): string[] {
  const out: string[] = [];
  const pending: Array<[Root | RootContent, number]> = [[tree, 0]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    if (node.type === 'element' || node.type === 'root') {
      if (node.type === 'element') out.push(`${depth} <${node.tagName} ${JSON.stringify(node.properties)}`);
      const kids = node.type === 'element' && node.content ? [node.content] : node.children;
      for (let i = kids.length - 1; i >= 0; i--) pending.push([kids[i], depth + 1]);
    } else if (node.type === 'text') out.push(`${depth} "${node.value}`);
    else if (node.type === 'comment') out.push(`${depth} <!--${node.value}`);
    else out.push(`${depth} ${node.type}`);
  }
  return out;
}
