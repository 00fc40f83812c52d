// Opening an uploaded XLSX (a zip) defensively, before exceljs sees it. exceljs inflates every part
// at once and expands every data-validation and merge range cell by cell, so a 6 KB file with a
// whole-column validation costs a second and a quarter of a gigabyte, and a zip bomb costs
// everything. Here every part is inflated against a byte budget (zlib's maxOutputLength stops it
// mid-stream), and the worksheet parts an import never needs are dropped before exceljs parses them.
import { inflateRawSync } from 'node:zlib';
import JSZip from 'jszip';

export interface ZipLimits {
  /** Most bytes all parts may inflate to together. */
  maxUncompressed: number;
  maxEntries: number;
}

export type ZipFailure = 'notZip' | 'truncated' | 'encrypted' | 'tooLarge' | 'corrupt';

export type Unzipped = { ok: true; entries: Map<string, Buffer> } | { ok: false; reason: ZipFailure };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export const looksLikeZip = (buffer: Buffer): boolean => buffer.length >= 4 && buffer.readUInt32LE(0) === LOCAL;

/** Reads every part of a zip through its central directory, within the limits. */
export function unzip(buffer: Buffer, limits: ZipLimits): Unzipped {
  if (!looksLikeZip(buffer)) return { ok: false, reason: 'notZip' };
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  // A zip is read from its end: a file cut short has lost its directory.
  if (eocd < 0) return { ok: false, reason: 'truncated' };
  const count = buffer.readUInt16LE(eocd + 10);
  const dirSize = buffer.readUInt32LE(eocd + 12);
  const dirOffset = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) return { ok: false, reason: 'tooLarge' }; // ZIP64: never a 5 MB workbook
  if (count > limits.maxEntries) return { ok: false, reason: 'tooLarge' };
  if (dirOffset + dirSize > eocd) return { ok: false, reason: 'truncated' };

  const entries = new Map<string, Buffer>();
  let budget = limits.maxUncompressed;
  let p = dirOffset;
  try {
    for (let n = 0; n < count; n++) {
      if (p + 46 > eocd || buffer.readUInt32LE(p) !== CENTRAL) return { ok: false, reason: 'corrupt' };
      const flags = buffer.readUInt16LE(p + 8);
      const method = buffer.readUInt16LE(p + 10);
      const compressedSize = buffer.readUInt32LE(p + 20);
      const size = buffer.readUInt32LE(p + 24);
      const nameLength = buffer.readUInt16LE(p + 28);
      const extraLength = buffer.readUInt16LE(p + 30);
      const commentLength = buffer.readUInt16LE(p + 32);
      const localOffset = buffer.readUInt32LE(p + 42);
      const name = buffer.toString('utf8', p + 46, p + 46 + nameLength);
      p += 46 + nameLength + extraLength + commentLength;
      if (flags & 1) return { ok: false, reason: 'encrypted' };
      if (name.endsWith('/')) continue;
      if (size > budget) return { ok: false, reason: 'tooLarge' };
      if (localOffset + 30 > buffer.length || buffer.readUInt32LE(localOffset) !== LOCAL) return { ok: false, reason: 'corrupt' };
      const start = localOffset + 30 + buffer.readUInt16LE(localOffset + 26) + buffer.readUInt16LE(localOffset + 28);
      if (start + compressedSize > buffer.length) return { ok: false, reason: 'truncated' };
      const raw = buffer.subarray(start, start + compressedSize);
      let data: Buffer;
      if (method === 0) data = raw;
      else if (method === 8) data = inflateRawSync(raw, { maxOutputLength: Math.max(1, budget) });
      else return { ok: false, reason: 'corrupt' };
      budget -= data.length;
      if (budget < 0) return { ok: false, reason: 'tooLarge' };
      entries.set(name, data);
    }
  } catch (err) {
    return { ok: false, reason: err instanceof RangeError ? 'tooLarge' : 'corrupt' };
  }
  return { ok: true, entries };
}

// Parts of a worksheet that only matter when editing: validations, merges, conditional formats and
// extensions. Import reads cell values, styles (for the % number format) and sheet state only.
const DROPPED = [
  /<dataValidations\b[^>]*\/>|<dataValidations\b[\s\S]*?<\/dataValidations>/g,
  /<mergeCells\b[^>]*\/>|<mergeCells\b[\s\S]*?<\/mergeCells>/g,
  /<conditionalFormatting\b[\s\S]*?<\/conditionalFormatting>/g,
  /<extLst>[\s\S]*<\/extLst>/g,
];

/** A copy of the workbook without the parts that make exceljs slow, stored uncompressed. */
export async function sanitizedWorkbook(entries: Map<string, Buffer>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, data] of entries) {
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
      zip.file(
        name,
        DROPPED.reduce((xml, pattern) => xml.replace(pattern, ''), data.toString('utf8')),
      );
    } else {
      zip.file(name, data);
    }
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}
