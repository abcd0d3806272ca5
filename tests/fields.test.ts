/** Field values as they are read: dates to ISO 8601, bylines to names. */
import { isoDate } from '../src/kernel/text/dates.js';
import { authorNames } from '../src/kernel/text/names.js';

describe('dates', () => {
  test.each([
    ['19 December 2024, 06:11', undefined, '2024-12-19T06:11'],
    ['Publié le 30 août 2023 à 14h52, modifié le 31 août', 'fr', '2023-08-30T14:52'],
    ['Published: 15:56 BST, 27 April 2024 | Updated: 16:00', undefined, '2024-04-27T15:56'],
    ['28.04.2024 um 08:52 Uhr', 'de', '2024-04-28T08:52'],
    ['19. Dezember 2024, 14:59 Uhr', 'de', '2024-12-19T14:59'],
    ['30 de agosto de 2023', 'es', '2023-08-30'],
    ['April 27, 2024', undefined, '2024-04-27'],
    ['Dec. 3, 2024 at 5:30 p.m.', undefined, '2024-12-03T17:30'],
    ['4/5/2024', 'en-US', '2024-04-05'],
    ['4/5/2024', 'en-GB', '2024-05-04'],
    ['date 2024-12-19', undefined, '2024-12-19'],
    ['2024-05-03 15:47:42.389+00:00', undefined, '2024-05-03T15:47:42.389+00:00'],
    ['2024-05-03T15:47:42+0200', undefined, '2024-05-03T15:47:42+02:00'],
    ['2025年1月14日 01時28分 (1月14日 01時40分更新)', 'ja', '2025-01-14T01:28'],
    ['２０２５年１月１４日', 'ja', '2025-01-14'],
    ['2025년 1월 14일 오전', 'ko', '2025-01-14'],
  ])('%j (%s) is %s', (text, language, iso) => {
    expect(isoDate(text, language)).toBe(iso);
  });

  test.each(['yesterday', 'Updated 3 hours ago', 'Friday', '32 December 2024', 'in 2024'])('%j names no date', (text) => {
    expect(isoDate(text)).toBeUndefined();
  });
});

describe('author names', () => {
  test.each([
    ['By Henry Moore', ['Henry Moore']],
    ['By Jo Lee and Sam Poe', ['Jo Lee', 'Sam Poe']],
    ['Felix Schröder und Jörg Soldwisch, dpa', ['Felix Schröder', 'Jörg Soldwisch', 'dpa']],
    ['Elena Oberholzer (obe)', ['Elena Oberholzer']],
    ['Kolumne von Carla Siepmann - 28.04.2024 um 08:52 Uhr', ['Carla Siepmann']],
    ['Von Marie Périer', ['Marie Périer']],
    ['Jean de La Fontaine', ['Jean de La Fontaine']],
    ['redaktion@boersen-zeitung.de', []],
    ['AFP', ['AFP']],
    ['松岡大地', ['松岡大地']],
  ])('%j', (text, names) => {
    expect(authorNames(text)).toEqual(names);
  });
});
