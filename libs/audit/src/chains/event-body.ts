/**
 * The canonical bytes the chain hash covers, from already-canonical parts and the ISO time
 * string. The same text as the event store's eventBodyFromParts (a spec holds them together),
 * taking the time as text so the hot path never builds a Date.
 */
export function eventBodyText(
  streamId: string,
  eventId: string,
  type: string,
  schemaVersion: number,
  dataJson: string,
  metadataJson: string,
  recordedAtIso: string,
): string {
  return (
    `{"data":${dataJson},"eventId":${JSON.stringify(eventId)},"metadata":${metadataJson}` +
    `,"recordedAt":"${recordedAtIso}","schemaVersion":${schemaVersion}` +
    `,"streamId":${JSON.stringify(streamId)},"type":${JSON.stringify(type)}}`
  );
}
