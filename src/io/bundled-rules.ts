/** Where the rules shipped with the package are: `rules/` beside `dist/` (or `src/`). */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BUNDLED_RULES = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'rules');
