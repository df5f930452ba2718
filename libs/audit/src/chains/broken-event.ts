/** Where the log is broken and what is wrong there. */
export interface BrokenEvent {
  /** Global position of the event (for a deleted event: where it was). */
  position: number;
  /** Absent when the event is gone and only its position is known (from a seal). */
  streamId?: string;
  version?: number;
  problem: string;
}

/** Keeps the broken event earliest in the log, and how many there were. */
export class BrokenTally {
  count = 0;
  first?: BrokenEvent;

  add(b: BrokenEvent): void {
    this.count++;
    if (!this.first || b.position < this.first.position) this.first = b;
  }
}
