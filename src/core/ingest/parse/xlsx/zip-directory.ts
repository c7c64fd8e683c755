// The zip-bomb guard: reads an xlsx's central directory and refuses, before any XML is parsed, archives too big to open.
import { type FileHandle, open } from 'node:fs/promises';
import { TitanError } from '../../../errors.ts';
import { unreadable } from '../unreadable.ts';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's compressed bytes start. */
  dataOffset: number;
}

/** What an archive may declare before Titan refuses to open it. */
export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
  /** Largest uncompressed ÷ compressed size of a sizeable entry (real workbooks: 4–15×; deflate tops out near 1000×). */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxUncompressedBytes: 1024 ** 3,
  maxRatio: 200,
};

/** Entries smaller than this are too small to matter, whatever their ratio. */
const RATIO_FLOOR_BYTES = 1024 ** 2;
const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const MAX_EOCD_SEARCH = 22 + 0xffff;
const MAX_DIRECTORY_BYTES = 16 * 1024 ** 2;

const damaged = (what: string): TitanError =>
  unreadable(
    `The workbook is damaged or incomplete (${what}): open it in Excel, save it again and re-upload it.`,
  );

const refuse = (what: string): TitanError =>
  new TitanError(
    'ingest.too_large',
    `Refused to open the workbook: ${what}. It may be a zip bomb; if it is a real export, save it as CSV and upload that.`,
  );

const mb = (bytes: number): string => `${Math.round(bytes / 1024 ** 2).toLocaleString('en-IN')} MB`;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

async function findEndRecord(handle: FileHandle, size: number) {
  const tailStart = Math.max(0, size - MAX_EOCD_SEARCH);
  const tail = await readAt(handle, tailStart, size - tailStart);
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) !== EOCD_SIGNATURE) continue;
    return {
      position: tailStart + i,
      entries: tail.readUInt16LE(i + 10),
      directorySize: tail.readUInt32LE(i + 12),
      directoryOffset: tail.readUInt32LE(i + 16),
    };
  }
  throw damaged('its zip directory is missing, so the file was cut short');
}

interface DirectoryRecord {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

function parseDirectory(directory: Buffer, count: number): DirectoryRecord[] {
  const records: DirectoryRecord[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw damaged('its zip directory is corrupt');
    }
    const nameLength = directory.readUInt16LE(at + 28);
    records.push({
      flags: directory.readUInt16LE(at + 8),
      method: directory.readUInt16LE(at + 10),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localOffset: directory.readUInt32LE(at + 42),
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
  }
  return records;
}

function checkDeclaredSizes(records: readonly DirectoryRecord[], limits: ZipLimits): void {
  if (records.some((r) => r.flags & 1)) {
    throw unreadable('The workbook is encrypted: remove its password in Excel and upload it again.');
  }
  const total = records.reduce((sum, r) => sum + r.uncompressedSize, 0);
  if (total > limits.maxUncompressedBytes) {
    throw refuse(`it would expand to ${mb(total)} (limit ${mb(limits.maxUncompressedBytes)})`);
  }
  for (const r of records) {
    if (r.uncompressedSize > RATIO_FLOOR_BYTES && r.uncompressedSize > r.compressedSize * limits.maxRatio) {
      throw refuse(
        `"${r.name}" would expand ${Math.round(r.uncompressedSize / Math.max(1, r.compressedSize))}×`,
      );
    }
  }
}

/**
 * Entries must tile the file from byte 0 to the directory, each local header agreeing with the directory:
 * a tool that walks local headers (as streaming unzips do) then sees the same workbook Titan reads, and no
 * bytes hide between entries.
 */
async function locateData(handle: FileHandle, records: DirectoryRecord[], directoryOffset: number) {
  const sorted = [...records].sort((a, b) => a.localOffset - b.localOffset);
  // A data descriptor (flag bit 3) of 12 or 16 bytes may follow an entry's data.
  const linesUp = (from: number, to: number): boolean => [0, 12, 16].includes(to - from);
  let expected = 0;
  const entries: ZipEntry[] = [];
  for (const r of sorted) {
    if (!linesUp(expected, r.localOffset)) throw damaged('its zip entries do not line up');
    const local = await readAt(handle, r.localOffset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== LOCAL_SIGNATURE)
      throw damaged('a zip entry is corrupt');
    const dataOffset = r.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    entries.push({
      name: r.name,
      method: r.method,
      compressedSize: r.compressedSize,
      uncompressedSize: r.uncompressedSize,
      dataOffset,
    });
    expected = dataOffset + r.compressedSize;
  }
  if (!linesUp(expected, directoryOffset)) throw damaged('its zip entries do not line up');
  return entries;
}

/** Reads and checks the archive's directory; throws 'ingest.too_large' for bombs, 'ingest.unreadable' for damage. */
export async function readZipDirectory(
  path: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<ZipEntry[]> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size < 22) throw damaged('it is too short to be a workbook');
    const end = await findEndRecord(handle, size);
    if (end.entries === 0xffff || end.directoryOffset === 0xffffffff) {
      throw refuse('it is a ZIP64 archive (over 4 GB or 65,535 entries)');
    }
    if (end.entries > limits.maxEntries) {
      throw refuse(
        `it holds ${end.entries.toLocaleString('en-IN')} files (limit ${limits.maxEntries.toLocaleString('en-IN')})`,
      );
    }
    if (end.directoryOffset + end.directorySize > end.position || end.directorySize > MAX_DIRECTORY_BYTES) {
      throw damaged('its zip directory is out of place');
    }
    const records = parseDirectory(await readAt(handle, end.directoryOffset, end.directorySize), end.entries);
    checkDeclaredSizes(records, limits);
    return await locateData(handle, records, end.directoryOffset);
  } finally {
    await handle.close();
  }
}
