/**
 * HTML -> hast in one pass over htmlparser2's tokenizer, building hast nodes directly (no
 * intermediate DOM), without recursion.
 *
 * The tree is the one a browser builds wherever that decides which text ends up in which block:
 * implied end tags (`p`, `li`, `dt`/`dd`, `option`, table rows and cells, headings), void
 * elements, raw text (`script`, `style`, `title`, `textarea`, `xmp`, `iframe`, `noembed`,
 * `noframes`), `<head>` and `<body>` placement, tables (implied `tbody`/`tr`, misplaced content
 * moved before the table), `select`, SVG and MathML (self-closing tags, breakout tags),
 * `<template>` content, stray end tags (`</p>` makes an empty `p`, `</br>` a `br`, others never
 * close past a block), and a simplified adoption agency for misnested formatting elements (the
 * formatting element is closed, the blocks inside it stay open). Entities are decoded by the
 * tokenizer. Scripting is off, as in rehype-parse: `<noscript>` content is markup.
 *
 * What it does not do (no effect on block text): reopening formatting elements after a block
 * closed them, the quirks of `<frameset>` and `<plaintext>`, SVG tag-name case (`foreignobject`
 * stays lower case). bench/PARSERS.md lists where the text differs from parse5 on a real corpus.
 *
 * Nodes deeper than MAX_DEPTH are attached at the cap (see depth.ts).
 */
import type { Comment, Doctype, Element, Parent, Properties, Root, RootContent, Text } from 'hast';
import { decodeHTML } from 'entities';
import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import type { Point, Position } from 'unist';
import { MAX_DEPTH } from './depth.js';
import {
  BUTTON_SCOPE, CLOSED_IN_SCOPE, CLOSES_P, FOREIGN_BREAKOUT, FORMATTING, HEAD_CONTENT, IMPLIED_END, MARKER_ELEMENTS, NO_RECONSTRUCT, HEADINGS, HTML_INTEGRATION,
  LIST_ITEM_SCOPE, RAW_TEXT, SCOPE, SPECIAL, TABLE_CONTEXT, TABLE_RESTART, TABLE_SCOPE, TABLE_SECTIONS, TABLE_STRUCTURE,
  VOID, isHtmlWhitespace,
} from './html-tags.js';
import { addAttribute } from './properties.js';

/** Where the builder is in the document, as in the HTML insertion modes it needs. */
const enum Mode {
  BeforeHtml,
  BeforeHead,
  InHead,
  InHeadNoscript,
  AfterHead,
  InBody,
}

/** Whether `</body>` or `</html>` was seen since the last content (where comments go). */
const enum AfterBody {
  No,
  Body,
  Html,
}

/** The namespace of an element. */
const enum Space {
  Html,
  Svg,
  Math,
}

/** One open element. */
interface Open {
  node: Element;
  name: string;
  space: Space;
  /** The tree parent the element was inserted into. */
  parent: Parent;
  /** Its own depth (root = 0). */
  depth: number;
  /** Where its content goes: itself, its template content, or, past the depth cap, its parent. */
  into: Parent;
  intoDepth: number;
  /** False once the element has left the stack of open elements. */
  onStack: boolean;
}

/** An entry of the list of active formatting elements: the element and its start tag, to reopen it. */
interface Formatting {
  open: Open;
  names: readonly string[];
  values: readonly string[];
}

/** A scope marker in the list of active formatting elements (cells, captions, templates, objects). */
const MARKER = null;

/** The tokenizer's private fields the builder sets to read raw text it does not know about. */
interface TokenizerInternals {
  isSpecial: boolean;
  currentSequence: Uint8Array;
  index: number;
}

/** A script end tag. */
const SCRIPT_END = /<\/script[\s/>]/gi;
/** What changes state in script data: comment openers and closers, script start and end tags. */
const SCRIPT_DATA_TOKEN = /<!--|-->|<(\/?)script[\s/>]/gi;

/**
 * Where the script data starting at `from` ends (the index of its `</script`), following the
 * HTML tokenizer's escaped and double-escaped script states.
 */
function scriptDataEnd(src: string, from: number): number {
  let state: 'data' | 'escaped' | 'double' = 'data';
  SCRIPT_DATA_TOKEN.lastIndex = from;
  for (let m = SCRIPT_DATA_TOKEN.exec(src); m !== null; m = SCRIPT_DATA_TOKEN.exec(src)) {
    const token = m[0];
    if (token === '<!--') {
      if (state === 'data') state = 'escaped';
    } else if (token === '-->') {
      state = 'data';
    } else if (m[1] === '/') {
      if (state === 'double') state = 'escaped';
      else return m.index;
    } else if (state === 'escaped') {
      state = 'double';
    }
    // `<script` and `-->` can overlap what follows: look again just after the `<` or `-`.
    SCRIPT_DATA_TOKEN.lastIndex = m.index + 1;
  }
  return src.length;
}

/** End-tag sequences (`</iframe`) for raw-text elements the tokenizer does not switch for itself. */
const RAW_TEXT_END: ReadonlyMap<string, Uint8Array> = new Map(
  ['iframe', 'noembed', 'noframes'].map((name) => [name, new Uint8Array([...`</${name}`].map((c) => c.charCodeAt(0)))]),
);

