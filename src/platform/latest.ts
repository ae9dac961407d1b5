// "Latest request wins" for every model that asks the engine again whenever its view changes
// (movement, pivot, drill, data quality): a late answer to an older request never overwrites a
// newer one, and an older request's error or end never clears a newer one's pending state.
// Plain TypeScript over the model's own fields, so the model's runes stay the state views read.

/** The fields a model shows: what the loader writes. */
export interface LoadState<T> {
  result: T | null;
  error: string | null;
  pending: boolean;
}

export class LatestLoader<T> {
  private ticket = 0;

  /**
   * `clearsError`: a new request clears the error on screen as it starts (data quality shows
   * "checking…" rather than the last failure); by default the error stays until an answer lands.
   */
  constructor(
    private readonly state: LoadState<T>,
    private readonly clearsError = false,
  ) {}

  /**
   * Asks `fetch`; its answer (and `shown`, which records what it answers) lands only if no
   * newer run started meanwhile. True when this run's answer is the one on screen.
   */
  async run(fetch: () => Promise<T>, shown?: (result: T) => void): Promise<boolean> {
    const ticket = ++this.ticket;
    this.state.pending = true;
    if (this.clearsError) this.state.error = null;
    try {
      const result = await fetch();
      if (ticket !== this.ticket) return false;
      this.state.result = result;
      this.state.error = null;
      shown?.(result);
      return true;
    } catch (error) {
      if (ticket === this.ticket) this.state.error = error instanceof Error ? error.message : String(error);
      return false;
    } finally {
      if (ticket === this.ticket) this.state.pending = false;
    }
  }
}
