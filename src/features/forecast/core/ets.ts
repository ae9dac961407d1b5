// Additive exponential smoothing in error-correction (state-space) form, as in Hyndman et al.
// (2008) and R's forecast::ets: ETS(A,N,N), (A,A,N), (A,Ad,N) and their additive-seasonal
// versions (Holt-Winters additive). Parameters and initial states are fitted by least squares.
import { nelderMead } from './optimize';

export type TrendKind = 'none' | 'additive' | 'damped';

export interface EtsSpec {
  readonly trend: TrendKind;
  /** Season length; 1 means no seasonal component. */
  readonly period: number;
}

export interface EtsParams {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly phi: number;
  readonly level0: number;
  readonly trend0: number;
  /** Initial seasonal states in time order: seasons0[i] is the seasonal term of observation i (i < period). */
  readonly seasons0: readonly number[];
}

export interface EtsState {
  readonly sse: number;
  readonly fitted: number[];
  readonly level: number;
  readonly trend: number;
  /** Seasonal states indexed by observation index modulo the period. */
  readonly seasons: number[];
}

export interface EtsFit extends EtsState {
  readonly spec: EtsSpec;
  readonly params: EtsParams;
  readonly n: number;
  readonly sigma2: number;
}

/** Runs the recursions over y with fixed parameters (one-step fitted values and final states). */
export function etsFilter(y: readonly number[], spec: EtsSpec, p: EtsParams): EtsState {
  const m = spec.period;
  const phi = spec.trend === 'damped' ? p.phi : 1;
  const hasTrend = spec.trend !== 'none';
  const seasons = m > 1 ? [...p.seasons0] : [0];
  let level = p.level0;
  let trend = hasTrend ? p.trend0 : 0;
  let sse = 0;
  const fitted: number[] = [];
  for (let t = 0; t < y.length; t++) {
    const k = m > 1 ? t % m : 0;
    const s = seasons[k] ?? 0;
    const forecast = level + phi * trend + s;
    const e = (y[t] ?? 0) - forecast;
    fitted.push(forecast);
    sse += e * e;
    level = level + phi * trend + p.alpha * e;
    if (hasTrend) trend = phi * trend + p.beta * e;
    if (m > 1) seasons[k] = s + p.gamma * e;
  }
  return { sse, fitted, level, trend, seasons };
}

/** Point forecasts and their standard deviations, h = 1..horizon (Hyndman et al. 2008, class 1). */
export function etsForecast(fit: EtsFit, horizon: number): { mean: number[]; sd: number[] } {
  const { spec, params: p } = fit;
  const m = spec.period;
  const phi = spec.trend === 'damped' ? p.phi : 1;
  const beta = spec.trend === 'none' ? 0 : p.beta;
  const mean: number[] = [];
  const sd: number[] = [];
  let phiSum = 0;
  let varianceFactor = 1;
  for (let h = 1; h <= horizon; h++) {
    phiSum += Math.pow(phi, h);
    const s = m > 1 ? (fit.seasons[(fit.n + h - 1) % m] ?? 0) : 0;
    mean.push(fit.level + (spec.trend === 'none' ? 0 : phiSum * fit.trend) + s);
    sd.push(Math.sqrt(fit.sigma2 * varianceFactor));
    // c_h for the next step's variance.
    const c = p.alpha + beta * phiSum + (m > 1 && h % m === 0 ? p.gamma : 0);
    varianceFactor += c * c;
  }
  return { mean, sd };
}

const logistic = (u: number) => 1 / (1 + Math.exp(-u));
const logit = (p: number) => Math.log(p / (1 - p));

/** Fits smoothing parameters and initial states by minimising the one-step SSE. */
export function fitEts(y: readonly number[], spec: EtsSpec): EtsFit {
  const m = spec.period;
  const hasTrend = spec.trend !== 'none';
  const scale = y.reduce((s, v) => s + Math.abs(v), 0) / Math.max(1, y.length) || 1;
  const z = y.map((v) => v / scale);
  const init = initialStates(z, spec);
  const decode = (x: readonly number[]): EtsParams => {
    let i = 0;
    const next = () => x[i++] ?? 0;
    const alpha = 0.0001 + 0.9998 * logistic(next());
    const beta = hasTrend ? alpha * logistic(next()) : 0;
    const gamma = m > 1 ? (1 - alpha) * logistic(next()) : 0;
    const phi = spec.trend === 'damped' ? 0.8 + 0.18 * logistic(next()) : 1;
    const level0 = next();
    const trend0 = hasTrend ? next() : 0;
    const free = m > 1 ? Array.from({ length: m - 1 }, next) : [];
    const seasons0 = m > 1 ? [...free, -free.reduce((s, v) => s + v, 0)] : [];
    return { alpha, beta, gamma, phi, level0, trend0, seasons0 };
  };
  const states = [init.level0, ...(hasTrend ? [init.trend0] : []), ...init.seasons0.slice(0, Math.max(0, m - 1))];
  const objective = (x: readonly number[]) => etsFilter(z, spec, decode(x)).sse;
  // Short series have several local optima (often one at α near its bound, which R's ets
  // finds): start from a slow, a middling and a fast level and keep the lowest SSE.
  let best: { x: number[]; value: number } | null = null;
  for (const a0 of [0.3, 0.02, 0.9]) {
    const start = [
      logit(a0),
      ...(hasTrend ? [logit(0.1)] : []),
      ...(m > 1 ? [logit(0.1)] : []),
      ...(spec.trend === 'damped' ? [0] : []),
      ...states,
    ];
    let run = nelderMead(objective, start, 0.5, 3000);
    run = nelderMead(objective, run.x, 0.2, 3000);
    if (!best || run.value < best.value) best = run;
  }
  if (!best) throw new Error('ETS fit had no starting point');
  const unit = decode(best.x);
  const params: EtsParams = {
    ...unit,
    level0: unit.level0 * scale,
    trend0: unit.trend0 * scale,
    seasons0: unit.seasons0.map((s) => s * scale),
  };
  const state = etsFilter(y, spec, params);
  const nParams = best.x.length + 1;
  return { ...state, spec, params, n: y.length, sigma2: state.sse / Math.max(1, y.length - nParams) };
}

