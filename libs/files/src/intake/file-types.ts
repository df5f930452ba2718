import { open } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { fileTypeFromFile } from 'file-type';
import { FileTypeRefusedError } from '../file-store';

/** What may be attached, decided from the content; each with the extensions its name may have. */
export const ALLOWED_TYPES = [
  { mediaType: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  { mediaType: 'image/png', extensions: ['png'], label: 'PNG' },
  { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG' },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'Word (docx)',
  },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: 'Excel (xlsx)',
  },
  {
    mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
    label: 'PowerPoint (pptx)',
  },
  { mediaType: 'application/x-hwp', extensions: ['hwp'], label: 'HWP' },
  { mediaType: 'application/hwp+zip', extensions: ['hwpx'], label: 'HWPX' },
  { mediaType: 'text/csv', extensions: ['csv'], label: 'CSV (UTF-8)' },
  { mediaType: 'text/plain', extensions: ['txt', 'text', 'md', 'log'], label: 'text (UTF-8)' },
] as const;

export type AllowedMediaType = (typeof ALLOWED_TYPES)[number]['mediaType'];

const HEAD_BYTES = 64 * 1024;
const CFB_MAGIC = Buffer.from('d0cf11e0a1b11ae1', 'hex');
// The signature at the start of an HWP 5 document's FileHeader stream. The stream is small and
// sits near the start of the compound file, so the head is searched for it: a heuristic, but a
// .doc or .xls (also compound files) never carries it.
const HWP_SIGNATURE = Buffer.from('HWP Document File', 'latin1');
// An HWPX package, like ODF, stores its media type uncompressed as the zip's first entry.
const HWPX_MIMETYPE_ENTRY = Buffer.concat([
  Buffer.from('mimetype', 'latin1'),
  Buffer.from('application/hwp+zip', 'latin1'),
]);

/**
 * The media type of the content in `path`, from its bytes alone: file-type's signatures for the
 * binary formats, the HWP checks above, and valid UTF-8 (without NUL bytes) for text, where the
 * name's extension tells CSV from plain text. Anything else is refused.
 */
export async function detectMediaType(path: string, name: string): Promise<AllowedMediaType> {
  const head = await readHead(path);
  const ext = extensionOf(name);
  if (head.subarray(0, 8).equals(CFB_MAGIC)) {
    if (head.includes(HWP_SIGNATURE)) return 'application/x-hwp';
    throw new FileTypeRefusedError(
      'content is an OLE compound file (e.g. .doc, .xls), not an allowed type',
    );
  }
  if (isHwpx(head)) return 'application/hwp+zip';
  const detected = await fileTypeFromFile(path);
  if (detected) {
    const allowed = ALLOWED_TYPES.find((t) => t.mediaType === detected.mime);
    if (!allowed) {
      throw new FileTypeRefusedError(
        `content is ${detected.mime}, not an allowed type (${allowedList()})`,
      );
    }
    return allowed.mediaType;
  }
  if (await isUtf8Text(path)) return ext === 'csv' ? 'text/csv' : 'text/plain';
  throw new FileTypeRefusedError(`content is not of an allowed type (${allowedList()})`);
}

/** Refuses a name or a declared type that says something other than the content. */
export function requireClaimsMatch(
  mediaType: AllowedMediaType,
  name: string,
  declaredType: string | undefined,
): void {
  const type = ALLOWED_TYPES.find((t) => t.mediaType === mediaType)!;
  const ext = extensionOf(name);
  // A name without an extension claims nothing; one with an extension must be the content's.
  if (ext !== undefined && !(type.extensions as readonly string[]).includes(ext)) {
    throw new FileTypeRefusedError(
      `content is ${type.label} but the name "${name}" says .${ext} (expected .${type.extensions.join(' or .')})`,
    );
  }
  // Browsers send odd types for some files (CSV as application/vnd.ms-excel, anything as
  // application/octet-stream): only a declared type we know is a claim to hold to.
  const declared = declaredType?.split(';')[0].trim().toLowerCase();
  const known = ALLOWED_TYPES.some((t) => t.mediaType === declared);
  if (
    declared &&
    known &&
    declared !== mediaType &&
    !(declared === 'text/plain' && mediaType === 'text/csv')
  ) {
    throw new FileTypeRefusedError(`content is ${type.label} but it was sent as ${declared}`);
  }
}

export function extensionOf(name: string): string | undefined {
  const dot = name.lastIndexOf('.');
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : undefined;
}

function allowedList(): string {
  return ALLOWED_TYPES.map((t) => t.label).join(', ');
}

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function isHwpx(head: Buffer): boolean {
  if (head.length < 30 || head.readUInt32LE(0) !== 0x04034b50) return false;
  const nameLength = head.readUInt16LE(26);
  const extraLength = head.readUInt16LE(28);
  const name = head.subarray(30, 30 + nameLength);
  const body = head.subarray(30 + nameLength + extraLength, 30 + nameLength + extraLength + 19);
  return Buffer.concat([name, body]).equals(HWPX_MIMETYPE_ENTRY);
}

/** Valid UTF-8 from end to end and no NUL byte (which no text file has), read in chunks. */
async function isUtf8Text(path: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: HEAD_BYTES })) {
      const bytes = chunk as Buffer;
      if (bytes.includes(0)) return false;
      decoder.decode(bytes, { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}
