/**
 * A peer extractor as a whole process, the way a user would run it over a folder: read every
 * `.html` file of IN, extract the article, write its text to OUT/<name>.txt. What bench/process.ts
 * times against `winnow clean IN --out OUT --jobs 1`.
 *
 *   node build/bench/peer-process.js readability|defuddle IN OUT
 *
 * Only the tool's own modules are loaded (Readability or Defuddle, on linkedom). The text written
 * is the article's `textContent`.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [tool, input, output] = process.argv.slice(2);
if (!tool || !input || !output || !['readability', 'defuddle'].includes(tool)) {
  process.stderr.write('usage: node build/bench/peer-process.js readability|defuddle IN OUT\n');
  process.exit(2);
}
const { parseHTML } = await import('linkedom');
const extract: (html: string) => Promise<string> =
  tool === 'readability'
    ? await (async () => {
        const { Readability } = await import('@mozilla/readability');
        return async (html: string) => new Readability(parseHTML(html).document as unknown as Document).parse()?.textContent ?? '';
      })()
    : await (async () => {
        const { Defuddle } = await import('defuddle/node');
        return async (html: string) => {
          const result = await Defuddle(parseHTML(html).document as unknown as Document, 'http://example.com/');
          return result?.content ? parseHTML(`<html><body>${result.content}</body></html>`).document.body.textContent ?? '' : '';
        };
      })();

mkdirSync(output, { recursive: true });
for (const name of readdirSync(input).filter((n) => n.endsWith('.html')).sort()) {
  let text = '';
  try {
    text = await extract(readFileSync(join(input, name), 'utf8'));
  } catch {
    // A page the tool cannot read gives no text, as a batch would carry on.
  }
  writeFileSync(join(output, name.replace(/\.html$/, '.txt')), text);
}
