/** Small real files of each kind the specs need, made in memory. */
import { deflateSync } from 'node:zlib';
import { Workbook } from 'exceljs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

/** A 1×1 PNG. */
export function samplePng(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A one-page PDF with a line of text (and `pad` bytes of comment to make it larger). */
export function samplePdf(text = 'Liaison', pad = 0): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n` +
      `2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]>>endobj\n` +
      `% ${text}${'.'.repeat(pad)}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
    'latin1',
  );
}

export async function sampleXlsx(): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.addWorksheet('Status').addRow(['agency', 'done']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** An HWPX package's start: the uncompressed `mimetype` entry first, as the format requires. */
export function sampleHwpx(): Buffer {
  const name = Buffer.from('mimetype', 'latin1');
  const body = Buffer.from('application/hwp+zip', 'latin1');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(crc32(body), 14);
  header.writeUInt32LE(body.length, 18);
  header.writeUInt32LE(body.length, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name, body]);
}

/** The start of an HWP 5 compound file: the OLE signature and the FileHeader's signature. */
export function sampleHwp(): Buffer {
  const file = Buffer.alloc(4096);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(file, 0);
  Buffer.from('HWP Document File', 'latin1').copy(file, 1536);
  return file;
}
