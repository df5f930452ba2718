import { InvalidAppendError } from './event-store.errors';

/** 1–200 characters of letters, digits, _ . : -, the first a letter or a digit. */
const STREAM_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/;

export function isStreamId(streamId: unknown): streamId is string {
  return typeof streamId === 'string' && STREAM_ID.test(streamId);
}

export function validateStreamId(streamId: string): void {
  if (!isStreamId(streamId)) {
    throw new InvalidAppendError(
      'streamId',
      'must be 1–200 characters of letters, digits, _ . : -',
    );
  }
}
