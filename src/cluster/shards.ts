/**
 * A run's inputs cut into shards of about `--shard-size` bytes, in input order: files of one
 * document are grouped; a plain JSONL file larger than a shard is cut into ranges of lines, each
 * starting just after a newline, and a WARC file into ranges of records (a .warc.gz at the gzip
 * members its records start), so line and record numbers, and with them the output names
 * (`pages/LINE.txt`, `crawl/N.txt`) and sources (`crawl.warc.gz@OFFSET`), are a single run's. A
 * gzipped JSONL file is a shard of its own (a gzip stream is read from its start), and so is a
 * .warc.gz whose records do not each start a gzip member.
 */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { WARCParser } from 'warcio';
import type { ByteRange, InputFile } from '../io/sources/inputs.js';
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

export async function makeShards(files: Iterable<InputFile>, shardBytes: number, inputFormat: string): Promise<Shard[]> {
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
      const ranges =
        file.size <= shardBytes || file.error !== undefined || file.url !== undefined
          ? undefined
          : format.name === 'jsonl' && PLAIN_JSONL.test(file.path)
            ? lineRanges(file.path, file.size, shardBytes)
            : format.name === 'warc'
              ? await recordRanges(file.path, file.size, shardBytes)
              : undefined;
      if (ranges !== undefined && ranges.length > 1) {
        for (const range of ranges) shards.push({ index: shards.length, files: [{ ...file, range }], bytes: range.end - range.start });
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
export function lineRanges(path: string, size: number, target: number): ByteRange[] {
  const ranges: ByteRange[] = [];
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
          ranges.push({ start, end, before: firstLine });
          start = end;
          firstLine = lines;
        }
      }
      at += read;
    }
    ranges.push({ start, end: size, before: firstLine });
  } finally {
    closeSync(fd);
  }
  return ranges;
}

/**
 * Ranges of about `target` bytes of a WARC file, each starting at a record (read through with
 * warcio, as the batch reads it), with the records before it. A .warc.gz is cut only where a
 * gzip member starts; one whose records do not each start a member gives one range. A file
 * warcio cannot read to its end is not cut (its shard reports the damage as a single run does).
 */
export async function recordRanges(path: string, size: number, target: number): Promise<ByteRange[]> {
  const whole = [{ start: 0, end: size, before: 0 }];
  const parser = new WARCParser(createReadStream(path));
  const starts: Array<{ offset: number; before: number }> = [];
  let records = 0;
  try {
    for await (const _record of parser) {
      starts.push({ offset: parser.offset, before: records });
      records++;
    }
  } catch {
    return whole;
  }
  const gzipped = /\.gz$/i.test(path);
  const ranges: ByteRange[] = [];
  let start = 0;
  let before = 0;
  const fd = gzipped ? openSync(path, 'r') : undefined;
  try {
    for (const at of starts) {
      if (at.offset - start < target || at.offset === 0) continue;
      if (fd !== undefined && !startsMember(fd, at.offset)) return whole;
      ranges.push({ start, end: at.offset, before });
      start = at.offset;
      before = at.before;
    }
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  ranges.push({ start, end: size, before });
  return ranges;
}

/** Whether a gzip member starts at `offset` (its magic bytes). */
function startsMember(fd: number, offset: number): boolean {
  const magic = Buffer.alloc(2);
  return readSync(fd, magic, 0, 2, offset) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
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
