/** Aligned text tables for the terminal: every command's tables (rules, reports, eval, explain) go through here. */

export interface Column {
  title: string;
  /** Numbers align right (default: left). */
  align?: 'left' | 'right';
}

/**
 * The header line and one line per row, columns padded to their widest cell and two spaces
 * apart, trailing blanks trimmed. `paint` may colour a whole row, `head` the header line.
 */
export function alignRows(columns: ReadonlyArray<Column | string>, rows: string[][], paint: (row: number, line: string) => string = (_, l) => l, head: (l: string) => string = (l) => l): string[] {
  const cols = columns.map((c) => (typeof c === 'string' ? { title: c } : c));
  const widths = cols.map((c, i) => Math.max(c.title.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cols.map((c, i) => (c.align === 'right' ? (cells[i] ?? '').padStart(widths[i]) : (cells[i] ?? '').padEnd(widths[i]))).join('  ').trimEnd();
  return [head(line(cols.map((c) => c.title))), ...rows.map((r, i) => paint(i, line(r)))];
}
