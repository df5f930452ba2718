import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileTypeRefusedError } from '../file-store';
import { sampleHwp, sampleHwpx, samplePdf, samplePng, sampleXlsx } from '../testing/sample-files';
import { detectMediaType, requireClaimsMatch } from './file-types';

describe('the type of a file is decided by its content', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'file-types-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const detect = async (content: Buffer, name: string) => {
    const path = join(dir, Math.random().toString(36).slice(2));
    await writeFile(path, content);
    return detectMediaType(path, name);
  };

  it.each([
    ['PDF', () => samplePdf(), 'a.pdf', 'application/pdf'],
    ['PNG', () => samplePng(), 'a.png', 'image/png'],
    ['HWP', () => sampleHwp(), 'a.hwp', 'application/x-hwp'],
    ['HWPX', () => sampleHwpx(), 'a.hwpx', 'application/hwp+zip'],
    ['CSV by UTF-8 and its name', () => Buffer.from('기관,완료\nKISA,1\n'), 'a.csv', 'text/csv'],
    ['plain text', () => Buffer.from('회의록 초안\n'), 'notes.txt', 'text/plain'],
  ])('%s', async (_kind, content, name, mediaType) => {
    expect(await detect(content(), name)).toBe(mediaType);
  });

  it('Office Open XML (xlsx)', async () => {
    expect(await detect(await sampleXlsx(), 'status.xlsx')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });

  it('refuses what is not on the list: an executable, a gzip, bytes that are not UTF-8', async () => {
    await expect(detect(Buffer.from('4d5a90000300', 'hex'), 'a.txt')).rejects.toThrow(
      FileTypeRefusedError,
    );
    await expect(detect(Buffer.from('1f8b0800000000000003', 'hex'), 'a.gz')).rejects.toThrow(
      'application/gzip',
    );
    await expect(detect(Buffer.from([0xc3, 0x28, 0x41]), 'a.txt')).rejects.toThrow(
      FileTypeRefusedError,
    );
  });

  it('refuses a compound file that is not HWP (a .doc or .xls)', async () => {
    const doc = sampleHwp();
    doc.fill(0, 1536);
    await expect(detect(doc, 'a.hwp')).rejects.toThrow('OLE compound file');
  });
});

describe('the name and the declared type must agree with the content', () => {
  it('a PDF named .png is refused, naming file', () => {
    const refuse = () => requireClaimsMatch('application/pdf', 'scan.png', undefined);
    expect(refuse).toThrow(FileTypeRefusedError);
    expect(refuse).toThrow(/^file content is PDF but the name "scan.png" says .png/);
  });

  it('a PDF sent as image/png is refused; octet-stream or an unknown type claims nothing', () => {
    expect(() => requireClaimsMatch('application/pdf', 'a.pdf', 'image/png')).toThrow(
      'sent as image/png',
    );
    expect(() =>
      requireClaimsMatch('application/pdf', 'a.pdf', 'application/octet-stream'),
    ).not.toThrow();
    expect(() => requireClaimsMatch('text/csv', 'a.csv', 'application/vnd.ms-excel')).not.toThrow();
  });

  it('a name without an extension claims nothing; .JPG is .jpg', () => {
    expect(() => requireClaimsMatch('text/plain', 'README', undefined)).not.toThrow();
    expect(() => requireClaimsMatch('image/jpeg', 'PHOTO.JPG', 'image/jpeg')).not.toThrow();
  });
});