/** Public identifiers of doctypes that put a browser in quirks mode (where `<table>` does not close a `p`). */
const QUIRKY_PUBLIC_ID = /^-\/\/(?:W3O\/\/DTD W3 HTML Strict 3\.0\/\/EN\/\/|W3C\/\/DTD HTML (?:3|4\.0 (?:Transitional|Frameset))|IETF\/\/DTD HTML|Netscape Comm\. Corp\.\/\/DTD|Microsoft\/\/DTD Internet Explorer|SoftQuad|Spyglass|Sun Microsystems Corp\.\/\/DTD HotJava|WebTechs|O'Reilly and Associates|AdvaSoft|AS\/\/DTD HTML|Metrius|Silmaril|SQ\/\/DTD HTML)/i;
const TRANSITIONAL_PUBLIC_ID = /^-\/\/W3C\/\/DTD HTML 4\.01 (?:Transitional|Frameset)\/\//i;

/** `doctype NAME [public "ID"] ["SYSTEM-ID"]`, as the tokenizer reports a declaration. */
const DOCTYPE = /^doctype\s*([^\s>]*)(?:\s+public\s*(["'])(.*?)\2)?(?:\s*(?:system\s*)?(["'])(.*?)\4)?/i;

const EMPTY: readonly string[] = [];

class Builder implements TokenizerCallbacks {
  readonly root: Root = { type: 'root', children: [] };
  tokenizer!: Tokenizer;
  private mode = Mode.BeforeHtml;
  private readonly stack: Open[] = [];
  /** How many open elements have each tag name: most scope checks end here at 0. */
  private readonly openCount = new Map<string, number>();
  /**
   * The list of active formatting elements: formatting elements closed by a block end are
   * reopened before the next text or inline element, as browsers do (`<p><b>a</p>b` puts "b"
   * in a new `<b>`).
   */
  private readonly formatting: Array<Formatting | typeof MARKER> = [];
  private html: Open | undefined;
  private head: Open | undefined;
  private body: Open | undefined;
  private form: Element | undefined;
  private afterBody = AfterBody.No;
  /** No doctype, or an old one: browsers then keep a `p` open around a `<table>`. */
  quirks = true;
  /** `pre`, `listing` or `textarea` whose first newline is dropped, as browsers do. */
  private dropNewlineIn: Element | undefined;

  // The tag being read.
  private tagName = '';
  private tagStart = 0;
  private attrNames: string[] = [];
  private attrValues: string[] = [];
  private attrName = '';
  private attrValue = '';

  /** The next `<!--` at or after the last script start (Infinity when there is none). */
  private nextEscape = -1;

  // Text not yet inserted (runs across entities).
  private text = '';
  private textStart = -1;
  private textEnd = 0;
  /** Where the last tag, comment or declaration ended: text that starts with an entity starts here. */
  private lastEnd = 0;

  // Line and column bookkeeping: offsets are asked for in document order.
  private line = 1;
  private lineStart = 0;
  private nextNewline: number;

  constructor(private readonly src: string, private readonly positions: boolean) {
    this.nextNewline = positions ? this.newlineFrom(0) : Infinity;
  }

  // ---- tokenizer callbacks ----

  onopentagname(start: number, end: number): void {
    this.flushText();
    this.tagName = this.src.slice(start, end).toLowerCase();
    this.tagStart = start - 1;
    if (this.attrNames.length > 0) {
      // New arrays (cheaper than truncating): the previous tag's may be held by a formatting entry.
      this.attrNames = [];
      this.attrValues = [];
    }
  }
  onattribname(start: number, end: number): void {
    this.attrName = this.src.slice(start, end).toLowerCase();
    this.attrValue = '';
  }
  onattribdata(start: number, end: number): void {
    this.attrValue += this.src.slice(start, end);
  }
  onattribentity(codepoint: number): void {
    this.attrValue += String.fromCodePoint(codepoint);
  }
  onattribend(): void {
    this.attrNames.push(this.attrName);
    this.attrValues.push(this.attrValue.includes('\r') ? normalizeNewlines(this.attrValue) : this.attrValue);
  }
  onopentagend(end: number): void {
    const name = this.tagName;
    this.lastEnd = end + 1;
    this.startTag(name, this.attrNames, this.attrValues, false, this.tagStart, end + 1);
    if (name === 'script' && this.top()?.name === 'script') this.skipEscapedScript(end + 1);
    // Raw text the tokenizer does not know: let it read up to the end tag like `<script>`.
    const sequence = RAW_TEXT_END.get(name);
    if (sequence !== undefined && this.top()?.name === name) {
      const internals = this.tokenizer as unknown as TokenizerInternals;
      internals.isSpecial = true;
      internals.currentSequence = sequence;
    }
  }
  /**
   * Where an end tag that starts at `from` (after its name) ends. Browsers read attributes in end
   * tags too, so a quoted `>` does not end `</img src="a>b">`; the tokenizer stops at the first
   * `>`, so when a quote comes first the builder reads the attributes and moves the tokenizer on.
   */
  private endTagEnd(from: number): number {
    const src = this.src;
    const first = src.indexOf('>', from);
    if (first === -1) return -1;
    let quoted = false;
    for (let i = from; i < first; i++) {
      const c = src.charCodeAt(i);
      if (c === 0x22 || c === 0x27) {
        quoted = true;
        break;
      }
    }
    if (!quoted) return first;
    let i = from;
    while (i < src.length) {
      const c = src.charCodeAt(i);
      if (c === 0x3e) break;
      if (c === 0x3d) {
        // `=`: skip whitespace, then a quoted value to its closing quote.
        i++;
        while (i < src.length && isHtmlWhitespace(src.charCodeAt(i))) i++;
        const q = src.charCodeAt(i);
        if (q === 0x22 || q === 0x27) {
          const closeQuote = src.indexOf(String.fromCharCode(q), i + 1);
          if (closeQuote === -1) return -1;
          i = closeQuote + 1;
          continue;
        }
        continue;
      }
      i++;
    }
    if (i >= src.length) return -1;
    if (i !== first) (this.tokenizer as unknown as TokenizerInternals).index = i - 1;
    return i;
  }

  /**
   * A script that hides markup in `<!-- ... -->` ends where a browser ends it: a `</script>` inside
   * `<!-- document.write('<script ...></script>') -->` does not end it. The tokenizer stops at
   * the first `</script`, so when the script holds `<!--` the builder finds the real end itself,
   * takes the text up to it, and moves the tokenizer there.
   */
  private skipEscapedScript(from: number): void {
    if (this.nextEscape < from) {
      const at = this.src.indexOf('<!--', from);
      this.nextEscape = at === -1 ? Infinity : at;
    }
    const escape = this.nextEscape;
    if (escape === Infinity) return;
    SCRIPT_END.lastIndex = from;
    const firstEnd = SCRIPT_END.exec(this.src);
    if (firstEnd !== null && firstEnd.index < escape) return;
    const realEnd = scriptDataEnd(this.src, from);
    if (realEnd === (firstEnd?.index ?? this.src.length)) return;
    this.ontext(from, realEnd);
    (this.tokenizer as unknown as TokenizerInternals).index = realEnd - 1;
  }
  onselfclosingtag(end: number): void {
    this.lastEnd = end + 1;
    this.startTag(this.tagName, this.attrNames, this.attrValues, true, this.tagStart, end + 1);
  }
  onclosetag(start: number, end: number): void {
    this.flushText();
    const close = this.endTagEnd(end);
    this.lastEnd = close === -1 ? this.src.length : close + 1;
    if (this.src.charCodeAt(start - 1) !== 0x2f) {
      // `</ br>`: whitespace after `</` makes a bogus comment, not an end tag.
      const slash = this.src.lastIndexOf('</', start);
      this.comment(this.src.slice(slash + 2, this.lastEnd - 1), slash, this.lastEnd);
      return;
    }
    this.endTag(this.src.slice(start, end).toLowerCase(), start - 2, this.lastEnd);
  }
  ontext(start: number, end: number): void {
    // The tokenizer passes an empty end tag `</>` on as text; browsers ignore it.
    while (start + 3 <= end && this.src.startsWith('</>', start)) start += 3;
    if (start === end) return;
    if (this.textStart < 0) this.textStart = start;
    this.text += this.src.slice(start, end);
    this.textEnd = end;
  }
  ontextentity(codepoint: number, end: number): void {
    if (this.textStart < 0) this.textStart = this.lastEnd;
    this.text += String.fromCodePoint(codepoint);
    this.textEnd = end;
  }
  oncomment(start: number, end: number, endOffset: number): void {
    this.flushText();
    this.lastEnd = end + 1;
    this.comment(this.src.slice(start, end - endOffset), start - 4, end + 1);
  }
  oncdata(start: number, end: number, endOffset: number): void {
    const top = this.top();
    if (top !== undefined && top.space !== Space.Html) {
      // CDATA is text in SVG and MathML.
      if (this.textStart < 0) this.textStart = start;
      this.text += this.src.slice(start, end - endOffset);
      this.textEnd = end + 1;
      return;
    }
    this.flushText();
    this.comment(`[CDATA[${this.src.slice(start, end - endOffset)}]]`, start - 9, end + 1);
  }
  ondeclaration(start: number, end: number): void {
    this.flushText();
    const value = this.src.slice(start, end);
    if (/^doctype/i.test(value)) this.doctype(value, start - 2, end + 1);
    else this.comment(value, start - 2, end + 1);
  }
  onprocessinginstruction(start: number, end: number): void {
    this.flushText();
    // `<?xml ...?>` is a bogus comment in HTML.
    this.comment(this.src.slice(start - 1, end), start - 2, end + 1);
  }
  onend(): void {
    this.flushText();
    this.ensureBody();
    while (this.stack.length > 0) this.pop(undefined);
  }

  // ---- positions ----

  private newlineFrom(offset: number): number {
    const at = this.src.indexOf('\n', offset);
    return at === -1 ? Infinity : at;
  }

  private point(offset: number): Point {
    if (offset < this.lineStart) {
      this.line = 1;
      this.lineStart = 0;
      this.nextNewline = this.newlineFrom(0);
    }
    while (this.nextNewline < offset) {
      this.line++;
      this.lineStart = this.nextNewline + 1;
      this.nextNewline = this.newlineFrom(this.lineStart);
    }
    return { line: this.line, column: offset - this.lineStart + 1, offset };
  }

  private position(start: number, end: number): Position | undefined {
    return this.positions ? { start: this.point(start), end: this.point(end) } : undefined;
  }

  // ---- the open-element stack ----

  private top(): Open | undefined {
    return this.stack[this.stack.length - 1];
  }

  private countOf(name: string): number {
    return this.openCount.get(name) ?? 0;
  }

  private push(open: Open): void {
    open.onStack = true;
    this.stack.push(open);
    this.openCount.set(open.name, this.countOf(open.name) + 1);
  }

  /** Pop the innermost element; `end` is where its end tag ended, when it had one. */
  private pop(end: number | undefined): void {
    const open = this.stack.pop();
    if (open === undefined) return;
    this.left(open);
    this.setEnd(open.node, end);
  }

  /** Bookkeeping for an element that left the stack. */
  private left(open: Open): void {
    open.onStack = false;
    this.openCount.set(open.name, this.countOf(open.name) - 1);
    if (open.space === Space.Html && MARKER_ELEMENTS.has(open.name)) {
      // Leaving a cell, caption, template or object ends its formatting scope.
      while (this.formatting.length > 0 && this.formatting.pop() !== MARKER);
    }
  }

  private setEnd(node: Element, end: number | undefined): void {
    if (!this.positions || node.position === undefined) return;
    if (end !== undefined) {
      node.position.end = this.point(end);
      return;
    }
    const last = node.children[node.children.length - 1];
    if (last?.position) node.position.end = last.position.end;
  }

  /** Pop elements until the one at stack index `index` has been popped. */
  private popTo(index: number, end?: number): void {
    while (this.stack.length > index + 1) this.pop(undefined);
    this.pop(end);
  }

  /** Take the element at stack index `index` out of the stack, leaving the ones above it open. */
  private removeAt(index: number): void {
    const [open] = this.stack.splice(index, 1);
    this.left(open);
    this.setEnd(open.node, undefined);
  }

  /** Stack index of the innermost open `name` with no boundary of `scope` above it, or -1. */
  private inScope(name: string, scope: ReadonlySet<string>): number {
    if (this.countOf(name) === 0) return -1;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const open = this.stack[i];
      if (open.name === name) return i;
      if (scope.has(open.name)) return -1;
    }
    return -1;
  }

  // ---- inserting nodes ----

  private createElement(name: string, space: Space, names: readonly string[], values: readonly string[], start: number, end: number): Element {
    const properties: Properties = {};
    for (let i = 0; i < names.length; i++) addAttribute(properties, names[i], values[i], space === Space.Svg);
    const node: Element = { type: 'element', tagName: name, properties, children: [] };
    if (this.positions && start >= 0) node.position = this.position(start, end);
    return node;
  }

  /** Insert `node` where content goes now, or before the open table when it is misplaced in one. */
  private insertNode(node: Element | Comment, foster: boolean): { parent: Parent; depth: number } {
    const top = this.top();
    if (foster) {
      const table = this.openTable()!;
      const siblings = table.parent.children as RootContent[];
      siblings.splice(siblings.indexOf(table.node), 0, node);
      return { parent: table.parent, depth: table.depth };
    }
    const parent = top === undefined ? this.root : top.into;
    (parent.children as RootContent[]).push(node);
    return { parent, depth: top === undefined ? 1 : top.intoDepth + 1 };
  }

  private openTable(): Open | undefined {
    for (let i = this.stack.length - 1; i >= 0; i--) if (this.stack[i].name === 'table') return this.stack[i];
    return undefined;
  }

  /** Insert an element and, unless it is void, make it the current node. */
  private insertElement(name: string, space: Space, names: readonly string[], values: readonly string[], start: number, end: number, keepOpen: boolean, foster = false): Open {
    const node = this.createElement(name, space, names, values, start, end);
    const { parent, depth } = this.insertNode(node, foster);
    let into: Parent = node;
    let intoDepth = depth;
    if (name === 'template' && space === Space.Html) {
      node.content = { type: 'root', children: [] };
      into = node.content;
    }
    if (depth >= MAX_DEPTH) {
      // Past the cap, content goes to the parent (see depth.ts).
      into = parent;
      intoDepth = depth - 1;
    }
    const open: Open = { node, name, space, parent, depth, into, intoDepth, onStack: false };
    if (keepOpen) {
      this.push(open);
      if (space === Space.Html && MARKER_ELEMENTS.has(name)) this.formatting.push(MARKER);
    }
    else this.setEnd(node, undefined);
    return open;
  }

  private comment(value: string, start: number, end: number): void {
    const node: Comment = { type: 'comment', value: value.includes('\r') ? normalizeNewlines(value) : value };
    if (this.positions) node.position = this.position(Math.max(start, 0), end);
    // After </body> comments go to <html>, after </html> to the document.
    if (this.afterBody !== AfterBody.No) {
      const parent = this.afterBody === AfterBody.Html || this.html === undefined ? this.root : this.html.node;
      (parent.children as RootContent[]).push(node);
      return;
    }
    this.insertNode(node, false);
  }

  private doctype(value: string, start: number, end: number): void {
    if (this.mode !== Mode.BeforeHtml || this.root.children.some((c) => c.type === 'doctype')) return;
    const node: Doctype = { type: 'doctype' };
    if (this.positions) node.position = this.position(Math.max(start, 0), end);
    this.root.children.push(node);
    const parts = DOCTYPE.exec(value);
    const name = parts?.[1] ?? '';
    const id = parts?.[3] ?? '';
    const systemId = parts?.[5];
    this.quirks =
      name.toLowerCase() !== 'html' || QUIRKY_PUBLIC_ID.test(id) || (systemId === undefined && TRANSITIONAL_PUBLIC_ID.test(id));
  }

  /** Insert pending text, merged with a text node just before it, as parse5 does. */
  private flushText(): void {
    if (this.textStart < 0) return;
    let value = this.text;
    let start = this.textStart;
    const end = this.textEnd;
    this.text = '';
    this.textStart = -1;
    if (value.includes('\r')) value = normalizeNewlines(value);
    // The tokenizer decodes entities in <title> but not in the other escapable raw text element.
    if (this.top()?.name === 'textarea' && value.includes('&')) value = decodeHTML(value);

    while (value !== '') {
      const current = this.top();
      if (this.mode !== Mode.InBody && !(current !== undefined && RAW_TEXT.has(current.name)) && this.countOf('template') === 0) {
        // Before the body, leading whitespace is dropped or kept in place; other text opens the body.
        let ws = 0;
        while (ws < value.length && isHtmlWhitespace(value.charCodeAt(ws))) ws++;
        if (ws > 0) {
          if (this.mode === Mode.InHead || this.mode === Mode.InHeadNoscript || this.mode === Mode.AfterHead) {
            this.appendText(value.slice(0, ws), start, start + ws, false);
          }
          value = value.slice(ws);
          start += ws;
          if (value === '') return;
        }
        this.leaveMode();
        continue;
      }
      const top = this.top()!;
      if (top.name === 'colgroup' && !isAllWhitespace(value)) {
        this.pop(undefined);
        continue;
      }
      if (top.space === Space.Html && TABLE_CONTEXT.has(top.name)) {
        if (isAllWhitespace(value)) {
          this.appendText(value, start, end, false);
          return;
        }
        // Text misplaced in a table goes before it, into reopened formatting elements if any.
        this.reconstruct(true);
        this.appendText(value, start, end, TABLE_CONTEXT.has(this.top()!.name));
        return;
      }
      if (this.dropNewlineIn !== undefined) {
        if (top.node === this.dropNewlineIn && top.node.children.length === 0 && value.charCodeAt(0) === 0x0a) {
          value = value.slice(1);
          start++;
        }
        this.dropNewlineIn = undefined;
        if (value === '') return;
      }
      if (top.space === Space.Html) this.reconstruct(false);
      if (this.afterBody !== AfterBody.No && !isAllWhitespace(value)) this.afterBody = AfterBody.No;
      this.appendText(value, start, end, false);
      return;
    }
  }

  private appendText(value: string, start: number, end: number, foster: boolean): void {
    let parent: Parent;
    let index: number;
    if (foster) {
      const table = this.openTable()!;
      parent = table.parent;
      index = parent.children.indexOf(table.node as RootContent & Element);
    } else {
      const top = this.top();
      parent = top === undefined ? this.root : top.into;
      index = parent.children.length;
    }
    const previous = parent.children[index - 1];
    if (previous?.type === 'text') {
      previous.value += value;
      if (this.positions && previous.position) previous.position.end = this.point(end);
      return;
    }
    const node: Text = { type: 'text', value };
    if (this.positions) node.position = this.position(start, end);
    if (index === parent.children.length) (parent.children as RootContent[]).push(node);
    else (parent.children as RootContent[]).splice(index, 0, node);
  }

  // ---- the document's frame: html, head, body ----

  /** Leave the current pre-body mode as "anything else" does, creating what is implied. */
  private leaveMode(): void {
    switch (this.mode) {
      case Mode.BeforeHtml:
        this.openHtml(EMPTY, EMPTY, -1, -1);
        return;
      case Mode.BeforeHead:
        this.openHead(EMPTY, EMPTY, -1, -1);
        return;
      case Mode.InHeadNoscript:
        this.pop(undefined);
        this.mode = Mode.InHead;
        return;
      case Mode.InHead:
        this.popTo(this.stack.indexOf(this.head!));
        this.mode = Mode.AfterHead;
        return;
      case Mode.AfterHead:
        this.openBody(EMPTY, EMPTY, -1, -1);
        return;
      default:
        return;
    }
  }

  private ensureBody(): void {
    while (this.mode !== Mode.InBody) this.leaveMode();
  }

  private openHtml(names: readonly string[], values: readonly string[], start: number, end: number): void {
    this.html = this.insertElement('html', Space.Html, names, values, start, end, true);
    this.mode = Mode.BeforeHead;
  }
  private openHead(names: readonly string[], values: readonly string[], start: number, end: number): void {
    this.head = this.insertElement('head', Space.Html, names, values, start, end, true);
    this.mode = Mode.InHead;
  }
  private openBody(names: readonly string[], values: readonly string[], start: number, end: number): void {
    this.body = this.insertElement('body', Space.Html, names, values, start, end, true);
    this.mode = Mode.InBody;
  }

  /** `<html>` or `<body>` again: add the attributes the element does not have yet. */
  private mergeAttributes(open: Open | undefined, names: readonly string[], values: readonly string[]): void {
    if (open === undefined) return;
    for (let i = 0; i < names.length; i++) addAttribute(open.node.properties, names[i], values[i], false);
  }

  // ---- start tags ----

  private startTag(name: string, names: readonly string[], values: readonly string[], selfClosing: boolean, start: number, end: number): void {
    this.afterBody = AfterBody.No;
    if (this.mode !== Mode.InBody && this.countOf('template') > 0) {
      // Template content (in <head> too) is parsed like body content.
      this.inBodyStart(name, names, values, selfClosing, start, end);
      return;
    }
    for (;;) {
      switch (this.mode) {
        case Mode.BeforeHtml:
          if (name === 'html') {
            this.openHtml(names, values, start, end);
            return;
          }
          this.leaveMode();
          continue;
        case Mode.BeforeHead:
          if (name === 'html') return this.mergeAttributes(this.html, names, values);
          if (name === 'head') {
            this.openHead(names, values, start, end);
            return;
          }
          this.leaveMode();
          continue;
        case Mode.InHead:
          if (this.inHeadStart(name, names, values, start, end)) return;
          this.leaveMode();
          continue;
        case Mode.InHeadNoscript:
          if (name === 'html') return this.mergeAttributes(this.html, names, values);
          if (name === 'basefont' || name === 'bgsound' || name === 'link' || name === 'meta' || name === 'noframes' || name === 'style') {
            this.inHeadStart(name, names, values, start, end);
            return;
          }
          if (name === 'head' || name === 'noscript') return;
          this.leaveMode();
          continue;
        case Mode.AfterHead:
          if (name === 'html') return this.mergeAttributes(this.html, names, values);
          if (name === 'body') {
            this.openBody(names, values, start, end);
            return;
          }
          if (HEAD_CONTENT.has(name) && this.head !== undefined) {
            // Back into <head>, as browsers do for a late <script>, <meta> or <title>.
            this.push(this.head);
            this.inHeadStart(name, names, values, start, end);
            const at = this.stack.lastIndexOf(this.head);
            this.removeAt(at);
            return;
          }
          if (name === 'head') return;
          this.leaveMode();
          continue;
        case Mode.InBody:
          this.inBodyStart(name, names, values, selfClosing, start, end);
          return;
      }
    }
  }

  /** A start tag in `<head>`; false when it ends the head ("anything else"). */
  private inHeadStart(name: string, names: readonly string[], values: readonly string[], start: number, end: number): boolean {
    switch (name) {
      case 'html':
        this.mergeAttributes(this.html, names, values);
        return true;
      case 'base': case 'basefont': case 'bgsound': case 'link': case 'meta':
        this.insertElement(name, Space.Html, names, values, start, end, false);
        return true;
      case 'title': case 'noframes': case 'style': case 'script': case 'template':
        this.insertElement(name, Space.Html, names, values, start, end, true);
        return true;
      case 'noscript':
        this.insertElement(name, Space.Html, names, values, start, end, true);
        this.mode = Mode.InHeadNoscript;
        return true;
      case 'head':
        return true;
      default:
        return false;
    }
  }

  private inBodyStart(name: string, names: readonly string[], values: readonly string[], selfClosing: boolean, start: number, end: number): void {
    this.dropNewlineIn = undefined;
    for (;;) {
      const top = this.top()!;
      // Inside SVG or MathML.
      if (top.space !== Space.Html && !HTML_INTEGRATION.has(top.name)) {
        if (FOREIGN_BREAKOUT.has(name) || (name === 'font' && names.some((n) => n === 'color' || n === 'face' || n === 'size'))) {
          while (this.top()!.space !== Space.Html && !HTML_INTEGRATION.has(this.top()!.name)) this.pop(undefined);
          continue;
        }
        this.insertElement(name, top.space, names, values, start, end, !selfClosing);
        return;
      }
      // Inside a <select>: only options, and what closes the select.
      if ((top.name === 'select' || top.name === 'option' || top.name === 'optgroup') && this.countOf('select') > 0) {
        if (name === 'option' || name === 'optgroup') {
          if (this.top()!.name === 'option') this.pop(undefined);
          if (name === 'optgroup' && this.top()!.name === 'optgroup') this.pop(undefined);
          this.insertElement(name, Space.Html, names, values, start, end, true);
          return;
        }
        if (name === 'hr') {
          if (this.top()!.name === 'option') this.pop(undefined);
          if (this.top()!.name === 'optgroup') this.pop(undefined);
          this.insertElement(name, Space.Html, names, values, start, end, false);
          return;
        }
        if (name === 'script' || name === 'template') {
          this.insertElement(name, Space.Html, names, values, start, end, true);
          return;
        }
        if (name === 'html') return this.mergeAttributes(this.html, names, values);
        const closes = name === 'select' || name === 'input' || name === 'keygen' || name === 'textarea' || name === 'table' || TABLE_STRUCTURE.has(name);
        if (!closes) return;
        this.popTo(this.inScope('select', TABLE_SCOPE));
        if (name === 'select') return;
        continue;
      }
      // A table in progress.
      if (top.name === 'colgroup') {
        if (name === 'col') {
          this.insertElement(name, Space.Html, names, values, start, end, false);
          return;
        }
        if (name !== 'template') {
          this.pop(undefined);
          continue;
        }
      }
      if (TABLE_CONTEXT.has(top.name)) {
        if (this.tableStart(top, name, names, values, start, end)) return;
        if (this.stack[this.stack.length - 1] !== top) continue;
        // Anything else is moved before the table.
        this.bodyStart(name, names, values, selfClosing, start, end, true);
        return;
      }
      // In a cell or caption, table structure closes it first.
      if (TABLE_STRUCTURE.has(name)) {
        const cell = Math.max(this.inScope('td', TABLE_SCOPE), this.inScope('th', TABLE_SCOPE));
        const caption = this.inScope('caption', TABLE_SCOPE);
        const closing = Math.max(cell, caption);
        if (closing >= 0) {
          this.popTo(closing);
          continue;
        }
      }
      this.bodyStart(name, names, values, selfClosing, start, end, false);
      return;
    }
  }

  /**
   * A start tag while a table, section or row is the current node. True when handled; false for
   * "anything else" (fostered) or after closing something, when the caller tries again.
   */
  private tableStart(top: Open, name: string, names: readonly string[], values: readonly string[], start: number, end: number): boolean {
    const insert = (tag: string, keepOpen: boolean) => this.insertElement(tag, Space.Html, tag === name ? names : EMPTY, tag === name ? values : EMPTY, tag === name ? start : -1, end, keepOpen);
    if (name === 'table') {
      const table = this.inScope('table', TABLE_SCOPE);
      if (table >= 0) this.popTo(table);
      return false;
    }
    if (top.name === 'tr') {
      if (name === 'td' || name === 'th') {
        insert(name, true);
        return true;
      }
      if (TABLE_RESTART.has(name)) {
        this.pop(undefined);
        return false;
      }
    } else if (TABLE_SECTIONS.has(top.name)) {
      if (name === 'tr') {
        insert(name, true);
        return true;
      }
      if (name === 'td' || name === 'th') {
        insert('tr', true);
        return false;
      }
      if (TABLE_RESTART.has(name)) {
        this.pop(undefined);
        return false;
      }
    } else {
      // The table itself.
      switch (name) {
        case 'caption': case 'colgroup': case 'tbody': case 'tfoot': case 'thead':
          insert(name, true);
          return true;
        case 'col':
          insert('colgroup', true);
          return false;
        case 'tr': case 'td': case 'th':
          insert('tbody', true);
          return false;
      }
    }
    switch (name) {
      case 'style': case 'script': case 'template':
        insert(name, true);
        return true;
      case 'input': {
        const type = names.indexOf('type');
        if (type >= 0 && values[type].toLowerCase() === 'hidden') {
          insert(name, false);
          return true;
        }
        return false;
      }
      case 'form':
        if (this.form === undefined && this.countOf('template') === 0) this.form = insert(name, false).node;
        return true;
      default:
        return false;
    }
  }

  /** The "in body" rules for a start tag; `foster` inserts before the open table. */
  private bodyStart(name: string, names: readonly string[], values: readonly string[], selfClosing: boolean, start: number, end: number, foster: boolean): void {
    const insert = (keepOpen: boolean, space = Space.Html) => this.insertElement(name, space, names, values, start, end, keepOpen, foster);
    switch (name) {
      case 'html':
        return this.mergeAttributes(this.html, names, values);
      case 'body':
        return this.mergeAttributes(this.body, names, values);
      case 'head': case 'frameset': case 'frame':
      case 'caption': case 'col': case 'colgroup': case 'tbody': case 'td': case 'tfoot': case 'th': case 'thead': case 'tr':
        return;
      case 'li': case 'dd': case 'dt': {
        // An open item of the same list closes, unless a block other than address/div/p is in between.
        for (let i = this.stack.length - 1; i >= 0; i--) {
          const open = this.stack[i];
          if (name === 'li' ? open.name === 'li' : open.name === 'dd' || open.name === 'dt') {
            this.popTo(i);
            break;
          }
          if (SPECIAL.has(open.name) && open.name !== 'address' && open.name !== 'div' && open.name !== 'p') break;
        }
        this.closeP();
        insert(true);
        return;
      }
      case 'form':
        if (this.form !== undefined && this.countOf('template') === 0) return;
        this.closeP();
        this.form = insert(true).node;
        return;
      case 'table':
        if (!this.quirks) this.closeP();
        insert(true);
        return;
      case 'button': {
        const open = this.inScope('button', SCOPE);
        if (open >= 0) this.popTo(open);
        this.reconstruct(foster);
        insert(true);
        return;
      }
      case 'a': {
        // A second <a> closes the first.
        const first = this.formattingIndex('a');
        if (first >= 0) {
          const entry = this.formatting[first]!;
          this.adoptionAgency('a', undefined);
          const still = this.formatting.indexOf(entry);
          if (still >= 0) this.formatting.splice(still, 1);
          const onStack = this.stack.indexOf(entry.open);
          if (onStack >= 0) this.removeAt(onStack);
        }
        this.reconstruct(foster);
        this.pushFormatting(insert(true), names, values);
        return;
      }
      case 'nobr':
        this.reconstruct(foster);
        if (this.inScope('nobr', SCOPE) >= 0) {
          this.adoptionAgency('nobr', undefined);
          this.reconstruct(foster);
        }
        this.pushFormatting(insert(true), names, values);
        return;
      case 'option': case 'optgroup':
        if (this.top()!.name === 'option') this.pop(undefined);
        this.reconstruct(foster);
        insert(true);
        return;
      case 'image':
        this.reconstruct(foster);
        this.insertElement('img', Space.Html, names, values, start, end, false, foster);
        return;
      case 'svg':
        this.reconstruct(foster);
        insert(!selfClosing, Space.Svg);
        return;
      case 'math':
        this.reconstruct(foster);
        insert(!selfClosing, Space.Math);
        return;
    }
    if (HEADINGS.has(name)) {
      this.closeP();
      if (HEADINGS.has(this.top()!.name)) this.pop(undefined);
      insert(true);
      return;
    }
    if (CLOSES_P.has(name)) this.closeP();
    if (!NO_RECONSTRUCT.has(name)) this.reconstruct(foster);
    if (VOID.has(name)) {
      insert(false);
      return;
    }
    const open = insert(true);
    if (FORMATTING.has(name)) this.pushFormatting(open, names, values);
    if (name === 'pre' || name === 'listing' || name === 'textarea') this.dropNewlineIn = open.node;
  }

  // ---- formatting elements ----

  /** Remember a formatting element just opened (at most three equal ones per scope, as browsers do). */
  private pushFormatting(open: Open, names: readonly string[], values: readonly string[]): void {
    let equal = 0;
    let earliest = -1;
    for (let i = this.formatting.length - 1; i >= 0; i--) {
      const entry = this.formatting[i];
      if (entry === MARKER) break;
      if (entry.open.name === open.name && sameAttributes(entry, names, values)) {
        equal++;
        earliest = i;
      }
    }
    if (equal >= 3) this.formatting.splice(earliest, 1);
    this.formatting.push({ open, names: [...names], values: [...values] });
  }

  /** Reopen formatting elements that a block end closed, before text or an inline element. */
  private reconstruct(foster: boolean): void {
    const list = this.formatting;
    if (list.length === 0) return;
    const last = list[list.length - 1];
    if (last === MARKER || last.open.onStack) return;
    let i = list.length - 1;
    while (i > 0) {
      const entry = list[i - 1];
      if (entry === MARKER || entry.open.onStack) break;
      i--;
    }
    for (; i < list.length; i++) {
      const entry = list[i]!;
      const open = this.insertElement(entry.open.name, Space.Html, entry.names, entry.values, -1, -1, true, foster);
      list[i] = { open, names: entry.names, values: entry.values };
    }
  }

  private formattingIndex(name: string): number {
    for (let i = this.formatting.length - 1; i >= 0; i--) {
      const entry = this.formatting[i];
      if (entry === MARKER) return -1;
      if (entry.open.name === name) return i;
    }
    return -1;
  }

  /**
   * The adoption agency: the end tag of a formatting element that blocks were opened inside.
   * Returns false when there is no such formatting element (then the end tag is an ordinary one).
   */
  private adoptionAgency(name: string, end: number | undefined): boolean {
    const top = this.top()!;
    if (top.name === name && top.space === Space.Html && !this.formatting.some((f) => f !== MARKER && f.open === top)) {
      this.pop(end);
      return true;
    }
    for (let outer = 0; outer < 8; outer++) {
      const fIndex = this.formattingIndex(name);
      if (fIndex < 0) return false;
      const fe = this.formatting[fIndex]!;
      const feStack = this.stack.indexOf(fe.open);
      if (feStack < 0) {
        this.formatting.splice(fIndex, 1);
        return true;
      }
      if (this.inScope(name, SCOPE) < 0 || !this.scopeHolds(fe.open)) return true;
      let furthest = -1;
      for (let i = feStack + 1; i < this.stack.length; i++) {
        if (SPECIAL.has(this.stack[i].name)) {
          furthest = i;
          break;
        }
      }
      if (furthest < 0) {
        this.popTo(feStack, end);
        this.formatting.splice(this.formatting.indexOf(fe), 1);
        return true;
      }
      const furthestBlock = this.stack[furthest];
      const commonAncestor = this.stack[feStack - 1];
      let bookmark = this.formatting.indexOf(fe);
      let lastNode = furthestBlock;
      let index = furthest;
      for (let inner = 1; ; inner++) {
        index--;
        const node = this.stack[index];
        if (node === fe.open) break;
        let at = this.formatting.findIndex((f) => f !== MARKER && f.open === node);
        if (inner > 3 && at >= 0) {
          this.formatting.splice(at, 1);
          if (at < bookmark) bookmark--;
          at = -1;
        }
        if (at < 0) {
          this.removeAt(index);
          continue;
        }
        // Replace the node by a fresh copy that takes the last node as its child.
        const entry = this.formatting[at]!;
        const copy = this.detachedElement(entry.open.name, entry.names, entry.values);
        this.formatting[at] = { open: copy, names: entry.names, values: entry.values };
        copy.onStack = true;
        this.stack[index] = copy;
        copy.parent = node.parent;
        if (lastNode === furthestBlock) bookmark = at + 1;
        this.moveUnder(lastNode, copy);
        lastNode = copy;
      }
      // Put the last node where the common ancestor takes content.
      detach(lastNode);
      if (TABLE_CONTEXT.has(commonAncestor.name)) {
        const table = this.openTable()!;
        const siblings = table.parent.children as RootContent[];
        siblings.splice(siblings.indexOf(table.node), 0, lastNode.node);
        lastNode.parent = table.parent;
      } else {
        (commonAncestor.into.children as RootContent[]).push(lastNode.node);
        lastNode.parent = commonAncestor.into;
      }
      // A fresh formatting element takes the furthest block's children.
      const copy = this.detachedElement(fe.open.name, fe.names, fe.values);
      copy.node.children = furthestBlock.into.children as Element['children'];
      furthestBlock.into.children = [copy.node];
      copy.parent = furthestBlock.into;
      for (const open of this.stack) if (open.parent === furthestBlock.into && open !== copy) open.parent = copy.node;
      const feAt = this.formatting.indexOf(fe);
      this.formatting.splice(feAt, 1);
      if (feAt < bookmark) bookmark--;
      this.formatting.splice(bookmark, 0, { open: copy, names: fe.names, values: fe.values });
      const feNow = this.stack.indexOf(fe.open);
      this.stack.splice(feNow, 1);
      fe.open.onStack = false;
      this.openCount.set(name, this.countOf(name) - 1);
      this.stack.splice(this.stack.indexOf(furthestBlock) + 1, 0, copy);
      copy.onStack = true;
      this.openCount.set(name, this.countOf(name) + 1);
      this.setEnd(fe.open.node, end);
    }
    return true;
  }

  /** Whether no scope boundary stands between `open` and the current node. */
  private scopeHolds(open: Open): boolean {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      if (this.stack[i] === open) return true;
      if (SCOPE.has(this.stack[i].name)) return false;
    }
    return false;
  }

  /** A copy of a formatting element, not yet in the tree (the adoption agency places it). */
  private detachedElement(name: string, names: readonly string[], values: readonly string[]): Open {
    const node = this.createElement(name, Space.Html, names, values, -1, -1);
    return { node, name, space: Space.Html, parent: this.root, depth: 0, into: node, intoDepth: 0, onStack: false };
  }

  /** Move `child` (an open element's node) to the end of `parent`'s children. */
  private moveUnder(child: Open, parent: Open): void {
    detach(child);
    parent.node.children.push(child.node);
    child.parent = parent.node;
  }

  /** "Close a p element" when one is in button scope. */
  private closeP(): void {
    const p = this.inScope('p', BUTTON_SCOPE);
    if (p >= 0) this.popTo(p);
  }


  // ---- end tags ----

  private endTag(name: string, start: number, end: number): void {
    const top = this.top();
    // The end of raw text (the tokenizer only stops at the matching end tag).
    if (top !== undefined && RAW_TEXT.has(top.name) && top.space === Space.Html && top.name === name) {
      this.pop(end);
      return;
    }
    if (this.mode !== Mode.InBody && this.countOf('template') > 0) return this.inBodyEnd(name, start, end);
    switch (this.mode) {
      case Mode.BeforeHtml: case Mode.BeforeHead:
        if (name !== 'head' && name !== 'body' && name !== 'html' && name !== 'br') return;
        this.leaveMode();
        return this.endTag(name, start, end);
      case Mode.InHead:
        if (name === 'head') {
          this.popTo(this.stack.indexOf(this.head!), end);
          this.mode = Mode.AfterHead;
          return;
        }
        if (name === 'template' && top?.name === 'template') return this.pop(end);
        if (name !== 'body' && name !== 'html' && name !== 'br') return;
        this.leaveMode();
        return this.endTag(name, start, end);
      case Mode.InHeadNoscript:
        if (name === 'noscript') {
          this.pop(end);
          this.mode = Mode.InHead;
          return;
        }
        if (name !== 'br') return;
        this.leaveMode();
        return this.endTag(name, start, end);
      case Mode.AfterHead:
        if (name !== 'body' && name !== 'html' && name !== 'br') return;
        this.leaveMode();
        return this.endTag(name, start, end);
      case Mode.InBody:
        return this.inBodyEnd(name, start, end);
    }
  }

  private inBodyEnd(name: string, start: number, end: number): void {
    const top = this.top()!;
    if (name !== 'body' && name !== 'html') this.afterBody = AfterBody.No;
    // Inside SVG or MathML: close the matching foreign element, if any before HTML content.
    if (top.space !== Space.Html) {
      for (let i = this.stack.length - 1; i >= 0; i--) {
        const open = this.stack[i];
        if (open.space === Space.Html) break;
        if (open.name === name) return this.popTo(i, end);
      }
    }
    if (this.countOf('select') > 0 && (top.name === 'select' || top.name === 'option' || top.name === 'optgroup')) {
      if (name === 'option' && top.name === 'option') return this.pop(end);
      if (name === 'optgroup') {
        if (top.name === 'option' && this.stack[this.stack.length - 2]?.name === 'optgroup') this.pop(undefined);
        if (this.top()!.name === 'optgroup') this.pop(end);
        return;
      }
      if (name === 'select' || name === 'table' || TABLE_STRUCTURE.has(name)) {
        this.popTo(this.inScope('select', TABLE_SCOPE), name === 'select' ? end : undefined);
        if (name !== 'select') this.inBodyEnd(name, start, end);
      }
      return;
    }
    switch (name) {
      case 'body': case 'html':
        // Content after </body> still goes into the body, as in browsers.
        if (this.inScope('body', SCOPE) >= 0) this.afterBody = name === 'html' ? AfterBody.Html : AfterBody.Body;
        return;
      case 'p': {
        const p = this.inScope('p', BUTTON_SCOPE);
        if (p >= 0) return this.popTo(p, end);
        // A stray </p> makes an empty paragraph.
        this.insertElement('p', Space.Html, EMPTY, EMPTY, start, end, false, TABLE_CONTEXT.has(top.name));
        return;
      }
      case 'br':
        this.insertElement('br', Space.Html, EMPTY, EMPTY, start, end, false, TABLE_CONTEXT.has(top.name));
        return;
      case 'li': {
        const li = this.inScope('li', LIST_ITEM_SCOPE);
        if (li >= 0) this.popTo(li, end);
        return;
      }
      case 'dd': case 'dt': case 'caption': case 'template': {
        const open = this.inScope(name, name === 'caption' ? TABLE_SCOPE : SCOPE);
        if (open >= 0) this.popTo(open, end);
        return;
      }
      case 'form': {
        const form = this.form;
        this.form = undefined;
        const open = this.inScope('form', SCOPE);
        if (open < 0 || this.stack[open].node !== form) return;
        // Paragraphs and list items end with the form; other elements left open inside it stay open.
        while (this.stack.length - 1 > open && IMPLIED_END.has(this.top()!.name)) this.pop(undefined);
        this.removeAt(open);
        return;
      }
      case 'table': case 'tbody': case 'tfoot': case 'thead': case 'tr': case 'td': case 'th': {
        const open = this.inScope(name, TABLE_SCOPE);
        if (open >= 0) this.popTo(open, end);
        return;
      }
      case 'colgroup':
        if (top.name === 'colgroup') this.pop(end);
        return;
    }
    if (HEADINGS.has(name)) {
      for (let i = this.stack.length - 1; i >= 0; i--) {
        const open = this.stack[i];
        if (HEADINGS.has(open.name)) return this.popTo(i, end);
        if (SCOPE.has(open.name)) return;
      }
      return;
    }
    if (CLOSED_IN_SCOPE.has(name)) {
      const open = this.inScope(name, SCOPE);
      if (open >= 0) this.popTo(open, end);
      return;
    }
    if (FORMATTING.has(name) && this.adoptionAgency(name, end)) return;
    // Any other end tag closes the innermost element of its name, but never past a block.
    if (this.countOf(name) === 0) return;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const open = this.stack[i];
      if (open.name === name) return this.popTo(i, end);
      if (SPECIAL.has(open.name)) return;
    }
  }
}

/** Take an open element's node out of its parent. */
function detach(open: Open): void {
  const siblings = open.parent.children as RootContent[];
  const at = siblings.lastIndexOf(open.node);
  if (at >= 0) siblings.splice(at, 1);
}

/** Whether a start tag has the same attributes (names and values, any order) as a remembered one. */
function sameAttributes(entry: Formatting, names: readonly string[], values: readonly string[]): boolean {
  if (entry.names.length !== names.length) return false;
  for (let i = 0; i < names.length; i++) {
    const at = entry.names.indexOf(names[i]);
    if (at < 0 || entry.values[at] !== values[i]) return false;
  }
  return true;
}

function isAllWhitespace(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (!isHtmlWhitespace(value.charCodeAt(i))) return false;
  return true;
}

function normalizeNewlines(value: string): string {
  return value.replace(/\r\n?/g, '\n');
}

export interface FastHtmlOptions {
  /** Record `position` (line, column, offset) on elements, text, comments (default: true). */
  positions?: boolean;
}

/** Parse an HTML document into a hast root with the fast builder. */
export function fastHtmlToHast(html: string, options: FastHtmlOptions = {}): Root {
  // A byte-order mark is not content (see BYTE_ORDER_MARK in html.ts); a space keeps offsets.
  const source = html.charCodeAt(0) === 0xfeff ? ` ${html.slice(1)}` : html;
  const builder = new Builder(source, options.positions ?? true);
  const tokenizer = new Tokenizer({ decodeEntities: true }, builder);
  builder.tokenizer = tokenizer;
  tokenizer.write(source);
  tokenizer.end();
  builder.root.data = { quirksMode: builder.quirks } as Root['data'];
  return builder.root;
}
