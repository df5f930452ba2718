import { randomBytes } from 'node:crypto';
import { erasedMarks, isSealedFields, openFields, sealFields } from './sealed-fields';

/** Format v2: the personal fields of one event in one AES-256-GCM box. */
describe('sealed fields (v2)', () => {
  const key = randomBytes(32);
  const paths = [['displayName', 'ko'], ['displayName', 'en'], ['email']];
  const clear = ['홍길동', 'Hong Gildong', 'hong@kisa.example'];

  it('holds nothing of the clear text and opens to the strings in path order', () => {
    const box = sealFields(key, 'p1', paths, clear);
    expect(JSON.stringify(box)).not.toMatch(/Hong|홍|hong/);
    expect(box).toMatchObject({ enc: 'v2', keyRef: 'p1', paths });
    expect(isSealedFields(box)).toBe(true);
    expect(openFields(key, box)).toEqual(clear);
  });

  it('refuses a box moved to another person, its paths reordered, or another key', () => {
    const box = sealFields(key, 'p1', paths, clear);
    expect(() => openFields(key, { ...box, keyRef: 'p2' })).toThrow();
    expect(() => openFields(key, { ...box, paths: [paths[1], paths[0], paths[2]] })).toThrow();
    expect(() => openFields(randomBytes(32), box)).toThrow();
  });

  it('two seals of the same values differ (a fresh IV each)', () => {
    expect(sealFields(key, 'p1', paths, clear).box).not.toBe(
      sealFields(key, 'p1', paths, clear).box,
    );
  });

  it('an erased box says which fields read as erased, the Korean name in Korean', () => {
    expect(erasedMarks(sealFields(key, 'p1', paths, clear))).toEqual([
      '(삭제됨)',
      '(erased)',
      '(erased)',
    ]);
  });

  it('takes no path from the log that could reach an object prototype', () => {
    const box = sealFields(key, 'p1', paths, clear);
    expect(isSealedFields({ ...box, paths: [['__proto__', 'x']] })).toBe(false);
    expect(isSealedFields({ ...box, paths: [[]] })).toBe(false);
    expect(isSealedFields({ enc: 'v1', keyRef: 'p1', iv: '', ct: '', tag: '' })).toBe(false);
  });
});
