import type { TFunction } from 'i18next';
import type { Me } from '../api/session';

export interface NavLink {
  href: string;
  label: string;
}

/** The main menu's entries for wave 2's outcome pages, by role (Layout appends them). */
export function outcomeLinks(_me: Me | null | undefined, _t: TFunction): NavLink[] {
  return [];
}
