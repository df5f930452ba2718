import { isNotificationKind, LANGUAGES, NOTIFICATION_KINDS } from './notification-kinds';
import { EMAIL_DELIVERIES, NotificationPreferences } from './preferences';

/** A change of preferences that names a field it cannot take. */
export class PreferencesUpdateError extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field} ${reason}`);
    this.name = 'PreferencesUpdateError';
  }
}

/**
 * Applies a partial change (`{language?, kinds?: {<kind>?: {enabled?, email?}}}`) to the current
 * preferences; anything unknown or ill-typed is refused naming its field, and nothing is applied.
 */
export function applyPreferencesUpdate(
  current: NotificationPreferences,
  body: unknown,
): NotificationPreferences {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new PreferencesUpdateError('body', 'must be an object');
  }
  const next: NotificationPreferences = {
    language: current.language,
    kinds: Object.fromEntries(
      NOTIFICATION_KINDS.map((k) => [k, { ...current.kinds[k] }]),
    ) as NotificationPreferences['kinds'],
  };
  for (const [key, value] of Object.entries(body)) {
    if (key === 'language') {
      if (!(LANGUAGES as readonly unknown[]).includes(value)) {
        throw new PreferencesUpdateError('language', "must be 'ko' or 'en'");
      }
      next.language = value as NotificationPreferences['language'];
    } else if (key === 'kinds') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new PreferencesUpdateError('kinds', 'must be an object keyed by kind');
      }
      for (const [kind, change] of Object.entries(value as Record<string, unknown>)) {
        if (!isNotificationKind(kind)) {
          throw new PreferencesUpdateError(
            `kinds.${kind}`,
            `is not a kind (${NOTIFICATION_KINDS.join(', ')})`,
          );
        }
        if (typeof change !== 'object' || change === null || Array.isArray(change)) {
          throw new PreferencesUpdateError(`kinds.${kind}`, 'must be an object');
        }
        for (const [field, v] of Object.entries(change as Record<string, unknown>)) {
          if (field === 'enabled') {
            if (typeof v !== 'boolean') {
              throw new PreferencesUpdateError(`kinds.${kind}.enabled`, 'must be true or false');
            }
            next.kinds[kind].enabled = v;
          } else if (field === 'email') {
            if (!(EMAIL_DELIVERIES as readonly unknown[]).includes(v)) {
              throw new PreferencesUpdateError(
                `kinds.${kind}.email`,
                "must be 'immediate', 'digest' or 'none'",
              );
            }
            next.kinds[kind].email = v as (typeof EMAIL_DELIVERIES)[number];
          } else {
            throw new PreferencesUpdateError(
              `kinds.${kind}.${field}`,
              'is not a field (enabled, email)',
            );
          }
        }
      }
    } else {
      throw new PreferencesUpdateError(key, 'is not a field (language, kinds)');
    }
  }
  return next;
}
