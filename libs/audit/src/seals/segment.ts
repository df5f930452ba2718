import { LeafList } from './seal-leaves';

/** The recomputed leaves of the seal segment being checked, with where each event sits. */
export class Segment {
  readonly leaves = new LeafList();
  readonly streamIds: string[] = [];
  readonly versions: number[] = [];

  push(position: number, leaf: Buffer, streamId: string, version: number): void {
    this.leaves.push(position, leaf);
    this.streamIds.push(streamId);
    this.versions.push(version);
  }

  clear(): void {
    this.leaves.clear();
    this.streamIds.length = 0;
    this.versions.length = 0;
  }
}
