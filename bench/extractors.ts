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
import { readBlocks } from '../src/kernel/engine/blocks.js';
import { htmlToHast } from '../src/kernel/parse/html.js';
import type { HtmlParser } from '../src/kernel/parse/index.js';

export interface Extractor {
  name: string;
  /** Article text, one paragraph per block. */
  extract(html: string, url: string | undefined): Promise<string> | string;
  /**
   * The tool's own work alone (what a speed benchmark times): Winnow's cleaned text, or a
   * peer's article HTML before it is turned into block text.
   */
  run(html: string, url: string | undefined): Promise<string> | string;
  /** `run`'s output -> the text `extract` returns. */
  toText(output: string): string;
}

/** An extractor whose article HTML becomes block text. */
function peer(name: string, run: Extractor['run']): Extractor {
  return {
    name,
    run,
    toText: (output) => (output ? htmlToBlockText(output) : ''),
    async extract(html, url) {
      const output = await run(html, url);
      return output ? htmlToBlockText(output) : '';
    },
  };
}

/** Article HTML -> text, one paragraph per block. */
export function htmlToBlockText(html: string): string {
  const { blocks } = readBlocks(htmlToHast(html));
  return blocks.length ? `${blocks.map((b) => b.text).join('\n\n')}\n` : '';
}

const FALLBACK_URL = 'http://example.com/';

export interface WinnowExtractor extends Extractor {
  /** Pages the safety net relaxed, by step (see src/kernel/engine/relax.ts). */
  relaxed: Map<number, number>;
}

export function winnow(rules: RuleSet = loadRules('rules'), name = 'winnow', parser: HtmlParser = 'fast'): WinnowExtractor {
  const relaxed = new Map<number, number>();
  const run = (html: string, url: string | undefined) => {
    const result = clean({ content: html, type: 'html', url }, { rules, parser });
    if (result.relaxed) relaxed.set(result.relaxed.step, (relaxed.get(result.relaxed.step) ?? 0) + 1);
    return result.text;
  };
  return { name, relaxed, run, extract: run, toText: (output) => output };
}

export const readabilityLinkedom: Extractor = peer('readability+linkedom', (html) => {
  const { document } = parseHTML(html);
  return new Readability(document as unknown as Document).parse()?.content ?? '';
});

const quiet = new VirtualConsole();

export const readabilityJsdom: Extractor = peer('readability+jsdom', (html, url) => {
  const dom = new JSDOM(html, { url: url ?? FALLBACK_URL, virtualConsole: quiet });
  try {
    return new Readability(dom.window.document).parse()?.content ?? '';
  } finally {
    dom.window.close();
  }
});

export const defuddleLinkedom: Extractor = peer('defuddle+linkedom', async (html, url) => {
  const { document } = parseHTML(html);
  const result = await Defuddle(document as unknown as Document, url ?? FALLBACK_URL);
  return result?.content ?? '';
});

export const PEERS: Extractor[] = [readabilityLinkedom, readabilityJsdom, defuddleLinkedom];
