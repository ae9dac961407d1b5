// The dashboard's part of the URL hash (the rest of docs/spec.md §4's "the project's to design"):
//   f.<dimension>=<value>  a filter value, repeated for several; an empty value means "blank"
//   k.<kpi>=<variant>      a KPI variant (default when absent)
//   cmp=prev|yoy           the comparison every tile and the bookings chart show (default prev)
//   ref=YYYY-MM-DD         the reference date (default: latest date in the data)
//   gm=<percent>           gross margin for CLV (default 100)
//   churn=<percent>        yearly churn for the churn-based CLV
//   cur=<ISO code>         the currency of amounts whose data names none (never a conversion)
//   loc=<BCP 47 tag>       the number format's locale (default: the browser's)
//   by=<dimension>         the segment view's group-by (default region)
// Read leniently: a bad value is dropped with a notice, never a crash.
import { DIMENSIONS, isDimension, type Dimension, type Filters } from '../../shared/filters';
import { isKpiId, KPI_VARIANTS, type KpiVariants } from '../../shared/kpiVariants';

export interface DashboardHashState {
  readonly filters?: Filters;
  readonly variants?: KpiVariants;
  readonly comparison?: 'previous' | 'year_ago';
  readonly referenceDate?: string;
  readonly grossMargin?: number;
  readonly churn?: number;
  readonly currency?: string;
  readonly locale?: string;
  readonly segmentBy?: Dimension;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function readDashboardHash(params: URLSearchParams, problems: string[]): DashboardHashState {
  const out: { -readonly [K in keyof DashboardHashState]: DashboardHashState[K] } = {};
  const filters = readFilters(params, problems);
  if (Object.keys(filters).length > 0) out.filters = filters;
  const variants = readVariants(params, problems);
  if (Object.keys(variants).length > 0) out.variants = variants;
  const cmp = params.get('cmp');
  if (cmp !== null) {
    if (cmp === 'prev' || cmp === 'yoy') out.comparison = cmp === 'prev' ? 'previous' : 'year_ago';
    else problems.push(`The link's comparison "${cmp}" is not prev or yoy; comparing with the previous period.`);
  }
  const ref = params.get('ref');
  if (ref !== null) {
    if (ISO_DATE.test(ref) && !Number.isNaN(Date.parse(`${ref}T00:00:00Z`))) out.referenceDate = ref;
    else problems.push(`The link's reference date "${ref}" is not a date like 2017-12-31; using the latest date in the data.`);
  }
  const gm = readPercent(params, 'gm', 'gross margin', problems);
  if (gm !== undefined) out.grossMargin = gm;
  const churn = readPercent(params, 'churn', 'churn rate', problems);
  if (churn !== undefined) out.churn = churn;
  const cur = params.get('cur');
  if (cur !== null) {
    if (/^[A-Z]{3}$/.test(cur)) out.currency = cur;
    else problems.push(`The link's currency "${cur}" is not a three-letter code like USD; showing USD.`);
  }
  const loc = params.get('loc');
  if (loc !== null) {
    if (isLocale(loc)) out.locale = loc;
    else problems.push(`The link's number format "${loc}" is not a locale like de-DE; using the browser's.`);
  }
  const by = params.get('by');
  if (by !== null) {
    if (isDimension(by)) out.segmentBy = by;
    else problems.push(`The link's group-by "${by}" is not one of ${DIMENSIONS.join(', ')}; grouping by region.`);
  }
  return out;
}

function readFilters(params: URLSearchParams, problems: string[]): Filters {
  const filters: Partial<Record<Dimension, (string | null)[]>> = {};
  for (const [key, value] of params) {
    if (!key.startsWith('f.')) continue;
    const dim = key.slice(2);
    if (!isDimension(dim)) {
      problems.push(`The link filters on "${dim}", which is not a filter; that filter is ignored.`);
      continue;
    }
    (filters[dim] ??= []).push(value === '' ? null : value);
  }
  return filters;
}

function readVariants(params: URLSearchParams, problems: string[]): KpiVariants {
  const variants: Record<string, string> = {};
  for (const [key, value] of params) {
    if (!key.startsWith('k.')) continue;
    const id = key.slice(2);
    const allowed: readonly string[] = isKpiId(id) ? KPI_VARIANTS[id] : [];
    if (allowed.includes(value)) variants[id] = value;
    else problems.push(`The link asks for "${value}" of KPI "${id}", which does not exist; using the default definition.`);
  }
  return variants;
}

function readPercent(params: URLSearchParams, key: string, name: string, problems: string[]): number | undefined {
  const raw = params.get(key);
  if (raw === null) return undefined;
  const n = Number(raw);
  if (raw.trim() !== '' && Number.isFinite(n) && n >= 0 && n <= 100) return n / 100;
  problems.push(`The link's ${name} "${raw}" is not a percentage 0–100; using the default.`);
  return undefined;
}

export function writeDashboardHash(state: DashboardHashState, params: URLSearchParams): void {
  for (const dim of DIMENSIONS) for (const v of state.filters?.[dim] ?? []) params.append(`f.${dim}`, v ?? '');
  for (const [id, variant] of Object.entries(state.variants ?? {}))
    if (variant && variant !== 'default') params.set(`k.${id}`, variant);
  if (state.comparison === 'year_ago') params.set('cmp', 'yoy');
  if (state.referenceDate) params.set('ref', state.referenceDate);
  if (state.grossMargin !== undefined && state.grossMargin !== 1) params.set('gm', String(round6(state.grossMargin * 100)));
  if (state.churn !== undefined) params.set('churn', String(round6(state.churn * 100)));
  // A chosen USD is a choice too (exports name it); only "not chosen" leaves `cur` out.
  if (state.currency) params.set('cur', state.currency);
  if (state.locale) params.set('loc', state.locale);
  if (state.segmentBy && state.segmentBy !== 'region') params.set('by', state.segmentBy);
}

function isLocale(tag: string): boolean {
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag)) return false;
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}

function round6(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
