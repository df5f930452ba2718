/** One checked property of the run: how many things were checked, which ones broke it. */
export interface InvariantResult {
  name: string;
  checked: number;
  violations: number;
  /** A few of the violations, enough to start looking. */
  examples: string[];
  /** Context for the reader (e.g. how long the system took to settle). */
  note?: string;
}

const MAX_EXAMPLES = 5;

/** Collects violations while checking; the first few are kept as examples. */
export class Tally {
  checked = 0;
  violations = 0;
  readonly examples: string[] = [];

  constructor(readonly name: string) {}

  check(ok: boolean, example: () => string): void {
    this.checked++;
    if (ok) return;
    this.violations++;
    if (this.examples.length < MAX_EXAMPLES) this.examples.push(example());
  }

  result(note?: string): InvariantResult {
    const { name, checked, violations, examples } = this;
    return { name, checked, violations, examples, ...(note !== undefined && { note }) };
  }
}
