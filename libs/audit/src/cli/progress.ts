/**
 * Progress on stderr for long runs ("verified 350,000 / 1,000,000 events (312k/s)"), at most
 * twice a second, so stdout keeps only the result.
 */
export class Progress {
  private readonly started = Date.now();
  private last = 0;

  constructor(private readonly verb: string) {}

  update(done: number, total?: number): void {
    const now = Date.now();
    if (now - this.last < 500) return;
    this.last = now;
    this.print(done, total);
  }

  done(done: number, total?: number): void {
    this.print(done, total);
  }

  private print(done: number, total?: number): void {
    const seconds = Math.max((Date.now() - this.started) / 1000, 0.001);
    const rate = done / seconds;
    const rateText = rate >= 1000 ? `${Math.round(rate / 1000)}k/s` : `${Math.round(rate)}/s`;
    const of = total === undefined ? '' : ` / ${total.toLocaleString('en-US')}`;
    process.stderr.write(
      `${this.verb} ${done.toLocaleString('en-US')}${of} events (${rateText})\n`,
    );
  }
}
