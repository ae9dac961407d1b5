// Periods far outside any sales data (a link or the Settings inputs saying 9999-12-31) are
// refused with a message instead of computing $0 or failing in the engine on a date past
// year 9999 (docs/kpis.md, "Periods"). Kept apart from the period parser on purpose.
import { parsePeriod } from './fiscal';

/** No CRM export holds deals outside these years; comparisons reach one year further. */
export const PLAUSIBLE_YEARS = { first: 1900, last: 2199 } as const;

/** Why a well-formed period is refused, or null when it is within plausible years. */
export function implausiblePeriod(text: string): string | null {
  const p = parsePeriod(text);
  if (!p || p.kind === 'all') return null;
  const years = p.kind === 'range' ? [p.from, p.to].map((d) => Number(d.slice(0, 4))) : [p.year];
  const outside = years.find((y) => y < PLAUSIBLE_YEARS.first || y > PLAUSIBLE_YEARS.last);
  if (outside === undefined) return null;
  return (
    `The period "${text}" reaches the year ${outside}, outside ${PLAUSIBLE_YEARS.first}–${PLAUSIBLE_YEARS.last} ` +
    'where sales data lies; pick dates within it.'
  );
}
