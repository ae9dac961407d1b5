// A running sum that stays null until a value arrives, like SQL's sum() over NULLs.

export class Sum {
  value: number | null = null;

  /** Adds a value; null and NaN (a NULL read into a Float64Array) add nothing. */
  add(v: number | null | undefined): void {
    if (v !== null && v !== undefined && !Number.isNaN(v)) this.value = (this.value ?? 0) + v;
  }
}
