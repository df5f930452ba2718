import { Inject, Injectable } from '@nestjs/common';
import { Pool, PoolClient } from 'pg';
import { ConcurrencyError, EventStore, NewEvent, StoredEvent } from '@liaison/event-store';
import { inTransaction, PG_POOL } from '@liaison/platform';
import {
  DataKeys,
  eraseElsewhere,
  holdsSealed,
  masterKeyring,
  holdsClearAt,
  openAll,
  sealPaths,
} from '@liaison/personal-data';
import { AgencyRecord, Decider, DirectoryEvent, foldEvents } from '../domain';
import { PERSONAL_FIELD_PATHS, SEALED_SCHEMA_VERSION } from '../domain/events';
import { RegisteredPerson } from '../domain/person/person.state';
import { DirectoryConflictError } from '../domain/directory.errors';
import { projectDirectoryEvents } from '../tables/directory-projection';
import { readAgencies } from '../tables/agency-rows';
import { boundEventIds, DirectoryCommandMeta, eventMetadata } from './directory-command-meta';

export interface DirectoryWriteResult {
  streamId: string;
  /** The stream's version after the command. */
  version: number;
  /** Global position of the last event written (the stream's last, when nothing was). */
  position: number;
  /** False when the rules found nothing to do (a PATCH that changes nothing). */
  changed: boolean;
}

/** The command for a stream, made inside the transaction (where it may lock what it relies on). */
export type CommandIn<C> = C | ((tx: PoolClient) => Promise<C>);

/** Decisions on a stream that another writer moved meanwhile, before the caller gets a 409. */
const MAX_TRIES = 5;

/**
 * The directory's command path: load the stream, decide, append at the version loaded, and
 * write the read tables — all in ONE transaction, so the request after a revoke or a
 * deactivation (sign-in, the guard, a delegation check) already sees it.
 *
 * Why not the follow-up lib's DecisionRunner: its single-command path appends outside any
 * transaction (the store coalesces concurrent appends), so tables could not be written with the
 * append; its in-transaction path (runBatch) refuses Idempotency-Keys and decides on the
 * follow-up's context; and the follow-up lib reads the directory, so the directory may not import
 * it. The steps are the same: expected versions (If-Match → 409), a few rounds on a moved stream
 * when no If-Match was sent, event ids bound to an Idempotency-Key and the log asked whether an
 * earlier attempt was applied.
 */