/** Builds a fit object from fixed parameters (published values in tests, or a user's choice). */
export function etsWithParams(y: readonly number[], spec: EtsSpec, params: EtsParams, nParams: number): EtsFit {
  const state = etsFilter(y, spec, params);
  return { ...state, spec, params, n: y.length, sigma2: state.sse / Math.max(1, y.length - nParams) };
}

/** Heuristic starting states: first season's mean and slope, seasonal deviations from it. */
function initialStates(z: readonly number[], spec: EtsSpec): { level0: number; trend0: number; seasons0: number[] } {
  const m = spec.period;
  if (m > 1 && z.length >= 2 * m) {
    const first = z.slice(0, m);
    const second = z.slice(m, 2 * m);
    const mean1 = first.reduce((s, v) => s + v, 0) / m;
    const mean2 = second.reduce((s, v) => s + v, 0) / m;
    const seasons = first.map((v, i) => (v - mean1 + (second[i] ?? 0) - mean2) / 2);
    const centre = seasons.reduce((s, v) => s + v, 0) / m;
    return { level0: mean1, trend0: (mean2 - mean1) / m, seasons0: seasons.map((s) => s - centre) };
  }
  const y0 = z[0] ?? 0;
  return { level0: y0, trend0: z.length > 1 ? (z[1] ?? y0) - y0 : 0, seasons0: [] };
}

/**
 * Parameters R's forecast::ets counts to decide whether a form can be fitted: α and ℓ0, β and
 * b0 with a trend, φ when damped, γ and m seasonal states when seasonal.
 */
export function etsParameterCount(spec: EtsSpec): number {
  return 2 + (spec.trend === 'none' ? 0 : 2) + (spec.trend === 'damped' ? 1 : 0) + (spec.period > 1 ? spec.period : 0);
}

/** R's rule (ets refuses n ≤ npars + 4); a seasonal form also needs two full seasons to start. */
export function etsFits(n: number, spec: EtsSpec): boolean {
  return n > etsParameterCount(spec) + 4 && (spec.period === 1 || n >= 2 * spec.period);
}

/**
 * AICc as R's ets computes it for additive errors: n·log(SSE) + 2k + 2k(k+1)/(n−k−1), k the
 * free parameters (smoothing, φ, initial states with the last season implied) plus σ.
 */
export function etsAicc(fit: EtsFit): number {
  const { spec, n } = fit;
  const trend = spec.trend === 'none' ? 0 : 1;
  const seasonal = spec.period > 1;
  const smoothing = 1 + trend + (seasonal ? 1 : 0) + (spec.trend === 'damped' ? 1 : 0);
  const states = 1 + trend + (seasonal ? spec.period - 1 : 0);
  const k = smoothing + states + 1;
  return n * Math.log(fit.sse) + 2 * k + (2 * k * (k + 1)) / (n - k - 1);
}

/** The name R prints for a form, e.g. ETS(A,Ad,N). */
export function etsFormName(spec: EtsSpec): string {
  const trend = spec.trend === 'none' ? 'N' : spec.trend === 'damped' ? 'Ad' : 'A';
  return `ETS(A,${trend},${spec.period > 1 ? 'A' : 'N'})`;
}

/**
 * Every additive form the series has enough points for, fitted, and the one with the lowest
 * AICc; null when not even ETS(A,N,N) fits (the method is then not offered).
 */
export function fitBestEts(y: readonly number[], period: number): EtsFit | null {
  const trends: TrendKind[] = ['none', 'additive', 'damped'];
  const periods = period > 1 ? [1, period] : [1];
  let best: { fit: EtsFit; aicc: number } | null = null;
  for (const m of periods)
    for (const trend of trends) {
      const spec = { trend, period: m };
      if (!etsFits(y.length, spec)) continue;
      const fit = fitEts(y, spec);
      const aicc = etsAicc(fit);
      if (Number.isFinite(aicc) && (!best || aicc < best.aicc)) best = { fit, aicc };
    }
  return best?.fit ?? null;
}
