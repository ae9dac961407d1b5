// Collects `?` parameters in the order their placeholders are written, so a builder can
// compose SQL left to right without counting placeholders by hand.
import type { SqlValue } from './sql';

export class Params {
  readonly values: SqlValue[] = [];

  /** A placeholder for one value. */
  add(value: SqlValue): string {
    this.values.push(value);
    return '?';
  }

  date(iso: string): string {
    return `CAST(${this.add(iso)} AS DATE)`;
  }

  /** Splices in a condition built elsewhere (its params follow in order). */
  splice(part: { sql: string; params: readonly SqlValue[] }): string {
    this.values.push(...part.params);
    return part.sql;
  }
}
