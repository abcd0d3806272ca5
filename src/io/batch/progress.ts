/**
 * How far a batch has got, on stderr: on a terminal, a bar redrawn in place (documents, MB read,
 * rate and ETA over the last ten seconds); otherwise (a log file, CI) a plain line every few
 * seconds; nothing with --quiet.
 * Messages about single documents go through `log`, so they never tear the bar.
 */
import type { Totals } from './totals.js';

/** Redraws per second of the bar: smooth enough, cheap enough. */
const BAR_INTERVAL_MS = 200;
/** A plain line this often when stderr is not a terminal. */
const LINE_INTERVAL_MS = 5000;
const BAR_WIDTH = 24;
/** Rate and ETA are measured over this much of the recent past: a start-up's slow seconds do not skew them for the rest of the run. */
const RATE_WINDOW_MS = 10_000;
const MB = 1024 * 1024;

export type ProgressMode = 'bar' | 'lines' | 'none';

export interface ProgressSource {
  totals: Totals;
  /** Bytes of input read so far. */
  bytes: () => number;
  /** Bytes of input in all, when known. */
  totalBytes?: number;
}

/** How far the run had got at one moment. */
interface Sample {
  at: number;
  done: number;
  bytes: number;
}

export class Progress {
  private readonly timer?: NodeJS.Timeout;
  private drawn = false;
  /** Recent samples, oldest first: the rate is measured from the oldest within the window. */
  private readonly samples: Sample[];

  constructor(
    private readonly stream: { write(chunk: string): unknown },
    private readonly mode: ProgressMode,
    private readonly source: ProgressSource,
    /** The clock (milliseconds); tests pass their own. */
    private readonly now: () => number = Date.now,
  ) {
    this.samples = [{ at: now(), done: source.totals.done, bytes: source.bytes() }];
    if (mode !== 'none') {
      this.timer = setInterval(() => this.draw(), mode === 'bar' ? BAR_INTERVAL_MS : LINE_INTERVAL_MS);
      this.timer.unref();
    }
  }

  /** Write a message line (an error, a note) without breaking the bar. */
  log(line: string): void {
    this.clear();
    this.stream.write(`${line}\n`);
    if (this.mode === 'bar') this.draw();
  }

  stop(): void {
    clearInterval(this.timer);
    this.clear();
  }

  /** The status line: also what a plain progress line says. */
  status(): string {
    const { totals, totalBytes } = this.source;
    const bytes = this.source.bytes();
    const now = this.now();
    // Keep one sample older than the window (the rate's starting point) and those within it.
    while (this.samples.length > 1 && this.samples[1].at <= now - RATE_WINDOW_MS) this.samples.shift();
    const from = this.samples[0];
    this.samples.push({ at: now, done: totals.done, bytes });
    const seconds = Math.max((now - from.at) / 1000, 0.001);
    const rate = (totals.done - from.done) / seconds;
    const byteRate = (bytes - from.bytes) / seconds;
    const parts = [
      `${totals.done.toLocaleString('en')} documents (${totals.failed.toLocaleString('en')} failed)`,
      totalBytes ? `${mb(bytes)} of ${mb(totalBytes)} MB` : `${mb(bytes)} MB`,
      `${rate.toFixed(rate < 10 ? 1 : 0)} docs/s`,
    ];
    if (totalBytes && byteRate > 0) parts.push(`ETA ${duration(Math.max(totalBytes - bytes, 0) / byteRate)}`);
    return parts.join(', ');
  }

  private draw(): void {
    if (this.mode === 'lines') {
      this.stream.write(`winnow: ${this.status()}\n`);
      return;
    }
    if (this.mode !== 'bar') return;
    const { totalBytes } = this.source;
    const share = totalBytes ? Math.min(this.source.bytes() / totalBytes, 1) : undefined;
    const filled = share === undefined ? 0 : Math.round(share * BAR_WIDTH);
    const bar = share === undefined ? '' : `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${Math.floor(share * 100)}% `;
    this.stream.write(`\r${bar}${this.status()}\x1b[K`);
    this.drawn = true;
  }

  private clear(): void {
    if (this.drawn) this.stream.write('\r\x1b[K');
    this.drawn = false;
  }
}

function mb(bytes: number): string {
  return (bytes / MB).toLocaleString('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** 95 -> "1m35s", 4000 -> "1h06m". */
export function duration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
