/**
 * Read-your-writes: the highest global position this page's own commands produced. Reads of the
 * views send it as `minPosition`, so a list shows the person's change at once (the API waits
 * for its projections up to that position).
 */
let highest = 0;

export function rememberPosition(position: number): void {
  if (position > highest) highest = position;
}

/** The `minPosition` to send, or nothing before the first write. */
export function minPosition(): { minPosition?: number } {
  return highest > 0 ? { minPosition: highest } : {};
}
