import type { TFunction } from 'i18next';
import { hasRole, type Me } from '../api/session';

export interface NavLink {
  href: string;
  label: string;
}

/** The main menu's entries for wave 2's outcome pages, by role (Layout appends them). */
export function outcomeLinks(me: Me | null | undefined, t: TFunction): NavLink[] {
  const head = hasRole(me, 'bureau_head');
  const officer = hasRole(me, 'agency_officer');
  const auditor = hasRole(me, 'auditor');
  return [
    (head || officer || auditor) && { href: '/meeting-series', label: t('meetings.nav') },
    (head || auditor) && { href: '/counterpart-requests', label: t('counterparts.nav') },
    (hasRole(me, 'records_officer') || auditor) && { href: '/records', label: t('records.nav') },
  ].filter((link): link is NavLink => Boolean(link));
}
