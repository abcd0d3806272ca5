/**
 * Which blocks of a page are its gold text. Counting a block's words that occur somewhere in the
 * gold is not enough: a menu ("World", "Politics", "The Week") is made of words any article has.
 * So a block of four words or more is gold when most of its 4-word runs occur in the gold, and a
 * shorter one (a subheading, a one-line paragraph) when it occurs in the gold as a whole and sits
 * next to gold (the nearest longer block before or after it is gold).
 */
import { tokens } from '../kernel/text/words.js';

/** Words in a run compared with the gold. */
const RUN = 4;
/** Share of a block's runs that must occur in the gold. */
const GOLD_SHARE = 0.5;

export interface GoldMarks {
  /** Per block: its words (lower-cased tokens). */
  words: Int32Array;
  /** Per block: whether it is gold text. */
  gold: Uint8Array;
  /** Words of the gold text. */
  goldWords: number;
}

/** Mark each of `texts` (a page's blocks in reading order) as gold or not. */
export function markGold(texts: readonly string[], goldText: string): GoldMarks {
  const gold = lower(goldText);
  const runs = new Set<string>();
  for (let i = 0; i + RUN <= gold.length; i++) runs.add(gold.slice(i, i + RUN).join(' '));
  const joined = ` ${gold.join(' ')} `;
  const words = new Int32Array(texts.length);
  const marks = new Uint8Array(texts.length);
  const long = new Uint8Array(texts.length);
  texts.forEach((text, b) => {
    const ws = lower(text);
    words[b] = ws.length;
    if (ws.length >= RUN) {
      long[b] = 1;
      let hits = 0;
      for (let i = 0; i + RUN <= ws.length; i++) if (runs.has(ws.slice(i, i + RUN).join(' '))) hits++;
      marks[b] = hits >= GOLD_SHARE * (ws.length - RUN + 1) ? 1 : 0;
    } else if (ws.length > 0) marks[b] = joined.includes(` ${ws.join(' ')} `) ? 1 : 0;
  });
  const nearestLong = (b: number, step: number): number => {
    for (let j = b + step; j >= 0 && j < texts.length; j += step) if (long[j]) return marks[j];
    return 0;
  };
  const out = new Uint8Array(texts.length);
  for (let b = 0; b < texts.length; b++) out[b] = long[b] ? marks[b] : marks[b] && (nearestLong(b, -1) || nearestLong(b, 1)) ? 1 : 0;
  return { words, gold: out, goldWords: gold.length };
}

function lower(text: string): string[] {
  return tokens(text.toLowerCase());
}
