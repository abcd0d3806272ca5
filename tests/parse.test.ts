/**
 * The two HTML parsers: the fast builder must build the tree parse5 (the reference, as
 * rehype-parse) builds, on real pages and on broken markup; both must survive absurd nesting.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { clean } from '../src/kernel/clean.js';
import { readBlocks } from '../src/kernel/engine/blocks.js';
import { MAX_DEPTH, fastHtmlToHast, htmlToHast } from '../src/kernel/parse/index.js';
import { treeShape } from './shape.js';
import { ROOT, RULES, rulesFrom, run, writeTree } from './helpers.js';
import { loadRules } from '../src/io/rules.js';

function maxDepth(tree: Root): number {
  let deepest = 0;
  const pending: Array<[Root | Element, number]> = [[tree, 0]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop()!;
    deepest = Math.max(deepest, depth);
    for (const child of node.children) if (child.type === 'element') pending.push([child, depth + 1]);
  }
  return deepest;
}

const blockTexts = (tree: Root) => readBlocks(tree).blocks.map((b) => b.text);

const SAMPLE = join(ROOT, 'tests', 'fixtures', 'dragnet-sample', 'html');
const PAGES = join(ROOT, 'tests', 'fixtures', 'parser-pages');
const pages = [
  ...readdirSync(SAMPLE).filter((f) => f.endsWith('.html')).map((f) => join(SAMPLE, f)),
  ...readdirSync(PAGES).filter((f) => f.endsWith('.html')).map((f) => join(PAGES, f)),
];

describe('the reference parser', () => {
  test('builds exactly the tree rehype-parse builds', () => {
    const rehype = unified().use(rehypeParse);
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      expect(htmlToHast(html)).toEqual(rehype.parse(html));
    }
  });
});

describe('the fast parser on real pages', () => {
  test.each(pages.map((p) => [p.slice(ROOT.length + 1), p]))('%s: same tree and blocks as parse5', (_name, file) => {
    const html = readFileSync(file, 'utf8');
    const fast = fastHtmlToHast(html);
    const reference = htmlToHast(html);
    expect(blockTexts(fast)).toEqual(blockTexts(reference));
    expect(treeShape(fast)).toEqual(treeShape(reference));
  });

  test('records source lines of blocks as parse5 does', () => {
    const html = readFileSync(join(PAGES, 'R48.html'), 'utf8');
    const lines = (tree: Root) => readBlocks(tree).blocks.map((b) => b.position?.start.line);
    expect(lines(fastHtmlToHast(html))).toEqual(lines(htmlToHast(html)));
  });
});

/** Broken markup browsers repair in ways that move text between blocks. */
const MALFORMED: Record<string, string> = {
  'unclosed p': '<p>one<p>two<div>three</div>four',
  'unclosed li and dd': '<ul><li>a<li>b<ul><li>c</ul><li>d</ul><dl><dt>t<dd>d1<dd>d2</dl>',
  'stray end tags': '<div>a</span>b</p>c</div></div>d</br>e</ br>f',
  'table soup': '<table>lost text<tr><td>a<td>b<div>stray<tr><th>c</table><table><td>x</td><p>fostered</p></table>',
  'table in p': '<!doctype html><p>intro<table><tr><td>cell</table>after</p>',
  'table in p, quirks': '<p>intro<table><tr><td>cell</table>after</p>',
  'entities': '<p>Fish &amp; chips &copy 2024 &notanentity; &#8220;quoted&#x201D; &nbsp;x&lt;y</p><a title="a &amp; b &quot;c&quot;">t</a>',
  'script with markup inside': '<div>before<script>var s = "</div><p>not a paragraph</p>";</script>after</div>',
  'escaped script': '<div><script><!--\ndocument.write("<script src=x></script>");\n//--></script>kept</div>',
  'comments and CDATA': '<div>a<!-- hidden <p>x</p> -->b<![CDATA[ bogus ]]>c<svg><![CDATA[in svg]]></svg></div>',
  'byte-order mark': '\ufeff<!doctype html><title>T</title><p>text',
  'misnested formatting': '<p><b>bold<i>both</b>italic</i></p><b>1<p>2</b>3</p><a href=x><div>link block</a>tail</div>',
  'formatting reopened': '<p><em>one<p>two</em><p>three',
  'a inside a': '<a href=1>one<a href=2>two</a>',
  'head content after head': '<html><head><title>T</title></head><meta name=x content=y><script>s</script><body><p>b</body></html><!--end-->',
  'text before body': 'loose text<title>late title</title><p>para',
  'select swallows tags': '<select><option>a<option>b<div>ignored</div></select><p>after',
  'textarea and title': '<title>A &amp; B</title><textarea>\nx &lt; y <b>raw</b></textarea><p>p',
  'raw text elements': '<iframe><p>fallback</p></iframe><noembed><p>n</p></noembed><xmp><b>x</b></xmp><p>end',
  'noscript is markup (scripting off)': '<p>a<noscript><div>b</div></noscript>c</p>',
  'svg and math': '<p>x<svg viewBox="0 0 1 1"><path d="M0"/><circle r=1 /><desc><b>d</b></desc></svg><math><mi>y</mi></math><div>z</div>',
  'headings and forms': '<h1>a<h2>b</h2></h1><form><div>in form</form>still in div</div><form><form>nested</form>',
  'pre newline': '<pre>\nline one\nline two</pre><listing>\nl</listing>',
  'attributes': '<div class=" a  b " id=x data-foo-bar="1" hidden tabindex="2" aria-label="L" style="color:red" CLASS="dup">t</div><input type=checkbox checked disabled>',
  'template': '<template><p>inside</p></template><p>outside</p>',
  'carriage returns': '<p>a\r\nb\rc</p><!--x\r\ny-->',
  'empty document': '',
  'after html': '<p>x</p></body></html>\n<!--c-->\n<div>late</div>',
  'buttons and nobr': '<button>a<button>b</button><nobr>1<nobr>2</nobr>',
  'end tag with a quoted >': '<div><a href=x>t</a x="></a></div>">u</div>v',
  'colgroup': '<table><colgroup><col><col></colgroup><col><tr><td>x</table>',
};

