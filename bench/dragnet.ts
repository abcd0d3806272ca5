/**
 * Reads a corpus in the Dragnet layout (`html/ID.html`, `gold/ID.txt`, `manifest.jsonl` with
 * {id, url, host}), such as ../shared/corpus/dragnet-train.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Page {
  id: string;
  url?: string;
  host?: string;
  /** The page's raw bytes as crawled. */
  bytes: Buffer;
  /** The page decoded to a string. */
  html: string;
  gold: string;
}

/** Decode raw page bytes: a BOM or a declared charset when it is one TextDecoder knows, else UTF-8. */
export function decodePage(bytes: Buffer): string {
  const head = bytes.subarray(0, 4096).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

export function readDragnet(dir: string, limit = Infinity): Page[] {
  if (!existsSync(join(dir, 'html'))) throw new Error(`${dir}: not a Dragnet-layout corpus (expected html/, gold/, manifest.jsonl)`);
  const meta = new Map<string, { url?: string; host?: string }>();
  const manifest = join(dir, 'manifest.jsonl');
  if (existsSync(manifest)) {
    for (const line of readFileSync(manifest, 'utf8').split('\n')) {
      if (line.trim()) {
        const entry = JSON.parse(line) as { id: string; url?: string; host?: string };
        meta.set(entry.id, entry);
      }
    }
  }
  const ids = readdirSync(join(dir, 'html'))
    .filter((name) => name.endsWith('.html'))
    .map((name) => name.slice(0, -'.html'.length))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .slice(0, limit);
  return ids.map((id) => {
    const bytes = readFileSync(join(dir, 'html', `${id}.html`));
    const goldPath = join(dir, 'gold', `${id}.txt`);
    return {
      id,
      url: meta.get(id)?.url || undefined,
      host: meta.get(id)?.host || undefined,
      bytes,
      html: decodePage(bytes),
      gold: existsSync(goldPath) ? readFileSync(goldPath, 'utf8') : '',
    };
  });
}
