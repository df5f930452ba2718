import { ProjectedEvent, ProjectionContext } from './projection';

/**
 * Per stream, the events a projection still has to apply, in version order and without holes.
 *
 * The global log is read in (transaction id, position) order. An append made inside a longer
 * transaction can carry an older transaction id than the append before it in the same stream,
 * so version n+1 may be read before version n. Skipping by version alone would then lose n for
 * ever; instead a hole is filled from the stream itself (those versions are committed: n+1 could
 * only be appended after n was), and n is skipped later when it arrives as already applied.
 */
export async function eventsToApply(
  events: readonly ProjectedEvent[],
  appliedVersions: ReadonlyMap<string, number>,
  readStream: ProjectionContext['readStream'],
): Promise<Map<string, ProjectedEvent[]>> {
  const byStream = new Map<string, ProjectedEvent[]>();
  for (const e of events) {
    const list = byStream.get(e.streamId);
    if (list) list.push(e);
    else byStream.set(e.streamId, [e]);
  }
  const result = new Map<string, ProjectedEvent[]>();
  for (const [streamId, list] of byStream) {
    let next = (appliedVersions.get(streamId) ?? 0) + 1;
    const ordered: ProjectedEvent[] = [];
    for (const e of [...list].sort((a, b) => a.version - b.version)) {
      if (e.version < next) continue; // applied already, or a duplicate within the batch
      if (e.version > next) ordered.push(...(await readStream(streamId, next, e.version - 1)));
      ordered.push(e);
      next = e.version + 1;
    }
    if (ordered.length > 0) result.set(streamId, ordered);
  }
  return result;
}
