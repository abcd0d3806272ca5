/**
 * A run's inputs cut into shards of about `--shard-size` bytes, in input order: files of one
 * document are grouped; a plain JSONL file larger than a shard is cut into ranges of lines, each
 * starting just after a newline (a record boundary), so line numbers, and with them the output
 * names (`pages/LINE.txt`), are the same as a single run's. Gzipped files and WARC files are
 * shards of their own (a gzip stream is read from its start).
 */
import { openSync, readSync, closeSync } from 'node:fs';
import type { InputFile } from '../io/sources/inputs.js';
import { formatNamed, AUTO } from '../io/sources/formats/registry.js';

export interface Shard {
  index: number;
  files: InputFile[];
  bytes: number;
}

/** At most this many files in a shard, however small (web addresses weigh nothing on disk). */
const MAX_FILES_PER_SHARD = 2000;
const PLAIN_JSONL = /\.(jsonl|ndjson)$/i;
const SCAN_CHUNK = 1 << 20;

export function makeShards(files: Iterable<InputFile>, shardBytes: number, inputFormat: string): Shard[] {
  const shards: Shard[] = [];
  let group: InputFile[] = [];
  let bytes = 0;
  const flush = () => {
    if (group.length > 0) shards.push({ index: shards.length, files: group, bytes });
    group = [];
    bytes = 0;
  };
  const chosen = inputFormat === AUTO ? undefined : formatNamed(inputFormat);
  for (const file of files) {
    const format = chosen ?? file.format;
    if (format.many) {
      flush();
      if (format.name === 'jsonl' && PLAIN_JSONL.test(file.path) && file.size > shardBytes && file.error === undefined) {
        for (const range of lineRanges(file.path, file.size, shardBytes)) shards.push({ index: shards.length, files: [{ ...file, range }], bytes: range.end - range.start });
      } else {
        shards.push({ index: shards.length, files: [file], bytes: file.size });
      }
      continue;
    }
    group.push(file);
    bytes += file.size;
    if (bytes >= shardBytes || group.length >= MAX_FILES_PER_SHARD) flush();
  }
  flush();
  return shards;
}

/** Ranges of about `target` bytes, each ending just after a newline (the last at the end of the file), with the lines before each. */
export function lineRanges(path: string, size: number, target: number): Array<{ start: number; end: number; firstLine: number }> {
  const ranges: Array<{ start: number; end: number; firstLine: number }> = [];
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(SCAN_CHUNK);
    let start = 0;
    let firstLine = 0;
    let lines = 0;
    let at = 0;
    while (at < size) {
      const read = readSync(fd, buffer, 0, Math.min(SCAN_CHUNK, size - at), at);
      if (read === 0) break;
      let from = 0;
      for (;;) {
        const newline = buffer.indexOf(0x0a, from);
        if (newline === -1 || newline >= read) break;
        lines++;
        from = newline + 1;
        const end = at + from;
        if (end - start >= target && end < size) {
          ranges.push({ start, end, firstLine });
          start = end;
          firstLine = lines;
        }
      }
      at += read;
    }
    ranges.push({ start, end: size, firstLine });
  } finally {
    closeSync(fd);
  }
  return ranges;
}

/** An input file as a job carries it (JSON): its format by name. */
export type ShardFile = Omit<InputFile, 'format'> & { format: string };

export function toShardFile(file: InputFile): ShardFile {
  return { ...file, format: file.format.name };
}

export function fromShardFile(file: ShardFile): InputFile {
  const format = formatNamed(file.format);
  if (format === undefined) throw new Error(`unknown input format ${file.format} in a shard (submitted by another version of winnow?)`);
  return { ...file, format };
}
