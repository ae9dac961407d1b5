// The period a page opens on when the link names none (docs/kpis.md, "Periods"): the fiscal
// quarter that contains the reference date, so the tiles show the quarter in progress with
// its comparison. Derived again for every new data set, never stored in the link.
import { fiscalQuarterOf, formatPeriod, parsePeriod, type Period } from './fiscal';

/** What a dashboard request carries instead of a period when the data should choose it. */
export const AUTO_PERIOD = 'auto';

export function defaultPeriod(referenceDate: string, fiscalStartMonth = 1): Period {
  const q = fiscalQuarterOf(referenceDate, fiscalStartMonth);
  return { kind: 'quarter', year: q.year, quarter: q.quarter };
}

export function defaultPeriodText(referenceDate: string, fiscalStartMonth = 1): string {
  return formatPeriod(defaultPeriod(referenceDate, fiscalStartMonth));
}

/** The period a request names: `auto` is the default for the reference date, else parsed (null when not a period). */
export function requestedPeriod(text: string, referenceDate: string, fiscalStartMonth = 1): Period | null {
  return text === AUTO_PERIOD ? defaultPeriod(referenceDate, fiscalStartMonth) : parsePeriod(text);
}
