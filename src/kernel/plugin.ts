/**
 * rehype plugin: `unified().use(rehypeParse).use(rehypeWinnow, {rules}).use(rehypeStringify)`.
 * Removes what the rules match from the tree and leaves the removal record on `file.data.winnow`.
 */
import type { Root } from 'hast';
import type { VFile } from 'vfile';
import { articleOf, type Article } from './article.js';
import { applyRemovals } from './engine/apply.js';
import type { Fields } from './engine/fields.js';
import { runWithSafetyNet, type Relaxation } from './engine/relax.js';
import type { Removal } from './engine/run.js';
import { resolveOutlet } from './rules/outlet.js';
import type { RuleSet } from './rules/ruleset.js';

export interface WinnowPluginOptions {
  /** Loaded rules (`loadRules(dir)`). */
  rules: RuleSet;
  /** The outlet to apply; otherwise found from `url`, then from the file's path. */
  outlet?: string;
  /** The document's URL, for outlet resolution by host. */
  url?: string;
  /** Keep the headline in the tree as the title (default: true); `false` removes it with the rest. */
  title?: boolean;
}

export interface WinnowFileData {
  outlet: string;
  /** The article: its fields (title, authors, date, ...) and its body. */
  article: Article;
  /** Each field with the rule that gave it. */
  fields: Fields;
  removals: Removal[];
  metadata: Record<string, string>;
  wordsIn: number;
  wordsOut: number;
  /** Present when the safety net relaxed the rules. */
  relaxed?: Relaxation;
  /** Rules that could have found the article (`content`) and found nothing on this page (`outlet/id`). */
  stale?: string[];
}

declare module 'vfile' {
  interface DataMap {
    winnow: WinnowFileData;
  }
}

export default function rehypeWinnow(options: WinnowPluginOptions) {
  if (!options?.rules) throw new Error('rehype-winnow: missing `rules`; pass `{rules: loadRules("rules")}`');
  return (tree: Root, file: VFile) => {
    const { outlet } = resolveOutlet(options.rules, { outlet: options.outlet, url: options.url, path: file.path });
    const resolved = options.rules.forOutlet(outlet);
    const result = runWithSafetyNet(tree, resolved.rules, undefined, { keepTitle: options.title ?? true });
    applyRemovals(tree, result);
    file.data.winnow = {
      outlet: resolved.outlet,
      article: articleOf(result),
      fields: result.fields,
      removals: result.removals,
      metadata: result.metadata,
      wordsIn: result.wordsIn,
      wordsOut: result.wordsOut,
      ...(result.relaxed ? { relaxed: result.relaxed } : {}),
      ...(result.stale ? { stale: result.stale } : {}),
    };
  };
}
