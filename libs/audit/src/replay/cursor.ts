import { Checkpoint } from '@liaison/event-store';

/** A place in the global order as one string for URLs and the CLI: "<transactionId>:<position>". */
export function encodeCursor(c: Checkpoint): string {
  return `${c.transactionId}:${c.position}`;
}

export function decodeCursor(text: string): Checkpoint {
  const m = /^(\d{1,20}):(\d{1,18})$/.exec(text);
  if (!m) throw new Error(`"${text}" is not a cursor (<transactionId>:<position>)`);
  return { transactionId: m[1], position: Number(m[2]) };
}
