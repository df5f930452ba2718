/** A Seoul wall-clock time from a datetime-local field, as an instant. */
export function seoulToIso(local: string): string {
  const withSeconds = local.length === 16 ? `${local}:00` : local;
  return new Date(`${withSeconds}+09:00`).toISOString();
}

/** An instant as a Seoul wall-clock value for a datetime-local field. */
export function isoToSeoul(iso: string): string {
  const seoul = new Date(new Date(iso).getTime() + 9 * 3_600_000);
  return seoul.toISOString().slice(0, 19);
}

/** The auditor's history filters, kept in the address (`/audit?type=…&stream=…`). */
export interface HistoryFilters {
  /** An event type, exactly (FollowUpAccepted). */
  type?: string;
  /** A stream id (follow-up-<uuid>): read through the stream's own route. */
  stream?: string;
  /** A person's id (or a key's `key:<id>`) in the event's metadata. */
  actor?: string;
  /** Recorded at or after this instant (ISO). */
  from?: string;
  /** Recorded before this instant (ISO). */
  to?: string;
}

const TYPE = /^[A-Z][A-Za-z0-9]{1,80}$/;
const STREAM = /^[a-z][a-z0-9-]{0,40}-[A-Za-z0-9._:-]{1,120}$/;
const ACTOR = /^[\w.:@-]{1,200}$/;

function instant(value: string | null): string | undefined {
  if (!value) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** What the address says; anything malformed is dropped, not guessed at. */
export function parseHistoryFilters(search: string): HistoryFilters {
  const p = new URLSearchParams(search);
  const out: HistoryFilters = {};
  const type = p.get('type')?.trim();
  if (type && TYPE.test(type)) out.type = type;
  const stream = p.get('stream')?.trim();
  if (stream && STREAM.test(stream)) out.stream = stream;
  const actor = p.get('actor')?.trim();
  if (actor && ACTOR.test(actor)) out.actor = actor;
  const from = instant(p.get('from'));
  if (from) out.from = from;
  const to = instant(p.get('to'));
  if (to) out.to = to;
  return out;
}

export function historyFiltersToSearch(f: HistoryFilters): string {
  const p = new URLSearchParams();
  for (const key of ['type', 'stream', 'actor', 'from', 'to'] as const) {
    const value = f[key];
    if (value) p.set(key, value);
  }
  return p.toString();
}

/** The form's fields (Seoul wall-clock times) to filters, and back. */
export function formToFilters(form: {
  type: string;
  stream: string;
  actor: string;
  from: string;
  to: string;
}): HistoryFilters {
  return parseHistoryFilters(
    historyFiltersToSearch({
      type: form.type.trim() || undefined,
      stream: form.stream.trim() || undefined,
      actor: form.actor.trim() || undefined,
      from: form.from ? seoulToIso(form.from) : undefined,
      to: form.to ? seoulToIso(form.to) : undefined,
    }),
  );
}

export function filtersToForm(f: HistoryFilters) {
  return {
    type: f.type ?? '',
    stream: f.stream ?? '',
    actor: f.actor ?? '',
    from: f.from ? isoToSeoul(f.from) : '',
    to: f.to ? isoToSeoul(f.to) : '',
  };
}

/** The filters as the history route's query (GET /v1/audit/events): Postgres applies them. */
export function historyQuery(f: HistoryFilters, limit: number, after?: string) {
  return {
    limit,
    ...(after && { after }),
    ...(f.type && { type: f.type }),
    ...(f.stream && { stream: f.stream }),
    ...(f.actor && { actor: f.actor }),
    ...(f.from && { from: f.from }),
    ...(f.to && { to: f.to }),
  };
}
