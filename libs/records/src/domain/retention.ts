/**
 * Retention periods of the Public Records Management Act (공공기록물 관리법 시행령 제26조):
 * 1, 3, 5, 10 or 30 years, or permanent (영구). 준영구 is left out: Liaison's records are not
 * of the kinds it applies to.
 */
export const RETENTION_PERIODS = [1, 3, 5, 10, 30, 'permanent'] as const;
export type RetentionPeriod = (typeof RETENTION_PERIODS)[number];

export function isRetentionPeriod(value: unknown): value is RetentionPeriod {
  return (RETENTION_PERIODS as readonly unknown[]).includes(value);
}

/** 기록물 분류: what kind of business record it is, which sets its default retention. */
export const RECORD_CLASSES = [
  /** 정책 협의 회의록: a workshop with outside counterparts and the agencies' agreed actions. */
  'policy-meeting',
  /** 업무 처리 기록: a follow-up carried out (assignment, progress, result, acceptance). */
  'task-handling',
  /** 자료 요청 기록: an information request answered or not. */
  'information-request',
  /** 협조 기록: a supporting agency's contribution to another agency's task. */
  'contribution',
] as const;
export type RecordClass = (typeof RECORD_CLASSES)[number];

export function isRecordClass(value: unknown): value is RecordClass {
  return (RECORD_CLASSES as readonly unknown[]).includes(value);
}

export type RecordKind = 'workshop' | 'follow-up';

/**
 * Defaults by the kind of record (the records officer changes them per record):
 * - a workshop: 10 years. It records what the government agreed with AI companies on security;
 *   the decree's table (별표 1) puts minutes of meetings that shape policy at 10 years or more,
 *   and an officer raises one to 30 years or permanent when it decided national policy;
 * - a follow-up carrying out an agreed action: 5 years, the term for records of how a task
 *   was handled, long enough to outlast an audit cycle (감사 주기) and a change of government;
 * - an information request and a contribution: 3 years: they feed a task whose own record
 *   keeps the outcome.
 */
export function defaultRetention(
  kind: RecordKind,
  source?: { sourceKind?: string; contribution?: boolean },
): { recordClass: RecordClass; retention: RetentionPeriod } {
  if (kind === 'workshop') return { recordClass: 'policy-meeting', retention: 10 };
  if (source?.contribution) return { recordClass: 'contribution', retention: 3 };
  if (source?.sourceKind === 'info_request') {
    return { recordClass: 'information-request', retention: 3 };
  }
  return { recordClass: 'task-handling', retention: 5 };
}

/**
 * When a closed record may be disposed of: the clock starts on January 1 of the year after the
 * one the record was closed in (시행령 제31조, 보존기간의 기산일), counted in Korean time, and
 * runs for the retention period. Null for a permanent record.
 */
export function disposalDueOn(closedAt: string, retention: RetentionPeriod): string | null {
  if (retention === 'permanent') return null;
  const koreanYear = new Date(Date.parse(closedAt) + 9 * 3_600_000).getUTCFullYear();
  return `${koreanYear + 1 + retention}-01-01`;
}

/** Today in Korean time, YYYY-MM-DD: what a due date is compared with. */
export function koreanDay(now: Date): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}
