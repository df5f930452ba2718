import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '@liaison/platform';
import { CounterpartWriter } from '../commands/counterpart-writer';
import {
  canManageRequest,
  canSeeRequest,
  CounterpartActor,
  CounterpartInputError,
  CounterpartNotFoundError,
  CounterpartRequestStatus,
  OWED_STATUSES,
  SharedFile,
} from '../domain';

export const STATUS_FILTERS = [
  'open',
  'drafted',
  'sent',
  'acknowledged',
  'partially_answered',
  'answered',
  'closed',
] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export interface CounterpartRequestSummary {
  id: string;
  workshopId: string;
  infoRequestId: string;
  counterpart: string;
  subject: string;
  requestedBy: string;
  hostAgency: string;
  liaisonAgency: string;
  status: CounterpartRequestStatus;
  /** Sent and not answered in full: what the counterpart still owes. */
  owed: boolean;
  dueAt: string | null;
  overdue: boolean;
  answers: number;
  chases: number;
  lastAnswerAt: string | null;
  createdAt: string;
  version: number;
}

export interface CounterpartAnswerView {
  answerId: string;
  at: string;
  text: string;
  files: SharedFile[];
  complete: boolean;
}

export interface CounterpartHistoryEntry {
  version: number;
  type: string;
  at: string;
  actor: string;
  data: Record<string, unknown>;
}

interface Row {
  id: string;
  workshop_id: string;
  info_request_id: string;
  counterpart: string;
  subject: string;
  requested_by: string;
  host_agency: string;
  liaison_agency: string;
  status: CounterpartRequestStatus;
  due_at: Date | null;
  answers: number;
  chases: number;
  last_answer_at: Date | null;
  created_at: Date;
  version: number;
}

/** The bureau's view: requests its agency hosts or liaises for; auditors see them all. */
@Injectable()
export class CounterpartQueries {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly writer: CounterpartWriter,
  ) {}

  async list(
    caller: CounterpartActor,
    filter: { status?: StatusFilter; workshopId?: string; limit?: number },
    now = new Date(),
  ): Promise<CounterpartRequestSummary[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (caller.role !== 'auditor') {
      if (caller.role !== 'bureau_head' || !caller.agency) return [];
      args.push(caller.agency);
      where.push(`(host_agency = $${args.length} OR liaison_agency = $${args.length})`);
    }
    if (filter.status === 'open') {
      args.push(OWED_STATUSES);
      where.push(`status = ANY($${args.length})`);
    } else if (filter.status !== undefined) {
      if (!(STATUS_FILTERS as readonly string[]).includes(filter.status)) {
        throw new CounterpartInputError('status', `must be one of ${STATUS_FILTERS.join(', ')}`);
      }
      args.push(filter.status);
      where.push(`status = $${args.length}`);
    }
    if (filter.workshopId !== undefined) {
      args.push(filter.workshopId);
      where.push(`workshop_id = $${args.length}`);
    }
    args.push(filter.limit ?? 200);
    const { rows } = await this.pool.query<Row>(
      `SELECT * FROM counterpart_requests ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY due_at NULLS LAST, created_at LIMIT $${args.length}`,
      args,
    );
    return rows.map((r) => summary(r, now));
  }

  /** An agency's name in the directory (the page names the requester in full). */
  async agencyName(code: string): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ name: string }>(
      'SELECT name FROM agencies WHERE code = $1',
      [code],
    );
    return rows[0]?.name;
  }

  /** One request with its answers and history; 404 to whoever may not see it. */
  async detail(caller: CounterpartActor, id: string, now = new Date()) {
    const { history, state } = await this.writer.load(id);
    if (state.status === 'none' || !canSeeRequest(caller, state)) {
      throw new CounterpartNotFoundError('Counterpart request', id);
    }
    const { rows } = await this.pool.query<Row>(
      'SELECT * FROM counterpart_requests WHERE id = $1',
      [id],
    );
    const at = new Map(history.map((e) => [e.eventId, e.recordedAt.toISOString()]));
    const answers: CounterpartAnswerView[] = history
      .filter((e) => e.type === 'CounterpartRequestAnswered')
      .map((e) => {
        const d = e.data as unknown as Omit<CounterpartAnswerView, 'at'>;
        return {
          answerId: d.answerId,
          at: at.get(e.eventId)!,
          text: d.text,
          files: d.files,
          complete: d.complete,
        };
      });
    const live = Object.entries(state.links).find(([, l]) => l.status === 'live');
    return {
      ...summary(rows[0], now),
      message: state.message ?? null,
      answers,
      /** The link now working, for the bureau to pass on (auditors do not get it). */
      currentLink:
        live && canManageRequest(caller, state)
          ? { linkId: live[0], expiresAt: live[1].expiresAt }
          : null,
      history: history.map((e): CounterpartHistoryEntry => ({
        version: e.version,
        type: e.type,
        at: e.recordedAt.toISOString(),
        actor: String(e.metadata.actor),
        data: e.data,
      })),
    };
  }
}

function summary(r: Row, now: Date): CounterpartRequestSummary {
  const owed = (OWED_STATUSES as readonly string[]).includes(r.status);
  return {
    id: r.id,
    workshopId: r.workshop_id,
    infoRequestId: r.info_request_id,
    counterpart: r.counterpart,
    subject: r.subject,
    requestedBy: r.requested_by,
    hostAgency: r.host_agency,
    liaisonAgency: r.liaison_agency,
    status: r.status,
    owed,
    dueAt: r.due_at?.toISOString() ?? null,
    overdue: owed && r.due_at !== null && r.due_at.getTime() <= now.getTime(),
    answers: r.answers,
    chases: r.chases,
    lastAnswerAt: r.last_answer_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    version: r.version,
  };
}
