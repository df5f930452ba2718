/**
 * Commands on one stream, within this process, run one after another. They would collide on the
 * stream's version anyway; queued, they each decide on the state the previous one left (in the
 * cache), and only writers in other processes can still make an append conflict.
 */
export class StreamLanes {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(streamId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(streamId) ?? Promise.resolve();
    const result = previous.then(work);
    const tail = result.catch(() => undefined);
    this.tails.set(streamId, tail);
    void tail.then(() => {
      if (this.tails.get(streamId) === tail) this.tails.delete(streamId);
    });
    return result;
  }

  /** Streams with work queued or running (for specs). */
  get size(): number {
    return this.tails.size;
  }
}
