// Exact integer money: amounts are cents, rates are parts per million, and every product
// or quotient is computed in BigInt and rounded once, half away from zero (no float drift).

/** Parts per million: rates, multipliers and attainment fractions as integers. */
export const PPM = 1_000_000;

/** round(a × b ÷ c), exact, half away from zero. c must not be 0. */
export function mulDivRound(a: number, b: number, c: number): number {
  return Number(mulDivRoundBig(BigInt(a), BigInt(b), BigInt(c)));
}

export function mulDivRoundBig(a: bigint, b: bigint, c: bigint): bigint {
  if (c === 0n) throw new Error('mulDivRound: division by zero');
  const num = a * b;
  const negative = num < 0n !== c < 0n;
  const n = num < 0n ? -num : num;
  const d = c < 0n ? -c : c;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/** A fraction (0.125) as parts per million (125000), rounded. */
export function toPpm(fraction: number): number {
  return Math.round(fraction * PPM);
}

/** Dollars (123.456 typed in a form) as whole cents. */
export function toCents(dollars: number): number {
  return Math.round(dollars * 100);
}
