// A forecast waterfall step as a drill-through target (docs/drill.md, "Forecast waterfall
// steps"): which step, written as the link's key, and the forecast view it was on.

/** A step of the waterfall: booked so far, one stage's open deals (null = stage not known), new business, the total. */
export type ForecastStepKey =
  | { readonly part: 'booked' }
  | { readonly part: 'open'; readonly stage: string | null }
  | { readonly part: 'new' }
  | { readonly part: 'total' };

/** The link's key: `booked`, `open:<stage>` (`open` alone: stage not known), `new`, `total`. */
export function formatForecastKey(k: ForecastStepKey): string {
  if (k.part !== 'open') return k.part;
  return k.stage === null ? 'open' : `open:${k.stage}`;
}

export function parseForecastKey(key: string): ForecastStepKey | null {
  if (key === 'booked' || key === 'new' || key === 'total') return { part: key };
  if (key === 'open') return { part: 'open', stage: null };
  if (key.startsWith('open:') && key.length > 5) return { part: 'open', stage: key.slice(5) };
  return null;
}

/** The forecast screen's view the step was on: its period and as-of day (the dashboard request gives filters and fiscal year). */
export interface ForecastDrillView {
  readonly period?: string;
  readonly asOf?: string;
}

/** The drill key of a waterfall step (its kind, and for an open-deals step its stage). */
export function waterfallStepKey(step: { readonly kind: string; readonly stage?: string | null }): string {
  if (step.kind === 'closed') return 'booked';
  if (step.kind === 'new' || step.kind === 'total') return step.kind;
  return formatForecastKey({ part: 'open', stage: step.stage ?? null });
}
