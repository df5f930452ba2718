/**
 * Coalesces calls made in the same turn of the event loop into one batch: every `submit` before
 * the next `setImmediate` joins the batch, which `run` handles at once (one statement, one round
 * trip, one commit), and each caller gets its own item's outcome. Under load many requests are
 * in flight at once, so a batch forms by itself; a lone call waits only for the current turn.
 */
export class Coalescer<I, O> {
  private pending: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  private scheduled = false;

  /**
   * @param run handles a batch; returns one settled outcome per item, in order. A throw fails
   *   every item of the batch.
   */
  constructor(
    private readonly run: (items: I[]) => Promise<PromiseSettledResult<O>[]>,
    private readonly maxBatch = 500,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.maxBatch) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    // Through a promise, so that even a synchronous throw fails the batch's callers.
    Promise.resolve(batch.map((b) => b.item))
      .then((items) => this.run(items))
      .then(
        (outcomes) =>
          batch.forEach((b, i) => {
            const outcome = outcomes[i];
            if (outcome?.status === 'fulfilled') b.resolve(outcome.value);
            else b.reject(outcome ? outcome.reason : new Error('the batch returned no outcome'));
          }),
        (err) => batch.forEach((b) => b.reject(err)),
      );
  }
}
