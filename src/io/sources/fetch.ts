/**
 * A web page named on the command line (`winnow clean https://...`), fetched with Node's fetch:
 * redirects followed (the final address is the document's URL, so its outlet is found by the host
 * it landed on), a time limit, the size cap applied to the bytes received (not to what
 * Content-Length claims), and the charset and markup the response's Content-Type declares handed
 * to the decoder as a WARC record's are. Every failure is a reason for an error record.
 */
import type { CorpusItem } from './items.js';

/** What an input names when it is a web page rather than a path. */
export const WEB_ADDRESS = /^https?:\/\//i;

export interface FetchOptions {
  /** Time limit for the whole response, headers and body, in milliseconds (0: none). */
  timeoutMs: number;
  maxBytes: number;
  /** The output name (without extension) when mirroring into a folder. */
  outputName: string;
}

const USER_AGENT = 'winnow (+https://www.npmjs.com/package/winnow)';

export async function fetchDocument(address: string, options: FetchOptions): Promise<CorpusItem> {
  const failed = (reason: string): CorpusItem => ({ kind: 'failed', id: address, source: address, reason });
  const controller = new AbortController();
  let timedOut = false;
  const timer =
    options.timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, options.timeoutMs)
      : undefined;
  try {
    const response = await fetch(address, { redirect: 'follow', signal: controller.signal, headers: { 'user-agent': USER_AGENT, accept: 'text/html,text/plain;q=0.9,*/*;q=0.1' } });
    if (!response.ok) {
      await response.body?.cancel();
      return failed(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} from ${response.url || address}`);
    }
    const type = response.headers.get('content-type') ?? '';
    const mime = type.split(';')[0].trim().toLowerCase();
    // No Content-Type: the document's own bytes tell (as for a file); a script or a style sheet is not a document.
    const markup = mime === '' ? undefined : mime === 'text/html' || mime === 'application/xhtml+xml' ? 'html' : mime === 'text/plain' || mime === 'text/markdown' ? 'text' : null;
    if (markup === null) {
      await response.body?.cancel();
      return failed(`not an HTML or text page: Content-Type ${mime}`);
    }
    const declared = Number(response.headers.get('content-length'));
    if (declared > options.maxBytes) {
      await response.body?.cancel();
      return failed(`over the size cap: ${declared} bytes, more than ${options.maxBytes} (--max-bytes)`);
    }
    const parts: Uint8Array[] = [];
    let length = 0;
    // Past the cap the body is cancelled: nothing more is downloaded.
    const reader = response.body?.getReader();
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      length += value.length;
      if (length > options.maxBytes) {
        await reader.cancel();
        break;
      }
      parts.push(value);
    }
    if (length > options.maxBytes) return failed(`over the size cap: more than ${options.maxBytes} bytes (--max-bytes)`);
    const bytes = new Uint8Array(length);
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.length;
    }
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(type)?.[1];
    return {
      kind: 'document',
      doc: { format: 'bytes', source: address, id: address, outputName: options.outputName, url: response.url || address, ...(markup ? { markup } : {}), ...(charset ? { charset } : {}), bytes },
    };
  } catch (error) {
    if (timedOut) return failed(`no complete response within ${options.timeoutMs / 1000} s (--timeout)`);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return failed(`cannot fetch: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}

/** `https://example.com/news/a-story.html?x=1` -> `example.com/news/a-story`: where a fetched page's output goes under --out DIR. */
export function outputNameOfAddress(address: string): string {
  const url = new URL(address);
  const path = url.pathname.replace(/\/+$/, '/index').replace(/\.[a-z0-9]{1,5}$/i, '');
  const parts = [url.host, ...path.split('/').filter(Boolean)].map((part) => decodeSafe(part).replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^\.+/, '_'));
  return parts.join('/');
}

function decodeSafe(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
