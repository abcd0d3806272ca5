/** Walking a folder tree for files, iteratively (no recursion, whatever the depth). */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `root` whose name `accept` takes, in no particular order (sort if order matters). */
export function* walkFiles(root: string, accept: (name: string) => boolean): Generator<string> {
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (entry.isFile() && accept(entry.name)) yield full;
    }
  }
}
