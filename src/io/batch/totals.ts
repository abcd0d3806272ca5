/** Running totals of a batch: what the summary line and the progress report, and what a checkpoint saves. */
import type { DocumentStats } from './messages.js';

export interface TotalsJson {
  cleaned: number;
  failed: number;
  skipped: number;
  warned: number;
  wordsIn: number;
  wordsOut: number;
  outlets: string[];
  rules: string[];
}

export class Totals {
  /** Documents cleaned. */
  cleaned = 0;
  /** Documents (or unreadable parts of files) that became error records. */
  failed = 0;
  /** WARC records that are not documents to clean (images, redirects). */
  skipped = 0;
  /** Cleaned documents with a warning (invalid bytes in their encoding). */
  warned = 0;
  wordsIn = 0;
  wordsOut = 0;
  /** Outlets whose rules applied. */
  readonly outlets = new Set<string>();
  /** `outlet/rule` of every rule that removed something. */
  readonly rules = new Set<string>();

  /** Documents finished, whichever way. */
  get done(): number {
    return this.cleaned + this.failed + this.skipped;
  }

  addCleaned(stats: DocumentStats, warned: boolean): void {
    this.cleaned++;
    if (warned) this.warned++;
    this.wordsIn += stats.wordsIn;
    this.wordsOut += stats.wordsOut;
    this.outlets.add(stats.outlet);
    for (const rule of stats.rules) this.rules.add(rule);
  }

  toJSON(): TotalsJson {
    const { cleaned, failed, skipped, warned, wordsIn, wordsOut } = this;
    return { cleaned, failed, skipped, warned, wordsIn, wordsOut, outlets: [...this.outlets].sort(), rules: [...this.rules].sort() };
  }

  static from(json: TotalsJson): Totals {
    const totals = new Totals();
    Object.assign(totals, { cleaned: json.cleaned, failed: json.failed, skipped: json.skipped, warned: json.warned, wordsIn: json.wordsIn, wordsOut: json.wordsOut });
    for (const outlet of json.outlets) totals.outlets.add(outlet);
    for (const rule of json.rules) totals.rules.add(rule);
    return totals;
  }
}
