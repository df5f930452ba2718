import { describe, expect, it } from 'vitest';
import {
  agencyCodeOk,
  emptyFields,
  keyExpiryIso,
  lastKeyDay,
  loginOk,
  needsAgency,
  seoulDay,
} from './admin-forms';

describe('the admin’s forms', () => {
  it('ask an agency of the roles that act for one', () => {
    expect(needsAgency('bureau_head')).toBe(true);
    expect(needsAgency('agency_officer')).toBe(true);
    expect(needsAgency('auditor')).toBe(false);
    expect(needsAgency('records_officer')).toBe(false);
  });

  it('take days in Seoul, and end a key at the end of its day there', () => {
    // 15:30 UTC is already the next day in Seoul
    const now = new Date('2026-11-18T15:30:00Z');
    expect(seoulDay(now)).toBe('2026-11-19');
    expect(seoulDay(now, 90)).toBe('2027-02-17');
    expect(keyExpiryIso('2027-02-17')).toBe('2027-02-17T14:59:59.000Z');
    // the last day still ends within a year of now
    expect(Date.parse(keyExpiryIso(lastKeyDay(now))) - now.getTime()).toBeLessThanOrEqual(
      365 * 86_400_000,
    );
  });

  it('check codes and sign-in names as the API does', () => {
    expect(agencyCodeOk('KCC')).toBe(true);
    expect(agencyCodeOk('kcc')).toBe(false);
    expect(agencyCodeOk('K')).toBe(false);
    expect(loginOk('Kcc.Officer')).toBe(true);
    expect(loginOk('a b')).toBe(false);
    expect(emptyFields({ a: ' ', b: 'x', c: '' }, ['a', 'b', 'c'])).toEqual(['a', 'c']);
  });
});
