import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ko } from './ko';
import { preferredLanguage } from './i18n';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`),
  );
}

function value(tree: object, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], tree);
}

describe('the message catalogue', () => {
  it('has every key in both languages, none empty', () => {
    expect(keys(ko).sort()).toEqual(keys(en).sort());
    for (const key of keys(en)) {
      expect({ key, en: value(en, key) }).toEqual({ key, en: expect.stringMatching(/\S/) });
      expect({ key, ko: value(ko, key) }).toEqual({ key, ko: expect.stringMatching(/\S/) });
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: unknown) =>
      String(text)
        .match(/{{\w+}}/g)
        ?.sort() ?? [];
    for (const key of keys(en)) {
      expect({ key, p: placeholders(value(ko, key)) }).toEqual({
        key,
        p: placeholders(value(en, key)),
      });
    }
  });
});

describe('the page language', () => {
  it('is the person’s choice, else the browser’s first language we speak, else Korean', () => {
    expect(preferredLanguage('en', ['ko-KR'])).toBe('en');
    expect(preferredLanguage(null, ['ko-KR', 'en-US'])).toBe('ko');
    expect(preferredLanguage(null, ['fr-FR', 'en-GB', 'ko'])).toBe('en');
    expect(preferredLanguage(null, ['fr-FR'])).toBe('ko');
    expect(preferredLanguage('xx', [])).toBe('ko');
  });
});
