/**
 * Paths as messages, ids and reports show them: relative to the working folder when they are
 * inside it, else whole (`/data/x.html`, not `../../data/x.html`).
 */
import { isAbsolute, relative } from 'node:path';

export function shownPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  if (rel === '') return '.';
  return rel === '..' || rel.startsWith('../') || rel.startsWith('..\\') || isAbsolute(rel) ? path : rel;
}
