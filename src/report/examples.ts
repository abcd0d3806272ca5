/**
 * A bounded, uniform sample of a rule's removals (reservoir sampling, Algorithm R), so a rule that
 * fired a million times still carries only a few examples. Identical snippets are offered once
 * while held ("ADVERTISEMENT" a thousand times is one example, not three). The random source is
 * seeded, so the same corpus in the same order gives the same report.
 */
import type { ReportExample } from './types.js';

/** Any fixed seed works; fixed so reports are reproducible. */
const SEED = 0x5eed_c0de;
const ELLIPSIS = '…';

/** mulberry32: a tiny, well-distributed 32-bit PRNG, enough for sampling. */
export function seededRandom(seed = SEED): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `text` cut to at most `max` characters (on a code point boundary), with an ellipsis when cut. */
export function truncate(text: string, max: number): { text: string; truncated: boolean } {
  if (text.length <= max) return { text, truncated: false };
  let end = Math.max(0, max - ELLIPSIS.length);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return { text: text.slice(0, end).trimEnd() + ELLIPSIS, truncated: true };
}

export class ExampleReservoir {
  private readonly held: ReportExample[] = [];
  private seen = 0;

  constructor(
    private readonly size: number,
    private readonly chars: number,
    private readonly random: () => number,
  ) {}

  offer(document: string, fullText: string, words: number): void {
    if (this.size === 0) return;
    const { text, truncated } = truncate(fullText, this.chars);
    if (this.held.some((e) => e.text === text)) return;
    this.seen++;
    const example: ReportExample = { document, text, words, ...(truncated ? { truncated: true as const } : {}) };
    if (this.held.length < this.size) {
      this.held.push(example);
      return;
    }
    const slot = Math.floor(this.random() * this.seen);
    if (slot < this.size) this.held[slot] = example;
  }

  examples(): ReportExample[] {
    return [...this.held];
  }
}
