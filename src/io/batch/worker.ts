/**
 * A cleaning worker thread: compiles the rules it is given once, then cleans the documents it is
 * sent, one at a time (cleaner.ts), and sends back the rendered output. Every problem with a
 * document comes back as a failed result; only rules that fail to load stop the worker (and the run).
 */
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { makeCleaner } from './cleaner.js';
import type { Task, WorkerMessage, WorkerSetup } from './messages.js';

const port = parentPort!;
const send = (message: WorkerMessage) => port.postMessage(message);

const cleaner = makeCleaner(workerData as WorkerSetup);
if ('error' in cleaner) send({ type: 'fatal', message: cleaner.error });
else {
  send({ type: 'ready' });
  port.on('message', (task: Task) => send({ type: 'result', result: cleaner.clean(task), heapBytes: getHeapStatistics().total_heap_size }));
}
