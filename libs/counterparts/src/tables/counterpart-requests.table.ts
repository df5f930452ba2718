import { PoolClient } from 'pg';
import { StoredEvent } from '@liaison/event-store';
import { CounterpartEvent, CounterpartRequestState, fold } from '../domain';

/**
 * One row per request, from the fold of its whole stream (the decider's own state), so the
 * table can never say something the rules do not: written with each append and by the rebuild.
 */
export async function writeCounterpartRow(
  history: readonly StoredEvent[],
  tx: PoolClient,
): Promise<void> {
  const state = fold(history as unknown as CounterpartEvent[]);
  const last = history.at(-1);
  if (!last || state.status === 'none') return;
  const lastAnswer = [...history].reverse().find((e) => e.type === 'CounterpartRequestAnswered');
  await tx.query(
    `INSERT INTO counterpart_requests (id, workshop_id, info_request_id, counterpart, subject,
       requested_by, host_agency, liaison_agency, status, due_at, reminded_due_at, answers,
       chases, last_answer_at, created_at, version, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17)
     ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, due_at = EXCLUDED.due_at,
       reminded_due_at = EXCLUDED.reminded_due_at, answers = EXCLUDED.answers,
       chases = EXCLUDED.chases, last_answer_at = EXCLUDED.last_answer_at,
       version = EXCLUDED.version, updated_at = EXCLUDED.updated_at`,
    [
      state.requestId,
      state.workshopId,
      state.infoRequestId,
      state.counterpart,
      state.subject,
      state.requestedBy,
      state.hostAgency,
      state.liaisonAgency,
      state.status,
      state.dueAt ?? null,
      remindedForCurrentDue(state),
      state.answers.length,
      state.chases,
      lastAnswer?.recordedAt ?? null,
      history[0].recordedAt,
      last.version,
      last.recordedAt,
    ],
  );
}

function remindedForCurrentDue(state: CounterpartRequestState): string | null {
  return state.dueAt !== undefined && state.remindedFor.includes(state.dueAt) ? state.dueAt : null;
}
