import { safeReturnTo } from './return-to';

describe('safeReturnTo', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['/follow-ups/abc?tab=timeline#x', '/follow-ups/abc?tab=timeline#x'],
    ['/a/../b', '/b'],
  ])('given %p, then %p', (raw, expected) => {
    expect(safeReturnTo(raw)).toBe(expected);
  });

  it.each([
    'https://evil.example/',
    '//evil.example/path',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    'follow-ups',
    '/a\nLocation: x',
    '/' + 'a'.repeat(2048),
  ])('refuses %p: not a path on this site', (raw) => {
    expect(safeReturnTo(raw)).toBeUndefined();
  });
});
