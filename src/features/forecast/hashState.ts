// The forecast screen's part of the URL hash:
//   fc.target=<amount>        the target whose probability is shown (positive number; none when absent)
//   fc.p.<stage>=<percent>    the user's stage probability for one stage, 0–100 (export's value when absent)
//   fc.asof=<YYYY-MM-DD>      forecast the period as of this day inside it (default: the data's end, or a past period's first day)
// Read leniently: a bad value is dropped with a notice, never a crash.

export interface ForecastParams {
  readonly target: number | null;
  /** The as-of date inside the period (ISO day); null = the default. */
  readonly asOf?: string | null;
  /** Stage → probability 0..1, the user's edits of the stage table. */
  readonly stageProbabilities: Readonly<Record<string, number>>;
}

/** The forecast keys of a hash; undefined when the link has none (all defaults). */
export function readForecastHash(params: URLSearchParams, problems: string[]): ForecastParams | undefined {
  let target: number | null = null;
  const stageProbabilities: Record<string, number> = {};
  const rawTarget = params.get('fc.target');
  if (rawTarget !== null) {
    const n = Number(rawTarget);
    if (rawTarget.trim() !== '' && Number.isFinite(n) && n > 0) target = n;
    else problems.push(`The link's forecast target "${rawTarget}" is not a positive amount; showing no target.`);
  }
  for (const [key, value] of params) {
    if (!key.startsWith('fc.p.')) continue;
    const stage = key.slice(5);
    const n = Number(value);
    if (stage !== '' && value.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 100) stageProbabilities[stage] = n / 100;
    else
      problems.push(
        `The link's probability "${value}" for stage "${stage}" is not a percentage 0–100; using the export's value.`,
      );
  }
  let asOf: string | null = null;
  const rawAsOf = params.get('fc.asof');
  if (rawAsOf !== null) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(rawAsOf) && !Number.isNaN(Date.parse(`${rawAsOf}T00:00:00Z`))) asOf = rawAsOf;
    else
      problems.push(`The link's forecast as-of date "${rawAsOf}" is not a day (YYYY-MM-DD); forecasting as of the default day.`);
  }
  if (target === null && asOf === null && Object.keys(stageProbabilities).length === 0) return undefined;
  return { target, stageProbabilities, ...(asOf ? { asOf } : {}) };
}

export function writeForecastHash(state: ForecastParams | undefined, params: URLSearchParams): void {
  if (!state) return;
  if (state.target !== null && Number.isFinite(state.target) && state.target > 0) params.set('fc.target', String(state.target));
  if (state.asOf) params.set('fc.asof', state.asOf);
  for (const [stage, p] of Object.entries(state.stageProbabilities))
    if (stage !== '' && Number.isFinite(p) && p >= 0 && p <= 1) params.set(`fc.p.${stage}`, String(Math.round(p * 1e8) / 1e6));
}
