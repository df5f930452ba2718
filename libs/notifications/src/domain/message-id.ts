/**
 * Deterministic Message-IDs: a resend of the same notification carries the same id, so a mail
 * system that deduplicates on Message-ID (many do, and mail clients thread on it) drops the
 * repeat that the at-least-once window between SMTP's answer and the 'sent' mark can make.
 */
export function notificationMessageId(eventId: string, personId: string, domain: string): string {
  return `<notify.${eventId}.${personId}@${domain}>`;
}

export function digestMessageId(personId: string, day: string, domain: string): string {
  return `<digest.${day}.${personId}@${domain}>`;
}

/** The domain of an address (`Liaison <no-reply@liaison.go.kr>` → liaison.go.kr). */
export function domainOf(address: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(address.trim());
  return match ? match[1].toLowerCase() : 'liaison.local';
}