@Injectable()
export class DirectoryWriter {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly store: EventStore,
  ) {}

  async write<C, S, E extends DirectoryEvent>(
    decider: Decider<C, S, E>,
    streamId: string,
    command: CommandIn<C>,
    meta: DirectoryCommandMeta,
  ): Promise<DirectoryWriteResult> {
    const seed = meta.idempotencySeed;
    const earlier = seed === undefined ? undefined : await this.earlierAttempt(streamId, seed);
    if (earlier) return earlier;
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await inTransaction(this.pool, (tx) =>
          this.decideAndAppend(decider, streamId, command, meta, tx),
        );
        if (result.changed) this.store.announceAppends();
        return result;
      } catch (err) {
        const moved = err instanceof ConcurrencyError;
        // Without If-Match the sender asked for no version check: decided again on the news.
        if (moved && meta.expectedVersion === undefined && attempt < MAX_TRIES) {
          await new Promise((r) => setTimeout(r, attempt * (5 + Math.random() * 10)));
          continue;
        }
        // Refused because the first attempt of this very request got in meanwhile: its answer.
        const applied = seed !== undefined && (await this.earlierAttempt(streamId, seed));
        if (applied) return applied;
        throw uniqueViolation(err) ?? err;
      }
    }
  }

  private async decideAndAppend<C, S, E extends DirectoryEvent>(
    decider: Decider<C, S, E>,
    streamId: string,
    commandIn: CommandIn<C>,
    meta: DirectoryCommandMeta,
    tx: PoolClient,
  ): Promise<DirectoryWriteResult> {
    // The command first: the locks it takes come before anything the decision reads.
    const command =
      typeof commandIn === 'function'
        ? await (commandIn as (tx: PoolClient) => Promise<C>)(tx)
        : commandIn;
    const agencies = await agencyMap(tx);
    const keys = new DataKeys(tx, masterKeyring());
    const stored0 = (await this.store.readStreams([streamId], tx)).get(streamId) ?? [];
    // The rules see clear values (or the erased marks); the log keeps them sealed.
    const history = await Promise.all(
      stored0.map(async (e) =>
        holdsSealed(e.data) ? { ...e, data: await openAll(keys, e.data) } : e,
      ),
    );
    const last = history.at(-1);
    const version = last?.version ?? 0;
    const state = foldEvents(decider, history as unknown as E[]);
    // The rules run first: who may not do this learns nothing, not even the stream's version.
    const events = decider.decide(command, state, { actor: meta.actor, now: new Date(), agencies });
    if (meta.expectedVersion !== undefined && meta.expectedVersion !== version) {
      throw new ConcurrencyError(streamId, meta.expectedVersion, version);
    }
    if (events.length === 0) {
      return { streamId, version, position: last?.position ?? 0, changed: false };
    }
    const appended = await this.store.append(streamId, await newEvents(events, meta, keys), {
      expectedVersion: version === 0 ? 'no_stream' : version,
      client: tx,
    });
    const erased = events.find((e) => e.type === 'PersonErased');
    if (erased?.type === 'PersonErased') {
      // Crypto-shredding in the append's transaction: the event and the key's end commit together.
      const person = state as unknown as RegisteredPerson;
      await eraseElsewhere(tx, person.personId, person);
      await keys.destroy(person.personId, erased.data.reason);
    }
    // Read back as stored: the tables take the recorded times the log holds.
    const stored = (await this.store.readStreams([streamId], tx)).get(streamId) ?? [];
    await projectDirectoryEvents(
      stored.filter((e: StoredEvent) => e.version > version),
      tx,
    );
    return { streamId, version: appended.version, position: appended.position, changed: true };
  }

  private async earlierAttempt(
    streamId: string,
    seed: string,
  ): Promise<DirectoryWriteResult | undefined> {
    const stored = await this.store.lastStoredOf(boundEventIds(seed));
    if (!stored) return undefined;
    if (stored.streamId !== streamId) {
      throw new Error(`Idempotency-Key bound to ${stored.streamId}, not ${streamId}`);
    }
    return { streamId, version: stored.version, position: stored.position, changed: true };
  }
}

async function agencyMap(tx: PoolClient): Promise<ReadonlyMap<string, AgencyRecord>> {
  return new Map((await readAgencies(tx)).map((a) => [a.code, a]));
}

/**
 * The events as the log stores them: a person's name, e-mail and phone sealed under their data
 * key (schema version 2, see PERSONAL_FIELD_PATHS); the hash covers the sealed form.
 */
async function newEvents(
  events: readonly DirectoryEvent[],
  meta: DirectoryCommandMeta,
  keys: DataKeys,
): Promise<NewEvent[]> {
  const metadata = eventMetadata(meta);
  const ids = meta.idempotencySeed === undefined ? undefined : boundEventIds(meta.idempotencySeed);
  // Every key the batch seals under, read (or made) in one statement before the first seal.
  await keys.getOrCreateAll(
    events.flatMap((e) =>
      (e.type === 'PersonRegistered' || e.type === 'PersonUpdated') &&
      holdsClearAt({ ...e.data }, PERSONAL_FIELD_PATHS)
        ? [e.data.personId]
        : [],
    ),
  );
  const out: NewEvent[] = [];
  for (const [i, e] of events.entries()) {
    let data: NewEvent['data'] = { ...e.data };
    let schemaVersion: number | undefined;
    if (e.type === 'PersonRegistered' || e.type === 'PersonUpdated') {
      const sealed = await sealPaths(keys, e.data.personId, data, PERSONAL_FIELD_PATHS);
      data = sealed.data;
      if (sealed.sealed > 0) schemaVersion = SEALED_SCHEMA_VERSION;
    }
    out.push({
      ...(ids && { eventId: ids[i] }),
      type: e.type,
      ...(schemaVersion !== undefined && { schemaVersion }),
      data,
      metadata,
    });
  }
  return out;
}

/** A login or an IdP subject taken by a concurrent registration: the unique index said so. */
function uniqueViolation(err: unknown): DirectoryConflictError | undefined {
  const pg = err as { code?: string; constraint?: string };
  if (pg?.code !== '23505') return undefined;
  if (pg.constraint === 'people_login_key') return new DirectoryConflictError('login', 'login');
  if (pg.constraint === 'people_oidc_subject_key') {
    return new DirectoryConflictError('oidcSubject', 'a person with this IdP subject');
  }
  return undefined;
}
