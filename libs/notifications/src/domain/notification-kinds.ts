/** What a person can be told about, one kind per preference switch. */
export const NOTIFICATION_KINDS = [
  'assignment',
  'reminder',
  'overdue',
  'escalation',
  'rejection',
  'comment',
  'mention',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const LANGUAGES = ['ko', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
