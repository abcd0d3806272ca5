/**
 * Bytes -> text, the way a browser picks the character set: a byte-order mark, then the
 * transport's charset (the HTTP Content-Type of a WARC response), then `<meta charset>` or
 * `<meta http-equiv="Content-Type">` in the first 1024 bytes (HTML only), else UTF-8. One
 * exception: bytes that are valid UTF-8 and hold characters beyond ASCII are UTF-8, whatever
 * the page declares. Text in a legacy encoding is almost never valid UTF-8 by chance, while
 * crawlers often store a page re-encoded as UTF-8 with its old `<meta charset>` left in place
 * (a browser would show "cafÃ©"; the page meant "café").
 *
 * The sniffing is encoding-sniffer's (the WHATWG algorithm, as cheerio uses it) and the
 * decoding a WHATWG TextDecoder, so every label a page may declare ("latin1", "sjis", ...)
 * means what it means in a browser. Bytes that are invalid in the chosen encoding decode to
 * U+FFFD and produce a warning; binary data and empty documents are refused.
 */
import { getBOMEncoding, labelToName, TextDecoder as WhatwgTextDecoder } from '@exodus/bytes/encoding.js';
import { getEncoding as sniffHtmlEncoding } from 'encoding-sniffer';
import { isAscii, isUtf8 } from 'node:buffer';

/** Used when nothing declares an encoding: what nearly every page written today is in. */
const FALLBACK_ENCODING = 'UTF-8';
/** How far to look for NUL bytes when deciding a file is binary (git's own rule and window). */
const BINARY_SCAN_BYTES = 8000;
/** Encodings whose text legitimately holds NUL bytes, so the NUL test does not apply. */
const WIDE_ENCODING = /^UTF-16/i;

export interface DecodeHints {
  /** `html` runs the `<meta charset>` prescan; `text` skips it (a text file has no markup). */
  markup: 'html' | 'text' | 'unknown';
  /** The charset label the transport declared (a WARC record's HTTP Content-Type). */
  transportCharset?: string;
}

export interface Decoded {
  text: string;
  /** The WHATWG name of the encoding used, e.g. `UTF-8`, `windows-1252`. */
  encoding: string;
  /** Problems that did not stop decoding (invalid bytes replaced). */
  warnings: string[];
}

/** A document that cannot be cleaned; `reason` goes into errors.jsonl. */
export class UnreadableDocument extends Error {}

export function decodeDocument(bytes: Uint8Array, hints: DecodeHints): Decoded {
  if (bytes.byteLength === 0) throw new UnreadableDocument('empty document (0 bytes)');
  const declared = hints.markup === 'text' ? textEncoding(bytes, hints.transportCharset) : sniffHtmlEncoding(bytes, {
    transportLayerEncodingLabel: hints.transportCharset,
    defaultEncoding: FALLBACK_ENCODING,
  });
  const encoding = declared !== FALLBACK_ENCODING && !WIDE_ENCODING.test(declared) && getBOMEncoding(bytes) === null && isUtf8BeyondAscii(bytes) ? FALLBACK_ENCODING : declared;
  if (!WIDE_ENCODING.test(encoding) && hasNul(bytes)) throw new UnreadableDocument('binary data, not a text or HTML document (NUL bytes in the first 8000 bytes)');
  const warnings: string[] = [];
  let text: string;
  try {
    text = new WhatwgTextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    text = new WhatwgTextDecoder(encoding).decode(bytes);
    const replaced = countReplacements(text);
    warnings.push(`invalid ${encoding} bytes: ${replaced} character${replaced === 1 ? '' : 's'} replaced with U+FFFD (is the declared encoding wrong?)`);
  }
  if (text.trim() === '') throw new UnreadableDocument(`empty document (${bytes.byteLength} bytes of whitespace)`);
  return { text, encoding, warnings };
}

/** Plain text has no `<meta>`: its encoding comes from a BOM or the transport only. */
function textEncoding(bytes: Uint8Array, transportCharset: string | undefined): string {
  const bom = getBOMEncoding(bytes);
  return (bom && labelToName(bom)) ?? (transportCharset && labelToName(transportCharset)) ?? FALLBACK_ENCODING;
}

/** The bytes hold some non-ASCII character, and all of them are valid UTF-8 (both checks in native code). */
function isUtf8BeyondAscii(bytes: Uint8Array): boolean {
  return !isAscii(bytes) && isUtf8(bytes);
}

function hasNul(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.byteLength, BINARY_SCAN_BYTES);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}
