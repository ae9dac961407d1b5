// Balance metrics over per-territory totals: deviation from the mean, coefficient of
// variation, share within ±5 % / ±10 %, and Gini. Undefined cases return null, never 0.

export interface BalanceMetrics {
  readonly count: number;
  readonly mean: number;
  /** Largest |x − mean| / mean, a fraction. */
  readonly maxDeviation: number;
  /** Population standard deviation / mean. */
  readonly cv: number;
  /** Share of territories with |x − mean| / mean ≤ 5 %. */
  readonly within5: number;
  readonly within10: number;
  /** Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² mean): 0 is perfectly even. */
  readonly gini: number;
}

/** Tolerance comparisons carry a hair of slack so that 1.05 × mean counts as within ±5 %. */
const EPS = 1e-9;

/** Null when there are no territories or the mean is not positive (deviation is then meaningless). */
export function balanceMetrics(values: readonly number[]): BalanceMetrics | null {
  const n = values.length;
  if (n === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  if (!(mean > 0) || !Number.isFinite(mean)) return null;
  let maxDeviation = 0;
  let squares = 0;
  let in5 = 0;
  let in10 = 0;
  for (const v of values) {
    const dev = Math.abs(v - mean) / mean;
    if (dev > maxDeviation) maxDeviation = dev;
    squares += (v - mean) ** 2;
    if (dev <= 0.05 + EPS) in5++;
    if (dev <= 0.1 + EPS) in10++;
  }
  return {
    count: n,
    mean,
    maxDeviation,
    cv: Math.sqrt(squares / n) / mean,
    within5: in5 / n,
    within10: in10 / n,
    gini: gini(values, mean),
  };
}

/** Sorted form of the mean absolute difference: O(n log n) instead of O(n²). */
function gini(values: readonly number[], mean: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  let acc = 0;
  sorted.forEach((x, i) => {
    acc += (2 * (i + 1) - n - 1) * x;
  });
  return acc / (n * n * mean);
}

/** Largest relative deviation over several attributes' per-territory totals; null if none is defined. */
export function worstDeviation(columns: readonly (readonly number[])[]): number | null {
  let worst: number | null = null;
  for (const col of columns) {
    const m = balanceMetrics(col);
    if (m && (worst === null || m.maxDeviation > worst)) worst = m.maxDeviation;
  }
  return worst;
}
