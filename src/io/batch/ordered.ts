/**
 * Results come back from the workers in any order; they leave here in input order, one at a
 * time, through one function (the results sink): the output, the journal, the summary and the
 * progress all see the same sequence, whatever the number of workers.
 */
export class InOrder<T> {
  private readonly waiting = new Map<number, T>();
  private draining: Promise<void> = Promise.resolve();
  private failure: unknown;
  /** Position of the next result to hand on. */
  next: number;

  constructor(
    first: number,
    private readonly sink: (value: T, seq: number) => void | Promise<void>,
    /** Called after each result is handed on, and when the sink fails. */
    private readonly onChange: () => void = () => {},
  ) {
    this.next = first;
  }

  /** What the sink threw, if it did: nothing more is handed on after that. */
  get error(): unknown {
    return this.failure;
  }

  put(seq: number, value: T): void {
    this.waiting.set(seq, value);
    this.draining = this.draining.then(() => this.drain());
  }

  /** Resolves when every result put so far has been handed on; rejects if the sink failed. */
  async flushed(): Promise<void> {
    await this.draining;
    if (this.failure !== undefined) throw this.failure;
  }

  private async drain(): Promise<void> {
    if (this.failure !== undefined) return;
    try {
      while (this.waiting.has(this.next)) {
        const value = this.waiting.get(this.next)!;
        this.waiting.delete(this.next);
        await this.sink(value, this.next);
        this.next++;
        this.onChange();
      }
    } catch (error) {
      this.failure = error ?? new Error('the results sink failed');
      this.onChange();
    }
  }
}
