/**
 * The extractors compared in benchmarks: Winnow and its peers, each returning article text.
 *
 * Peers return article HTML; it is turned into text the same way for every tool (Winnow's block
 * view: one paragraph per block), so differences come from what each tool keeps, not from how
 * its HTML is flattened.
 */
import { Readability } from '@mozilla/readability';
import { Defuddle } from 'defuddle/node';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { clean, loadRules, type RuleSet } from '../src/index.js';
import { readBlocks } from '../src/engine/blocks.js';
import { htmlToHast } from '../src/parse/html.js';

export interface Extractor {
  name: string;
  extract(html: string, url: string | undefined): Promise<string> | string;
}

/** Article HTML -> text, one paragraph per block. */
export function htmlToBlockText(html: string): string {
  const { blocks } = readBlocks(htmlToHast(html));
  return blocks.length ? `${blocks.map((b) => b.text).join('\n\n')}\n` : '';
}

const FALLBACK_URL = 'http://example.com/';

export function winnow(rules: RuleSet = loadRules('rules'), name = 'winnow'): Extractor {
  return { name, extract: (html, url) => clean({ content: html, type: 'html', url }, { rules }).text };
}

export const readabilityLinkedom: Extractor = {
  name: 'readability+linkedom',
  extract(html) {
    const { document } = parseHTML(html);
    const article = new Readability(document as unknown as Document).parse();
    return article?.content ? htmlToBlockText(article.content) : '';
  },
};

const quiet = new VirtualConsole();

export const readabilityJsdom: Extractor = {
  name: 'readability+jsdom',
  extract(html, url) {
    const dom = new JSDOM(html, { url: url ?? FALLBACK_URL, virtualConsole: quiet });
    try {
      const article = new Readability(dom.window.document).parse();
      return article?.content ? htmlToBlockText(article.content) : '';
    } finally {
      dom.window.close();
    }
  },
};

export const defuddleLinkedom: Extractor = {
  name: 'defuddle+linkedom',
  async extract(html, url) {
    const { document } = parseHTML(html);
    const result = await Defuddle(document as unknown as Document, url ?? FALLBACK_URL);
    return result?.content ? htmlToBlockText(result.content) : '';
  },
};

export const PEERS: Extractor[] = [readabilityLinkedom, readabilityJsdom, defuddleLinkedom];
