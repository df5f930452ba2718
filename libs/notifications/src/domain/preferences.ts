import { Language, NOTIFICATION_KINDS, NotificationKind } from './notification-kinds';

/** How a kind reaches a person: in the app always (when on), by e-mail at once or in the day's
 * digest, or not by e-mail. */
export type EmailDelivery = 'immediate' | 'digest' | 'none';
export const EMAIL_DELIVERIES: readonly EmailDelivery[] = ['immediate', 'digest', 'none'];

export interface KindPreference {
  enabled: boolean;
  email: EmailDelivery;
}

export interface NotificationPreferences {
  language: Language;
  kinds: Record<NotificationKind, KindPreference>;
}

/**
 * Defaults: everything on; what asks for action today by e-mail at once; comments (many, rarely
 * urgent) in the daily digest. Korean, since the people are Korean civil servants.
 */
export const DEFAULT_PREFERENCES: NotificationPreferences = Object.freeze({
  language: 'ko',
  kinds: Object.freeze({
    assignment: { enabled: true, email: 'immediate' },
    reminder: { enabled: true, email: 'immediate' },
    overdue: { enabled: true, email: 'immediate' },
    escalation: { enabled: true, email: 'immediate' },
    rejection: { enabled: true, email: 'immediate' },
    comment: { enabled: true, email: 'digest' },
    mention: { enabled: true, email: 'immediate' },
    counterpart_overdue: { enabled: true, email: 'immediate' },
  }),
}) as NotificationPreferences;

/** Stored choices over the defaults: a kind added later starts at its default. */
export function withDefaults(stored?: {
  language?: string;
  kinds?: Partial<Record<string, Partial<KindPreference>>>;
}): NotificationPreferences {
  const kinds = {} as Record<NotificationKind, KindPreference>;
  for (const kind of NOTIFICATION_KINDS) {
    kinds[kind] = { ...DEFAULT_PREFERENCES.kinds[kind], ...(stored?.kinds?.[kind] ?? {}) };
  }
  const language = stored?.language === 'en' ? 'en' : 'ko';
  return { language, kinds };
}
