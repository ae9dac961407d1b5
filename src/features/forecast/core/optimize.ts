// Nelder–Mead simplex minimiser: enough for the 2–9 smoothing parameters and initial
// states of the exponential-smoothing models (the objective is cheap, gradients are not).

export interface MinimizeResult {
  readonly x: number[];
  readonly value: number;
}

export function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  step = 0.5,
  maxIter = 1500,
): MinimizeResult {
  const n = start.length;
  let simplex: { x: number[]; v: number }[] = [{ x: [...start], v: f(start) }];
  for (let i = 0; i < n; i++) {
    const x = [...start];
    x[i] = (x[i] ?? 0) + (Math.abs(x[i] ?? 0) > 1 ? step * Math.abs(x[i] ?? 0) : step);
    simplex.push({ x, v: f(x) });
  }
  for (let iter = 0; iter < maxIter; iter++) {
    simplex.sort((p, q) => p.v - q.v);
    const best = simplex[0];
    const worst = simplex[n];
    if (!best || !worst) break;
    if (Math.abs(worst.v - best.v) <= 1e-12 * (Math.abs(best.v) + 1e-12)) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      const p = simplex[i];
      if (p) for (let j = 0; j < n; j++) centroid[j] = (centroid[j] ?? 0) + (p.x[j] ?? 0) / n;
    }
    const along = (t: number) => centroid.map((c, j) => c + t * ((worst.x[j] ?? 0) - c));
    const reflected = along(-1);
    const rv = f(reflected);
    const second = simplex[n - 1]?.v ?? rv;
    if (rv < best.v) {
      const expanded = along(-2);
      const ev = f(expanded);
      simplex[n] = ev < rv ? { x: expanded, v: ev } : { x: reflected, v: rv };
    } else if (rv < second) {
      simplex[n] = { x: reflected, v: rv };
    } else {
      const contracted = rv < worst.v ? along(-0.5) : along(0.5);
      const cv = f(contracted);
      if (cv < Math.min(rv, worst.v)) simplex[n] = { x: contracted, v: cv };
      else simplex = shrink(simplex, f);
    }
  }
  simplex.sort((p, q) => p.v - q.v);
  const best = simplex[0] ?? { x: [...start], v: f(start) };
  return { x: best.x, value: best.v };
}

function shrink(simplex: { x: number[]; v: number }[], f: (x: readonly number[]) => number): { x: number[]; v: number }[] {
  const [best, ...rest] = simplex;
  if (!best) return simplex;
  return [
    best,
    ...rest.map((p) => {
      const x = p.x.map((xi, j) => (best.x[j] ?? 0) + 0.5 * (xi - (best.x[j] ?? 0)));
      return { x, v: f(x) };
    }),
  ];
}
