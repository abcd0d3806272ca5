/**
 * The document as `explain` shows it: every block in order with what became of it, read from
 * the engine's own result (the run `clean` makes), never recomputed.
 */
import { keptRule, type EngineResult, type Removal } from '../kernel/engine/run.js';
import type { LoadedRule } from '../kernel/rules/parse.js';
import { collapseWhitespace } from '../kernel/text/words.js';

/** A piece of a block's original text, and the rule that cut it (none: kept). */
export interface Segment {
  text: string;
  removal?: Removal;
}

export interface AnnotatedBlock {
  index: number;
  /** Source line of the block, when the parser recorded it. */
  line?: number;
  /** The block's original text. */
  text: string;
  /** The removal that took the whole block, if one did. */
  removal?: Removal;
  /** The `keep` rule that kept the block where another rule would have removed it, if one did. */
  keptBy?: LoadedRule;
  /** The original text in pieces, each kept or cut by a `strip` rule (one kept piece when nothing was cut). */
  segments: Segment[];
}

export function annotateBlocks(engine: EngineResult): AnnotatedBlock[] {
  const whole = new Map<number, Removal>();
  for (const removal of engine.removals) if (!removal.partial) whole.set(removal.block, removal);
  const cuts = new Map<number, EngineResult['strips']>();
  for (const edit of engine.strips) cuts.set(edit.block, [...(cuts.get(edit.block) ?? []), edit]);

  return engine.view.blocks.map((block) => {
    const removal = whole.get(block.index);
    const edits = cuts.get(block.index);
    const keptBy = keptRule(engine, block);
    return {
      index: block.index,
      ...(block.position ? { line: block.position.start.line } : {}),
      text: block.text,
      ...(removal ? { removal } : {}),
      ...(keptBy ? { keptBy } : {}),
      segments: edits && !removal ? cutSegments(block.text, edits) : [{ text: block.text }],
    };
  });
}

/**
 * Place each cut of a block in its original text. A cut's ranges index the text as it was just
 * before it (after earlier cuts and whitespace collapsing), so every character of the current
 * text is traced back to its place in the original.
 */
function cutSegments(original: string, edits: EngineResult['strips']): Segment[] {
  const owner: Array<Removal | undefined> = new Array(original.length).fill(undefined);
  // map[k]: where character k of the current text (UTF-16 units, as regex ranges count) sits in the original.
  let map = Array.from({ length: original.length }, (_, i) => i);
  for (const edit of edits) {
    if (edit.before.length !== map.length) break;
    const cut = new Array<boolean>(edit.before.length).fill(false);
    for (const [start, end] of edit.ranges) for (let k = start; k < end; k++) cut[k] = true;
    const keptChars: string[] = [];
    const keptMap: number[] = [];
    edit.before.split('').forEach((ch, k) => {
      if (cut[k]) owner[map[k]] ??= edit.removal;
      else {
        keptChars.push(ch);
        keptMap.push(map[k]);
      }
    });
    map = collapseMap(keptChars, keptMap);
    if (map.length !== collapseWhitespace(keptChars.join('')).length) break;
  }
  const segments: Segment[] = [];
  for (let i = 0; i < original.length; i++) {
    const last = segments[segments.length - 1];
    if (last && last.removal === owner[i]) last.text += original[i];
    else segments.push({ text: original[i], ...(owner[i] ? { removal: owner[i] } : {}) });
  }
  return segments;
}

/** Positions that survive `collapseWhitespace`: runs of whitespace become their first character, ends trimmed. */
function collapseMap(chars: string[], map: number[]): number[] {
  const out: number[] = [];
  let pendingSpace: number | undefined;
  chars.forEach((ch, k) => {
    if (/\s/.test(ch)) {
      if (out.length > 0 && pendingSpace === undefined) pendingSpace = map[k];
      return;
    }
    if (pendingSpace !== undefined) out.push(pendingSpace);
    pendingSpace = undefined;
    out.push(map[k]);
  });
  return out;
}
