/**
 * Every command reads documents through one source layer and one decoder, so a page decodes the
 * same way in `clean`, `explain`, `eval` and `learn`. Two kinds of page: one in windows-1252 that
 * says so, and one stored as UTF-8 that still declares iso-8859-1 (a browser believes the
 * declaration and shows "cafÃ©"; bytes that are valid UTF-8 beyond ASCII are read as UTF-8, so
 * both read "café").
 */
import { join } from 'node:path';
import { run, writeTree } from './helpers.js';

/** Three pages of one outlet: an article with a line the outlet prints on every page. */
function page(i: number, charset: string): string {
  return `<!doctype html><html><head><meta charset="${charset}"><title>Article ${i}</title></head><body>
<article><h1>Article ${i}</h1>
<p>Le café numéro ${i} du quartier ferme ses portes après trente ans, disent les habitués du comptoir.</p>
<p>Réservé aux abonnés du café</p>
<p>La propriétaire, qui a repris l'affaire de ses parents en ${1990 + i}, part à la retraite à la fin du mois.</p>
</article></body></html>`;
}

const GOLD = (i: number) => `Article ${i}\n\nLe café numéro ${i} du quartier ferme ses portes après trente ans, disent les habitués du comptoir.\n\nRéservé aux abonnés du café\n\nLa propriétaire, qui a repris l'affaire de ses parents en ${1990 + i}, part à la retraite à la fin du mois.\n`;

const dir = writeTree(
  Object.fromEntries(
    [1, 2, 3].flatMap((i) => [
      [`latin/p${i}.html`, Buffer.from(page(i, 'windows-1252'), 'latin1')],
      [`latin/p${i}.gold.txt`, GOLD(i)],
      [`mislabelled/p${i}.html`, Buffer.from(page(i, 'iso-8859-1'), 'utf8')],
      [`mislabelled/p${i}.gold.txt`, GOLD(i)],
    ]),
  ),
);

/** What each kind of page reads as. */
const READS = { latin: 'Le café numéro 1 du quartier', mislabelled: 'Le café numéro 1 du quartier' };

describe.each(Object.entries(READS))('a %s page', (kind, reads) => {
  const file = join(dir, kind, 'p1.html');

  test('clean decodes it as a browser does', async () => {
    const { code, stdout } = await run(['clean', file, '--quiet']);
    expect(code).toBe(0);
    expect(stdout).toContain(reads);
  });

  test('explain shows the same text as clean', async () => {
    const { code, stdout } = await run(['explain', file]);
    expect(code).toBe(0);
    expect(stdout).toContain(reads);
  });

  test('eval scores the text clean writes', async () => {
    const cleaned = join(dir, `${kind}-cleaned`);
    expect((await run(['clean', join(dir, kind), '--out', cleaned, '--quiet'])).code).toBe(0);
    const inMemory = JSON.parse((await run(['eval', join(dir, kind), '--format', 'json', '--no-ablation'])).stdout);
    const fromFiles = JSON.parse((await run(['eval', cleaned, '--gold', join(dir, kind), '--format', 'json'])).stdout);
    expect(inMemory.documents).toHaveLength(3);
    expect(inMemory.macro).toEqual(fromFiles.macro);
    // The gold says "café", and so does each page.
    expect(inMemory.macro.words.f1).toBe(1);
  });

  test('learn proposes the recurring line as clean reads it', async () => {
    const { code, stdout } = await run(['learn', join(dir, kind), '--outlet', 'cafes']);
    expect(code).toBe(0);
    expect(stdout).toContain('text: Réservé aux abonnés du café');
  });
});
