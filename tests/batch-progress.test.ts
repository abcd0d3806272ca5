/** Progress on stderr: a bar redrawn in place on a terminal, that messages never tear. */
import { Progress, duration } from '../src/io/batch/progress.js';
import { Totals } from '../src/io/batch/totals.js';

function fakeStream() {
  const writes: string[] = [];
  return { writes, write: (chunk: string) => writes.push(chunk) };
}

describe('progress', () => {
  test('on a terminal, a message clears the bar, prints on its own line, and the bar is redrawn', () => {
    const totals = new Totals();
    totals.cleaned = 1200;
    totals.failed = 34;
    const stream = fakeStream();
    const progress = new Progress(stream, 'bar', { totals, bytes: () => 50 * 2 ** 20, totalBytes: 200 * 2 ** 20 });
    progress.log('winnow: a.html: empty document (0 bytes)');
    progress.log('winnow: b.html: empty document (0 bytes)');
    progress.stop();
    expect(stream.writes[0]).toBe('winnow: a.html: empty document (0 bytes)\n');
    expect(stream.writes[1]).toMatch(/^\r\[######\.{18}\] 25% 1,234 documents \(34 failed\), 50\.0 of 200\.0 MB, [\d.]+ docs\/s\x1b\[K$/);
    expect(stream.writes[2]).toBe('\r\x1b[K');
    expect(stream.writes[3]).toBe('winnow: b.html: empty document (0 bytes)\n');
    expect(stream.writes.at(-1)).toBe('\r\x1b[K');
  });

  test('without a terminal, messages are plain lines and nothing is redrawn', () => {
    const stream = fakeStream();
    const progress = new Progress(stream, 'lines', { totals: new Totals(), bytes: () => 0 });
    progress.log('winnow: note');
    progress.stop();
    expect(stream.writes).toEqual(['winnow: note\n']);
  });

  test('rate and ETA are those of the last ten seconds, not an average since a slow start', () => {
    const totals = new Totals();
    let bytes = 0;
    let now = 0;
    const progress = new Progress(fakeStream(), 'none', { totals, bytes: () => bytes, totalBytes: 100 * 2 ** 20 }, () => now);
    // A slow start: 5 documents in the first 20 s; then 100 documents a second.
    now = 20_000;
    totals.cleaned = 5;
    bytes = 2 ** 20;
    progress.status();
    for (let s = 21; s <= 40; s++) {
      now = s * 1000;
      totals.cleaned += 100;
      bytes += 2 ** 20;
      progress.status();
    }
    now = 41_000;
    totals.cleaned += 100;
    bytes += 2 ** 20;
    // 100 docs/s and 1 MB/s over the window: 78 MB left take 78 s (an average since the start would say about 49 docs/s and 1m59s).
    expect(progress.status()).toMatch(/, 100 docs\/s, ETA 1m18s$/);
  });

  test('durations read as a person says them', () => {
    expect([duration(5), duration(95), duration(4000)]).toEqual(['5s', '1m35s', '1h06m']);
  });
});
