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

  test('durations read as a person says them', () => {
    expect([duration(5), duration(95), duration(4000)]).toEqual(['5s', '1m35s', '1h06m']);
  });
});
