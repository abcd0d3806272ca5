/**
 * Split a byte stream into lines without decoding it, holding at most one line (capped) in
 * memory: a JSONL file of any size streams through, and one runaway line cannot exhaust memory.
 */

export interface Line {
  /** 1-based line number. */
  number: number;
  /** The line's bytes, without the newline (and without a trailing `\r`); absent when over the cap. */
  bytes?: Uint8Array;
  /** Length of the line in bytes (also when it was over the cap and dropped). */
  length: number;
}

/** Lines as they are read; `lines` tells how many were complete when the stream stopped (or failed). */
export class LineSplitter {
  /** Lines read so far: those yielded, and the blank lines between them. */
  lines = 0;

  /**
   * `maxLineBytes` caps one line; a run of blank lines longer than `maxBlankBytes` (default: the
   * same) stops the stream with `BlankRunError`: 4 GiB of newlines in a 4 MB .gz file is a bomb,
   * not a corpus.
   */
  constructor(
    private readonly maxLineBytes: number,
    private readonly maxBlankBytes = maxLineBytes,
  ) {}

  async *split(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Line> {
    let parts: Uint8Array[] = [];
    let length = 0;
    let blank = 0;
    for await (const chunk of chunks) {
      let start = 0;
      while (start <= chunk.length) {
        // Blank lines between records are counted, not yielded one by one.
        if (length === 0) {
          const from = start;
          while (start < chunk.length && (chunk[start] === 0x0a || chunk[start] === 0x0d)) {
            if (chunk[start] === 0x0a) this.lines++;
            start++;
          }
          blank += start - from;
          if (blank > this.maxBlankBytes) throw new BlankRunError(`more than ${this.maxBlankBytes} bytes of blank lines in a row, up to line ${this.lines} (a decompression bomb?)`);
          // The chunk ended among blank lines: the run goes on in the next one.
          if (start === chunk.length) break;
          blank = 0;
        }
        const newline = chunk.indexOf(0x0a, start);
        const end = newline === -1 ? chunk.length : newline;
        if (end > start) {
          if (length + (end - start) <= this.maxLineBytes) parts.push(chunk.subarray(start, end));
          else parts = [];
          length += end - start;
        }
        if (newline === -1) break;
        yield this.line(parts, length);
        parts = [];
        length = 0;
        start = newline + 1;
      }
    }
    // A last line without a newline is still a line.
    if (length > 0) yield this.line(parts, length);
  }

  private line(parts: Uint8Array[], length: number): Line {
    this.lines++;
    if (length > this.maxLineBytes) return { number: this.lines, length };
    const bytes = new Uint8Array(length);
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.length;
    }
    const end = length > 0 && bytes[length - 1] === 0x0d ? length - 1 : length;
    return { number: this.lines, bytes: end === length ? bytes : bytes.subarray(0, end), length };
  }
}

/** True when the bytes hold only spaces, tabs and line ends (a blank JSONL line, not a record). */
export function isBlank(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0a) return false;
  return true;
}

/** A run of blank lines over the cap (see `LineSplitter`). */
export class BlankRunError extends Error {}
