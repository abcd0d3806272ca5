/** What a benchmark ran on, for the header of every recorded result. */
import { existsSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

export function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  return `${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB`;
}

/** Whether child processes can be pinned to one core (`taskset` is installed). */
export const CAN_PIN = existsSync('/usr/bin/taskset') || existsSync('/bin/taskset');

/** The command and arguments that run Node with `nodeArgs`, pinned to core 0 when `CAN_PIN`. */
export function nodeOnOneCore(nodeArgs: readonly string[]): [string, string[]] {
  return CAN_PIN ? ['taskset', ['-c', '0', process.execPath, ...nodeArgs]] : [process.execPath, [...nodeArgs]];
}
