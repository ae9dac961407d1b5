// Fairness and distribution statistics of a plan's results: Gini, Pearson correlation,
// the attainment histogram and the share of reps at or above quota.

/** Gini coefficient (mean absolute difference ÷ 2·mean); null for fewer than 2 values or a mean ≤ 0. */
export function gini(values: readonly number[]): number | null {
  const n = values.length;
  if (n < 2) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((s, v) => s + v, 0);
  if (sum <= 0) return null;
  // Σ_i Σ_j |x_i − x_j| = 2 Σ_i (2i − n + 1) x_(i) with x sorted ascending (0-based i).
  let weighted = 0;
  sorted.forEach((v, i) => (weighted += (2 * i - n + 1) * v));
  return weighted / (n * sum);
}

/** Pearson correlation; null for fewer than 3 pairs or a constant series. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  const n = Math.min(xs.length, ys.length);
  if (n < 3) return null;
  const mx = xs.slice(0, n).reduce((s, v) => s + v, 0) / n;
  const my = ys.slice(0, n).reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx;
    const dy = (ys[i] ?? 0) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** Share of values ≥ 1 (reps at or above quota); null when there are none. */
export function shareAtOrAboveQuota(attainments: readonly number[]): number | null {
  if (attainments.length === 0) return null;
  return attainments.filter((a) => a >= 1).length / attainments.length;
}

export interface HistogramBin {
  /** Lower edge (attainment fraction); the last bin is open-ended. */
  readonly from: number;
  readonly to: number | null;
  readonly count: number;
}

/** Bins of `width` from 0 up to `top`, then one open bin; negative values fall in the first bin. */
export function attainmentHistogram(attainments: readonly number[], width = 0.1, top = 2): HistogramBin[] {
  const steps = Math.round(top / width);
  const counts = new Array<number>(steps + 1).fill(0);
  for (const a of attainments) {
    // Edges are compared in integer steps so 1.0 lands in [1.0, 1.1), not [0.9, 1.0).
    const k = Math.min(steps, Math.max(0, Math.floor(Math.round(a * 1e9) / Math.round(width * 1e9))));
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts.map((count, k) => ({ from: k * width, to: k === steps ? null : (k + 1) * width, count }));
}
