/** What a person can be told about, one kind per preference switch. */
export const NOTIFICATION_KINDS = [
  'assignment',
  'reminder',
  'overdue',
  'escalation',
  'rejection',
  'comment',
  'mention',
  /** A request to an outside counterpart passed a due time unanswered (CounterpartRequestChased). */
  'counterpart_overdue',
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const LANGUAGES = ['ko', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isNotificationKind(value: unknown): value is NotificationKind {
  return typeof value === 'string' && (NOTIFICATION_KINDS as readonly string[]).includes(value);
}
