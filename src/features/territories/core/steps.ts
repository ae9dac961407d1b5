// Long searches are written as generators that yield progress between small steps, so a
// driver can hand control back to the event loop (for a stop request) without threads.

export interface Progress {
  readonly phase: string;
  /** 0..1 within the whole run, monotone. */
  readonly fraction: number;
  /** Largest deviation so far (fraction), when known. */
  readonly maxDeviation?: number;
}

export type Steps<T> = Generator<Progress, T, void>;
