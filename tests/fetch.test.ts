/**
 * `winnow clean https://...`: web pages fetched from a real HTTP server on loopback, started by
 * the test. Redirects, the charset the response declares, the time limit, the size cap and HTTP
 * errors, each failure an error record that does not stop the batch.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, tempDir } from './helpers.js';

const STORY = '<html><head><title>Caf\xe9 owners win the vote</title></head><body><article><h1>Caf\xe9 owners win the vote</h1><p>The caf\xe9 owners of the old town won the council vote on Tuesday, and their terraces stay open until midnight.</p><p>ADVERTISEMENT</p></article></body></html>';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    switch (request.url) {
      case '/news/story':
        // windows-1252 bytes, declared only by the response header.
        response.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' });
        response.end(Buffer.from(STORY, 'latin1'));
        return;
      case '/moved':
        response.writeHead(301, { location: '/news/story' });
        response.end();
        return;
      case '/slow':
        response.writeHead(200, { 'content-type': 'text/html' });
        response.write('<p>The start of a page that never ends');
        return;
      case '/big':
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end(`<p>${'word '.repeat(50_000)}</p>`);
        return;
      case '/style.css':
        response.writeHead(200, { 'content-type': 'text/css' });
        response.end('p { color: red }');
        return;
      case '/photo.png':
        response.writeHead(200, { 'content-type': 'image/png' });
        response.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
        return;
      default:
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test('a page behind a redirect is fetched, decoded by the charset its response declares, and keeps the address it landed on', async () => {
  const { code, stdout } = await run(['clean', `${base}/moved`, '--format', 'json', '--quiet']);
  expect(code).toBe(0);
  const result = JSON.parse(stdout) as { id: string; text: string; article: { url?: string; title?: string }; removals: Array<{ rule: string }> };
  expect(result.id).toBe(`${base}/moved`);
  expect(result.text).toBe('Café owners win the vote\n\nThe café owners of the old town won the council vote on Tuesday, and their terraces stay open until midnight.\n');
  expect((result as unknown as { url: string }).url).toBe(`${base}/news/story`);
  expect(result.removals.map((r) => r.rule)).toContain('advertisement-marker');
});

test('explain shows a web page as clean cleans it', async () => {
  const { code, stdout } = await run(['explain', `${base}/moved`]);
  expect(code).toBe(0);
  expect(stdout).toMatch(new RegExp(`^${base}/moved: no outlet matched`));
  expect(stdout).toContain('[- advertisement-marker] ADVERTISEMENT');
  expect(stdout).toContain('The café owners of the old town');
});

test('in a batch, every failure is an error record naming the address and the cause, and the pages that load are written', async () => {
  const out = join(tempDir(), 'out');
  const addresses = ['/news/story', '/missing', '/slow', '/big', '/photo.png', '/style.css'].map((path) => `${base}${path}`);
  const { code, stderr } = await run(['clean', ...addresses, '--out', out, '--timeout', '1', '--max-bytes', '100k', '--jobs', '1']);
  expect(code).toBe(1);
  expect(stderr).toMatch(/cleaned 1 document .* 5 failed/);
  const host = `127.0.0.1-${new URL(base).port}`;
  expect(readdirSync(join(out, host, 'news'))).toEqual(['story.txt']);
  const errors = readFileSync(join(out, 'errors.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { source: string; reason: string });
  expect(errors).toEqual([
    { id: `${base}/missing`, source: `${base}/missing`, reason: `HTTP 404 Not Found from ${base}/missing` },
    { id: `${base}/slow`, source: `${base}/slow`, reason: 'no complete response within 1 s (--timeout)' },
    { id: `${base}/big`, source: `${base}/big`, reason: expect.stringMatching(/^over the size cap: .*102400 .*\(--max-bytes\)$/) },
    { id: `${base}/photo.png`, source: `${base}/photo.png`, reason: 'not an HTML or text page: Content-Type image/png' },
    { id: `${base}/style.css`, source: `${base}/style.css`, reason: 'not an HTML or text page: Content-Type text/css' },
  ]);
}, 30_000);

test('a server that is not there is a clear error, not a crash', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const { code, stderr } = await run(['clean', `http://127.0.0.1:${port}/story`, '--quiet']);
  expect(code).toBe(1);
  expect(stderr).toContain(`http://127.0.0.1:${port}/story: cannot fetch: ECONNREFUSED`);
});