describe('the fast parser on broken markup', () => {
  test.each(Object.entries(MALFORMED))('%s', (_name, html) => {
    const fast = fastHtmlToHast(html);
    const reference = htmlToHast(html);
    expect(treeShape(fast)).toEqual(treeShape(reference));
    expect(blockTexts(fast)).toEqual(blockTexts(reference));
  });

  test('a script holding "</div>" keeps it out of the text', () => {
    const { text } = clean({ content: MALFORMED['script with markup inside'], type: 'html' }, { rules: rulesFrom({}) });
    expect(text).toBe('beforeafter\n');
  });
});

describe('class names', () => {
  const classOf = (tree: Root, id: string) => selectAll(`#${id}`, tree)[0].properties.className as string[];

  test('elements with the same class attribute get equal lists they can each change', () => {
    const tree = fastHtmlToHast('<p id=a class="story  lead\tx"></p><p id=b class="story  lead\tx"></p><p id=c class="lead">');
    expect(classOf(tree, 'a')).toEqual(['story', 'lead', 'x']);
    expect(classOf(tree, 'b')).toEqual(['story', 'lead', 'x']);
    classOf(tree, 'a').push('changed');
    expect(classOf(tree, 'b')).toEqual(['story', 'lead', 'x']);
    expect(classOf(tree, 'c')).toEqual(['lead']);
    // A later page with the same value gets its own list too.
    expect(classOf(fastHtmlToHast('<p id=a class="story  lead\tx">'), 'a')).toEqual(['story', 'lead', 'x']);
  });

  test('a class attribute of spaces only makes an empty list, as parse5 does', () => {
    const html = '<p id=a class="  "></p><p id=b class="">';
    expect(classOf(fastHtmlToHast(html), 'a')).toEqual(classOf(htmlToHast(html), 'a'));
    expect(classOf(fastHtmlToHast(html), 'b')).toEqual(classOf(htmlToHast(html), 'b'));
  });
});

describe('deep nesting', () => {
  const rules = loadRules(RULES);
  const deep = (depth: number) =>
    `<!doctype html><title>deep</title>${'<div>'.repeat(depth)}<p>deep text</p><span>more</span>${'</div>'.repeat(depth)}<p>after</p>`;

  test.each(['fast', 'parse5'] as const)('10,000 nested <div>s through %s: depth capped, recursive consumers safe', (parser) => {
    const tree = parser === 'fast' ? fastHtmlToHast(deep(10_000)) : htmlToHast(deep(10_000));
    expect(maxDepth(tree)).toBeLessThanOrEqual(MAX_DEPTH);
    expect(selectAll('p', tree)).toHaveLength(2);
    expect(toHtml(tree)).toContain('deep text');
  });

  // Past the cap, elements are attached at the cap and left empty, so the paragraph's text joins
  // the span's in one block; no text is lost and nothing overflows.
  test.each([
    [10_000, 'fast'],
    [10_000, 'parse5'],
    [100_000, 'fast'],
    [100_000, 'parse5'],
  ] as const)('%i nested <div>s cleaned through %s', (depth, parser) => {
    const result = clean({ content: deep(depth), type: 'html' }, { rules, parser, html: true });
    expect(result.text).toBe('deep textmore\n\nafter\n');
    expect(result.html).toContain('<p>after</p>');
  }, 60_000);
});

describe('choosing the parser', () => {
  // SVG tag names keep their case only in the reference path (a known difference, see bench/PARSERS.md).
  const page = '<html><body><p>Text</p><svg><foreignObject>x</foreignObject></svg></body></html>';

  test('the reference path is unified with rehype-parse: the same tree (SVG names in their case), where the fast one lowers them', () => {
    const reference = unified().use(rehypeParse).parse(page);
    expect(htmlToHast(page)).toEqual(reference);
    expect(selectAll('foreignObject', htmlToHast(page))).toHaveLength(1);
    expect(JSON.stringify(treeShape(fastHtmlToHast(page)))).toContain('foreignobject');
  });

  test('--parser parse5 cleans through the reference path, the default through the fast one, to the same text', async () => {
    const dir = writeTree({ 'page.html': page });
    const reference = await run(['clean', join(dir, 'page.html'), '--parser', 'parse5', '--quiet']);
    const fast = await run(['clean', join(dir, 'page.html'), '--quiet']);
    expect(reference).toMatchObject({ code: 0, stdout: 'Text\n' });
    expect(fast).toMatchObject({ code: 0, stdout: 'Text\n' });
  });

  test('an unknown --parser is a usage error', async () => {
    const dir = writeTree({ 'page.html': page });
    const result = await run(['clean', join(dir, 'page.html'), '--parser', 'lxml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown --parser lxml; expected fast or parse5');
  });
});
