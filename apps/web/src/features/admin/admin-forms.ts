import type { PersonRole } from './admin.queries';

/** Roles that act for one agency: a key (or person) in them needs its agency. */
export function needsAgency(role: PersonRole): boolean {
  return role === 'bureau_head' || role === 'agency_officer';
}

const DAY = 86_400_000;

/** A day in Seoul as YYYY-MM-DD, `days` from `now`. */
export function seoulDay(now: Date, days = 0): string {
  return new Date(now.getTime() + days * DAY + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** A key expires at the end of the chosen day in Seoul (the API allows at most a year). */
export function keyExpiryIso(day: string): string {
  return new Date(`${day}T23:59:59+09:00`).toISOString();
}

/** The latest day a key may run to: a year ahead, less the day that is already running. */
export function lastKeyDay(now: Date): string {
  return seoulDay(now, 364);
}

/** An agency code as the API wants it: upper case, 2–16 letters, digits or _. */
export function agencyCodeOk(code: string): boolean {
  return /^[A-Z][A-Z0-9_]{1,15}$/.test(code);
}

/** A sign-in name as the API stores it: lower case, 2–64 of letters, digits, . _ -. */
export function loginOk(login: string): boolean {
  return /^[a-z0-9][a-z0-9._-]{1,63}$/.test(login.trim().toLowerCase());
}

/** The fields of a form that are still empty, in the form's order. */
export function emptyFields<K extends string>(values: Record<K, string>, required: readonly K[]) {
  return required.filter((k) => values[k].trim() === '');
}
