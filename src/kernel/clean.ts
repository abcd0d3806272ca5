/**
 * `clean()`: one document in, cleaned text (and optionally HTML) plus its removal record out.
 * No file system: the caller loads the rules and reads the document.
 */
import type { Root } from 'hast';
import { articleMarkdown, articleOf, type Article } from './article.js';
import { applyRemovals } from './engine/apply.js';
import { articleHtml } from './html.js';
import type { Fields } from './engine/fields.js';
import { runWithSafetyNet, type Relaxation, type SafeResult } from './engine/relax.js';
import type { EngineResult, Removal } from './engine/run.js';
import { DEFAULT_HTML_PARSER, detectType, toHast, type HtmlParser, type InputType } from './parse/index.js';
import { resolveOutlet, type OutletSource } from './rules/outlet.js';
import { UnknownOutletError } from './rules/errors.js';
import type { RuleSet } from './rules/ruleset.js';

export { UnknownOutletError };

export interface CleanInput {
  /** The document: HTML or plain text. */
  content: string;
  /** `html` or `text`; guessed from `path`, else from the content, when absent. */
  type?: InputType;
  /** Where the document came from (for outlet resolution by folder, and in records). */
  path?: string;
  url?: string;
  /** The outlet, when the caller knows it (a manifest field, `--outlet`). */
  outlet?: string;
  id?: string;
}

export interface CleanOptions {
  rules: RuleSet;
  /** Also produce the cleaned page as a standalone UTF-8 HTML document (default: false; see html.ts). */
  html?: boolean;
  /** Also produce the article as Markdown (default: false). */
  markdown?: boolean;
  /**
   * Keep the headline as the title line, first in the text (default: true); `false` gives the
   * body alone, as extractors scored on article bodies give it (the headline is then a removal
   * of the rule that found it). The `title` field is there either way.
   */
  title?: boolean;
  /**
   * Which HTML parser builds the tree (default: `fast`): `fast` is Winnow's own builder on
   * htmlparser2's tokenizer, `parse5` the reference (parse5 as in rehype-parse). Both build the
   * tree a browser would; bench/PARSERS.md lists where they differ.
   */
  parser?: HtmlParser;
}

export interface CleanStats {
  blocksIn: number;
  blocksRemoved: number;
  wordsIn: number;
  wordsOut: number;
  wordsRemoved: number;
}

export interface CleanResult {
  id?: string;
  path?: string;
  url?: string;
  type: InputType;
  /** The outlet whose rules applied (`default` when only the defaults did). */
  outlet: string;
  /** How the outlet was found. */
  outletFrom: OutletSource;
  /** Rule files applied, in order. */
  ruleFiles: string[];
  /** The title line (unless `title: false`), then the body: one paragraph per kept block, a blank line between. */
  text: string;
  html?: string;
  /** With `markdown: true`: the article as Markdown. */
  markdown?: string;
  /** The article: its fields and its body. */
  article: Article;
  /** Each field with the rule that gave it (`json-ld`, `byline`, ...) and what it read. */
  fields: Fields;
  /** Values extracted by rules with `extract:` (and the page's `<title>`), as their text was. */
  metadata: Record<string, string>;
  removals: Removal[];
  /** `outlet/id` of the `content` rules that found no article here (the defaults cleaned it): stale on this document. */
  stale?: string[];
  /** What each `keep` rule kept here that another rule would have removed (its words), when one kept anything. */
  keeps?: Array<{ rule: string; outlet: string; words: number }>;
  /** Present when the rules left too little text and the safety net relaxed them (src/engine/relax.ts). */
  relaxed?: Relaxation;
  stats: CleanStats;
}

export function clean(input: CleanInput | string, options: CleanOptions): CleanResult {
  return cleanWithTrace(input, options).result;
}

/**
 * `clean()` together with the engine's own result (every block, what was kept of it, each cut),
 * for `winnow explain` and rule tests: the same run, never a second code path.
 */
export function cleanWithTrace(input: CleanInput | string, options: CleanOptions): { result: CleanResult; engine: SafeResult } {
  const doc: CleanInput = typeof input === 'string' ? { content: input } : input;
  const { rules: ruleSet } = options;
  const { outlet, from } = resolveOutlet(ruleSet, doc);
  if (outlet !== undefined && !ruleSet.hasOutlet(outlet)) throw new UnknownOutletError(outlet, ruleSet.outletNames());
  const resolved = ruleSet.forOutlet(outlet);
  const type = doc.type ?? detectType(doc.content, doc.path);
  const tree: Root = toHast(doc.content, type, options.parser ?? DEFAULT_HTML_PARSER);
  const keepTitle = options.title ?? true;
  const result = runWithSafetyNet(tree, resolved.rules, undefined, { keepTitle });
  const article = articleOf(result);
  const blocksRemoved = result.kept.filter((t) => t === undefined).length;
  const cleaned: CleanResult = {
    ...(doc.id !== undefined ? { id: doc.id } : {}),
    ...(doc.path !== undefined ? { path: doc.path } : {}),
    ...(doc.url !== undefined ? { url: doc.url } : {}),
    type,
    outlet: resolved.outlet,
    outletFrom: from,
    ruleFiles: resolved.files,
    text: result.text,
    ...(options.html ? { html: articleHtml(applyRemovals(tree, result), article) } : {}),
    ...(options.markdown ? { markdown: articleMarkdown(article, result.title === undefined ? undefined : result.kept[result.title]) } : {}),
    article,
    fields: result.fields,
    metadata: result.metadata,
    removals: result.removals,
    ...(result.stale ? { stale: result.stale } : {}),
    ...keepsOf(result),
    ...(result.relaxed ? { relaxed: result.relaxed } : {}),
    stats: {
      blocksIn: result.view.blocks.length,
      blocksRemoved,
      wordsIn: result.wordsIn,
      wordsOut: result.wordsOut,
      wordsRemoved: result.wordsIn - result.wordsOut,
    },
  };
  return { result: cleaned, engine: result };
}

/** What each keep rule kept in a run that another rule would have removed, in rule order; nothing when none did. */
function keepsOf(result: EngineResult): Pick<CleanResult, 'keeps'> {
  const words = new Map<number, number>();
  for (const block of result.view.blocks) if (block.keptBy !== undefined && result.spared.has(block.index)) words.set(block.keptBy, (words.get(block.keptBy) ?? 0) + block.words);
  if (words.size === 0) return {};
  return { keeps: [...words].sort((a, b) => a[0] - b[0]).map(([index, n]) => ({ rule: result.rules[index].id, outlet: result.rules[index].outlet, words: n })) };
}
