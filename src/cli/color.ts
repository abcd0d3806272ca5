/** Colour for terminal output: only on a TTY, never when NO_COLOR is set (https://no-color.org). */
import picocolors from 'picocolors';
import type { Io } from './io.js';

export type Colors = ReturnType<typeof picocolors.createColors>;

/** Whether to colour what goes to `stream`: FORCE_COLOR (not "0") forces it, NO_COLOR wins over both. */
export function colorEnabled(stream: Io['stdout'], env: Record<string, string | undefined> = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

export function colorsFor(io: Io): Colors {
  return picocolors.createColors(colorEnabled(io.stdout, io.env ?? process.env));
}
