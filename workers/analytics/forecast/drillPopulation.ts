// Which rows of a forecast step's prepared table (workers/analytics/forecast/drillRows.ts:
// `fstep`, `fstage`) stand behind each step of the waterfall, and how to say what they are.
import { parseForecastKey } from '../../../src/engine-api/forecastDrill';
import type { Params } from '../../../src/platform/sql/params';

/** The rows' condition and what they are (drillPopulation.ts's Population). */
export function forecastPopulation(p: Params, key: string, words: string): { where: string; title: string; note: string | null } {
  const step = parseForecastKey(key);
  if (!step) throw new Error(`"${key}" is not a step of the forecast waterfall (booked, open:<stage>, open, new, total).`);
  switch (step.part) {
    case 'booked':
      return { where: `fstep = 'booked'`, title: `Won deals booked so far in ${words}`, note: null };
    case 'open':
      return {
        where: `fstep = 'open' AND ${step.stage === null ? 'fstage IS NULL' : `fstage = ${p.add(step.stage)}`}`,
        title: `Deals open ${step.stage === null ? '(stage not known)' : `in ${step.stage}`} for the forecast of ${words}`,
        note: 'Amount is each deal’s expected part of the forecast: its value on the as-of date × the chance that deals of its stage and age then won by the period’s end (empirical conversion); their Σ is the step. Stage is the one on the as-of date.',
      };
    case 'new':
      return {
        where: `fstep = 'new'`,
        title: `New business of earlier periods on the same day, for the forecast of ${words}`,
        note: 'No deal of this step exists yet: it is the mean new business (created and won after the same day) of the earlier periods. These are those deals, each at its amount ÷ the number of periods, so their Σ is the step.',
      };
    case 'total':
      return {
        where: 'TRUE',
        title: `Every deal behind the forecast of ${words}`,
        note: 'Booked deals at their amount, open deals at their expected part, earlier periods’ new business ÷ the periods: their Σ is the forecast.',
      };
  }
}
