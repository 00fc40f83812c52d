// Which files an agency may upload as evidence. A file passes only when its extension is on the
// list AND its first bytes are what that format starts with, so a renamed executable or an HTML
// page called "report.pdf" is refused. The type a download is served with comes from this list,
// never from what the browser claimed.
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

interface FileType {
  mimeType: string;
  matches(bytes: Uint8Array): boolean;
}

const startsWith = (bytes: Uint8Array, magic: number[], offset = 0): boolean =>
  bytes.length >= offset + magic.length && magic.every((b, i) => bytes[offset + i] === b);

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const contains = (bytes: Uint8Array, text: string): boolean =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(text, 0, 'latin1');

/** Office Open XML: a zip holding [Content_Types].xml and the part of its kind (word/, xl/, ppt/). */
const ooxml = (part: string) => (b: Uint8Array) => startsWith(b, ZIP) && contains(b, '[Content_Types].xml') && contains(b, part);

/** OpenDocument: a zip whose first entry is "mimetype", stored uncompressed, naming the type. */
const odf = (mime: string) => (b: Uint8Array) =>
  startsWith(b, ZIP) && startsWith(b, ascii('mimetype'), 30) && startsWith(b, ascii(mime), 38);

const TYPES: Record<string, FileType> = {
  pdf: { mimeType: 'application/pdf', matches: (b) => startsWith(b, ascii('%PDF-')) },
  png: { mimeType: 'image/png', matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  jpg: { mimeType: 'image/jpeg', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  jpeg: { mimeType: 'image/jpeg', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  doc: { mimeType: 'application/msword', matches: (b) => startsWith(b, OLE) },
  xls: { mimeType: 'application/vnd.ms-excel', matches: (b) => startsWith(b, OLE) },
  docx: { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', matches: ooxml('word/') },
  xlsx: { mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', matches: ooxml('xl/') },
  pptx: { mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', matches: ooxml('ppt/') },
  odt: { mimeType: 'application/vnd.oasis.opendocument.text', matches: odf('application/vnd.oasis.opendocument.text') },
  ods: { mimeType: 'application/vnd.oasis.opendocument.spreadsheet', matches: odf('application/vnd.oasis.opendocument.spreadsheet') },
};

/** The extensions accepted, and the types their downloads are served with (what the API documents). */
export const EVIDENCE_EXTENSIONS = Object.keys(TYPES);
export const EVIDENCE_MIME_TYPES = [...new Set(Object.values(TYPES).map((t) => t.mimeType))];

export type FileCheck =
  { ok: true; mimeType: string; extension: string } | { ok: false; reason: 'extension' | 'content'; extension: string };

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

export function checkEvidenceFile(fileName: string, bytes: Uint8Array): FileCheck {
  const extension = extensionOf(fileName);
  const type = Object.prototype.hasOwnProperty.call(TYPES, extension) ? TYPES[extension] : undefined;
  if (!type) return { ok: false, reason: 'extension', extension };
  if (!type.matches(bytes)) return { ok: false, reason: 'content', extension };
  return { ok: true, mimeType: type.mimeType, extension };
}

/** A file name safe to store and to send back in Content-Disposition: no path, no control characters. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  // Control characters, quotes and the bidirectional controls that make "photo\u202Egnp.pdf" show as "photofdp.png".
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return (cleaned || 'file').slice(0, 200);
}
