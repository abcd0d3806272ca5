/**
 * One file, one document: an HTML page or a plain-text copy of one. Read whole, up to the size
 * cap: a file stat says is larger is refused unread, and reading stops at the cap whatever stat
 * said (a device, a pipe, a file that grew).
 */
import type { CorpusItem } from '../items.js';
import type { FormatSource, SourceFormat } from './registry.js';

export const document: SourceFormat = {
  name: 'document',
  description: 'one HTML or plain-text document per file',
  // A folder walk reads pages and text copies of pages; a `.md` file is read only when named.
  files: /\.(x?html?|txt|text)$/i,
  many: false,
  async *read(source: FormatSource): AsyncGenerator<CorpusItem> {
    const failed = (reason: string): CorpusItem => ({ kind: 'failed', id: source.shown, source: source.shown, reason });
    if (source.isDone()) {
      yield { kind: 'resumed' };
      return;
    }
    if (source.size !== undefined && source.size > source.maxBytes) {
      yield failed(`over the size cap: ${source.size} bytes, more than ${source.maxBytes} (--max-bytes)`);
      return;
    }
    const parts: Uint8Array[] = [];
    let length = 0;
    try {
      for await (const chunk of source.chunks()) {
        length += chunk.length;
        if (length > source.maxBytes) {
          yield failed(`over the size cap: more than ${source.maxBytes} bytes (--max-bytes)`);
          return;
        }
        parts.push(chunk);
      }
    } catch (error) {
      yield failed(readError(error));
      return;
    }
    const bytes = new Uint8Array(length);
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.length;
    }
    const { manifest } = source;
    yield {
      kind: 'document',
      doc: {
        format: 'bytes',
        source: source.shown,
        id: source.shown,
        outputName: source.outputName,
        ...(source.path !== undefined ? { path: source.shown } : {}),
        ...(manifest?.url ? { url: manifest.url } : {}),
        ...(manifest?.outlet ? { outlet: manifest.outlet } : {}),
        bytes,
      },
    };
  },
};

/** A read error as an error record's reason. */
export function readError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file or folder' : `cannot read: ${(error as Error).message}`;
}
