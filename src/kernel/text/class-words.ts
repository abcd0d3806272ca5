/**
 * Class names and ids, interned across pages: each distinct word (as written in the page) gets
 * a small number, and a rule's test of a word is run once and remembered under that number.
 * Pages of one site repeat the same class names on hundreds of elements and on every page, so
 * testing a page's class names costs an array read per name instead of regular expressions.
 */

/**
 * How many distinct words are remembered before starting afresh (ids like "post-12345" are new
 * on every page of a crawl): about 5 MB of heap. The table is only reset between pages
 * (`beginPage`), so the ids of one page's index stay valid while its rules run.
 */
const MAX_WORDS = 50_000;

let ids = new Map<string, number>();
let words: string[] = [];
/** Each word lower-cased, made the first time a test asks (every test sees the lower-cased word). */
let lowered: Array<string | undefined> = [];
/** Bumped on every reset, so that tests drop answers stored under old ids. */
let generation = 0;

/** Start a page: reset the table if it is full. */
export function beginPage(): void {
  if (words.length >= MAX_WORDS) {
    ids = new Map();
    words = [];
    lowered = [];
    generation++;
  }
}

/** The id of `word` (a class name or id exactly as written). */
export function wordId(word: string): number {
  let id = ids.get(word);
  if (id === undefined) {
    id = words.length;
    // A copy: the parser's string may be a slice that keeps the whole page's source alive.
    const own = (' ' + word).slice(1);
    ids.set(own, id);
    words.push(own);
  }
  return id;
}

/** The word with id `id`, lower-cased. */
function lowerWord(id: number): string {
  return (lowered[id] ??= words[id].toLowerCase());
}

/**
 * A test of lower-cased class names and ids, answered once per interned word. The test gets the
 * word's id too, so that it can ask other `WordTest`s (whose answers are shared by every rule).
 */
export class WordTest {
  /** 0 not yet asked, 1 yes, 2 no; indexed by word id. */
  private answers = new Uint8Array(1024);
  private generation = generation;

  constructor(private readonly test: (word: string, id: number) => boolean) {}

  matches(id: number): boolean {
    if (this.generation !== generation) {
      this.answers.fill(0);
      this.generation = generation;
    }
    if (id >= this.answers.length) {
      const grown = new Uint8Array(Math.max(id + 1, this.answers.length * 2));
      grown.set(this.answers);
      this.answers = grown;
    }
    let answer = this.answers[id];
    if (answer === 0) {
      answer = this.test(lowerWord(id), id) ? 1 : 2;
      this.answers[id] = answer;
    }
    return answer === 1;
  }
}
