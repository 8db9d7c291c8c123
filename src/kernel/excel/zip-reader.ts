/**
 * A minimal reader for the zip container of an .xlsx, working on the uploaded Buffer: the central directory
 * says where each entry is, and an entry is inflated as a stream so that a caller can stop early and never
 * holds more than one chunk of it. Only what .xlsx writers produce is accepted (stored or deflated entries,
 * no zip64, no encryption, one disk); anything else is refused as "not a valid .xlsx".
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { crc32, createInflateRaw } from 'node:zlib';

export const INVALID_XLSX = '文件不是有效的 Excel（.xlsx）文件';

/** A file the reader refuses; the message is shown to the user as is. */
export class XlsxReadError extends Error {}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD_SIG = 0x06054b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
/** An .xlsx has a few dozen entries; thousands means a crafted file. */
const MAX_ENTRIES = 10_000;
/** zip64 marks a field it moved to the extra block with all ones. */
const ZIP64_16 = 0xffff;
const ZIP64_32 = 0xffffffff;
const CHUNK = 64 * 1024;

const invalid = () => new XlsxReadError(INVALID_XLSX);

/** The end-of-central-directory record sits in the last 22 + 65,535 (comment) bytes; searched backwards. */
const findEndOfDirectory = (data: Buffer): number => {
  const stop = Math.max(0, data.length - 22 - 0xffff);
  for (let i = data.length - 22; i >= stop; i -= 1) if (data.readUInt32LE(i) === EOCD_SIG) return i;
  return -1;
};

/** Reads the central directory: every entry by name. Throws XlsxReadError for anything but a plain zip. */
export const readZipDirectory = (data: Buffer): Map<string, ZipEntry> => {
  if (data.length < 22) throw invalid();
  const eocd = findEndOfDirectory(data);
  if (eocd < 0) throw invalid();
  const disk = data.readUInt16LE(eocd + 4);
  const directoryDisk = data.readUInt16LE(eocd + 6);
  const count = data.readUInt16LE(eocd + 10);
  const directorySize = data.readUInt32LE(eocd + 12);
  const directoryOffset = data.readUInt32LE(eocd + 16);
  if (disk !== 0 || directoryDisk !== 0) throw invalid();
  if (count === ZIP64_16 || directorySize === ZIP64_32 || directoryOffset === ZIP64_32) throw invalid();
  if (count > MAX_ENTRIES || directoryOffset + directorySize > eocd) throw invalid();
  const entries = new Map<string, ZipEntry>();
  let p = directoryOffset;
  const end = directoryOffset + directorySize;
  for (let i = 0; i < count; i += 1) {
    if (p + 46 > end || data.readUInt32LE(p) !== CENTRAL_SIG) throw invalid();
    const nameLength = data.readUInt16LE(p + 28);
    const entry: ZipEntry = {
      flags: data.readUInt16LE(p + 8),
      method: data.readUInt16LE(p + 10),
      crc: data.readUInt32LE(p + 16),
      compressedSize: data.readUInt32LE(p + 20),
      size: data.readUInt32LE(p + 24),
      localOffset: data.readUInt32LE(p + 42),
      name: data.toString('utf8', p + 46, p + 46 + nameLength),
    };
    // Bit 0: encrypted; bit 6: strong encryption. Sizes of all ones: zip64.
    if (entry.flags & 0x41) throw invalid();
    if (entry.compressedSize === ZIP64_32 || entry.size === ZIP64_32 || entry.localOffset === ZIP64_32) throw invalid();
    if (entry.method !== 0 && entry.method !== 8) throw invalid();
    if (entry.method === 0 && entry.compressedSize !== entry.size) throw invalid();
    entries.set(entry.name, entry);
    p += 46 + nameLength + data.readUInt16LE(p + 30) + data.readUInt16LE(p + 32);
    if (p > end) throw invalid();
  }
  return entries;
};

/**
 * Where an entry's compressed bytes are. The local header's own name/extra lengths decide the start; its sizes
 * are not used, since with a data descriptor (flag bit 3) they are zero and the central directory has them.
 */
const entryBytes = (data: Buffer, entry: ZipEntry): Buffer => {
  const at = entry.localOffset;
  if (at + 30 > data.length || data.readUInt32LE(at) !== LOCAL_SIG) throw invalid();
  const start = at + 30 + data.readUInt16LE(at + 26) + data.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > data.length) throw invalid();
  return data.subarray(start, end);
};

export interface EntryLimit {
  /** Most inflated bytes accepted: a zip bomb stops here. */
  maxBytes: number;
  /** The error shown when `maxBytes` is passed. */
  tooLarge: string;
}

/** How far an entry was read: `complete` is false when the consumer stopped early. */
export interface EntryRead {
  bytes: number;
  complete: boolean;
}

/**
 * Streams an entry's inflated bytes to `onChunk` (at most 64 KiB at a time, each on its own turn of the event
 * loop, so other requests are served meanwhile). `onChunk` returns false to stop: the inflater is destroyed
 * and the rest is never inflated. A complete read is checked against the directory's size and CRC-32.
 */
export const streamEntry = async (data: Buffer, entry: ZipEntry, limit: EntryLimit, onChunk: (chunk: Buffer) => boolean): Promise<EntryRead> => {
  if (entry.size > limit.maxBytes) throw new XlsxReadError(limit.tooLarge);
  const input = entryBytes(data, entry);
  if (entry.method === 0) return streamStored(input, entry, onChunk);
  return new Promise<EntryRead>((resolve, reject) => {
    const inflate = createInflateRaw({ chunkSize: CHUNK });
    let bytes = 0;
    let crc = 0;
    let settled = false;
    const finish = (error: Error | null, complete: boolean) => {
      if (settled) return;
      settled = true;
      inflate.destroy();
      if (error) reject(error);
      else resolve({ bytes, complete });
    };
    inflate.on('data', (chunk: Buffer) => {
      if (settled) return;
      bytes += chunk.length;
      if (bytes > limit.maxBytes) return finish(new XlsxReadError(limit.tooLarge), false);
      crc = crc32(chunk, crc);
      try {
        if (!onChunk(chunk)) finish(null, false);
      } catch (e) {
        finish(e as Error, false);
      }
    });
    inflate.on('error', () => finish(invalid(), false));
    inflate.on('end', () => finish(bytes === entry.size && crc === entry.crc ? null : invalid(), true));
    inflate.end(input);
  });
};

/** A stored entry, handed out in the same chunks with a turn of the event loop between them. */
const streamStored = async (input: Buffer, entry: ZipEntry, onChunk: (chunk: Buffer) => boolean): Promise<EntryRead> => {
  for (let at = 0; at < input.length; at += CHUNK) {
    if (at > 0) await yieldToLoop();
    const chunk = input.subarray(at, at + CHUNK);
    if (!onChunk(chunk)) return { bytes: at + chunk.length, complete: false };
  }
  if (crc32(input) !== entry.crc) throw invalid();
  return { bytes: input.length, complete: true };
};
