import type { Middleware } from 'openapi-fetch';

/**
 * Why the auditor reads restricted and confidential items (X-Audit-Reason): asked once when the
 * API first refuses a read without it, then sent with every read of this sign-in's audit work,
 * so the access log keeps it beside each read. Kept in sessionStorage (a reload keeps it, another
 * tab or the next sign-in does not) and forgotten at sign-in and sign-out.
 */
const KEY = 'liaison.auditReason';
const listeners = new Set<() => void>();

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // storage refused (privacy settings): the reason lives for this page only
  }
}

let reason: string | undefined = storage()?.getItem(KEY) ?? undefined;

export function currentAuditReason(): string | undefined {
  return reason;
}

export function setAuditReason(next: string | undefined): void {
  reason = next?.trim() || undefined;
  if (reason) storage()?.setItem(KEY, reason);
  else storage()?.removeItem(KEY);
  for (const listener of listeners) listener();
}

/** For useSyncExternalStore: the pages that show the reason follow its changes. */
export function subscribeAuditReason(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Sends the reason on reads. A header takes only Latin-1, so the reason goes percent-encoded as
 * UTF-8, which the API decodes.
 */
export const auditReasonHeader: Middleware = {
  onRequest({ request }) {
    if (reason !== undefined && request.method === 'GET') {
      request.headers.set('X-Audit-Reason', encodeURIComponent(reason));
    }
    return request;
  },
};
