import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ConcurrencyError, EventMetadata, EventStore, JsonObject } from '@liaison/event-store';
import {
  AuthenticatedUser,
  AuthRequest,
  CORRELATION_ID_HEADER,
  incomingId,
} from '@liaison/platform';

/** Stable names of the security events (past tense, schema version 1). */
export const SECURITY_EVENT_TYPES = [
  'SignedIn',
  'SignInFailed',
  'SignedOut',
  'SessionsEndedByAdmin',
  'PasswordSet',
  'PasswordChanged',
  'PasswordReset',
  'ApiKeyCreated',
  'ApiKeyFirstUsed',
  'ApiKeyRevoked',
] as const;
export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

/**
 * Where each security event goes, and why:
 * - `security-person-<uuid>`: what happened to a known person's sign-in (sign-ins, failures,
 *   sign-outs, sessions ended, passwords). Not the directory's `person-<uuid>` stream: the
 *   directory folds that stream to decide its commands, and a flood of failed sign-ins must
 *   neither slow those folds nor meet events the directory's decider does not know. Failures
 *   for one account are bounded by the account throttle (a few, then one per growing delay).
 * - `security-unknown-<YYYYMMDDHH>`: failures for names nobody holds, one stream per hour (UTC).
 *   The attempted name is NOT recorded: it is often a password typed into the wrong field, and
 *   the log can never forget. What an attacker can write there is bounded by the per-address
 *   throttle, and spreading it over hourly streams keeps any one stream short to read and
 *   to append to (no hot stream that grows for ever).
 * - `api-key-<id>`: a key's life (created, first used, revoked).
 */
export const securityStreams = {
  person: (personId: string) => `security-person-${personId}`,
  unknownName: (at: Date) =>
    `security-unknown-${at.toISOString().slice(0, 13).replace(/[-T]/g, '')}`,
  apiKey: (keyId: string) => `api-key-${keyId}`,
};

/** Who caused a security event: a person, an admin, or nobody known yet. */
export type SecurityActor = Pick<AuthenticatedUser, 'id' | 'role' | 'agency' | 'onBehalfOf'>;

const ANONYMOUS: SecurityActor = { id: 'anonymous', role: 'anonymous' as never };
const MAX_TEXT = 200;
const MAX_ATTEMPTS = 10;

/** The request's address and user agent, cut to a bounded size. */
export function clientOf(request: AuthRequest | undefined): JsonObject {
  if (!request) return {};
  const agent = request.headers['user-agent'];
  return {
    ...(request.ip !== undefined && { address: request.ip.slice(0, MAX_TEXT) }),
    ...(typeof agent === 'string' && { userAgent: agent.slice(0, MAX_TEXT) }),
  };
}

/** Appends security events to the log, where auditors read them (/v1/audit/events). */
@Injectable()
export class SecurityEvents {
  constructor(private readonly store: EventStore) {}

  async record(
    streamId: string,
    type: SecurityEventType,
    data: JsonObject,
    actor: SecurityActor | undefined,
    request?: AuthRequest & { id?: unknown },
  ): Promise<void> {
    const event = {
      type,
      schemaVersion: 1,
      data,
      metadata: metadataOf(actor ?? ANONYMOUS, request),
    };
    // Appended at whatever version the stream is: two sign-ins of one person at the same moment
    // meet on one version, and the loser simply goes again (a fixed event id keeps a retry of an
    // append that did land from writing it twice).
    const eventId = randomUUID();
    for (let attempt = 1; ; attempt++) {
      try {
        await this.store.append(streamId, [{ ...event, eventId }]);
        return;
      } catch (err) {
        if (!(err instanceof ConcurrencyError) || attempt >= MAX_ATTEMPTS) throw err;
        await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
      }
    }
  }
}

function metadataOf(actor: SecurityActor, request?: AuthRequest & { id?: unknown }): EventMetadata {
  const requestId = typeof request?.id === 'string' ? request.id : undefined;
  const correlation = request?.headers[CORRELATION_ID_HEADER];
  return {
    actor: actor.id,
    role: actor.role,
    ...(actor.agency !== undefined && { agency: actor.agency }),
    correlation_id: correlation ? incomingId(correlation) : (requestId ?? randomUUID()),
    ...(requestId !== undefined && { causation_id: requestId }),
    ...(actor.onBehalfOf !== undefined && { on_behalf_of: actor.onBehalfOf.id }),
  };
}
