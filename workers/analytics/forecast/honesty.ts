// Which methods can be judged fairly on this data, and what the page says about it.
import type { MethodId } from '../../../src/features/forecast/core/types';
import type { DataFactsRow } from './queries';

/** Without stage history the stage (and category) a deal had on a past date is unknown. */
export function isHonest(method: MethodId, hasHistory: boolean): boolean {
  if (hasHistory) return true;
  return method !== 'stage_weighted' && method !== 'category';
}

export function honestyNotes(hasHistory: boolean, facts: DataFactsRow): string[] {
  const notes: string[] = [];
  if (hasHistory) {
    notes.push(
      'Stage history is loaded: every past as-of date is rebuilt with the stage, amount, expected close, probability and category each deal had then, so every method is backtested honestly.',
    );
  } else {
    notes.push(
      'No stage history is loaded, so the stage a deal had on a past date is unknown. Only age-based methods (empirical conversion by deal age, Monte Carlo) and the time-series methods are backtested honestly; the stage-weighted row weights every deal open then by the win rate known then, not by its stage, and is not recommended.',
    );
  }
  if (facts.with_probability === 0)
    notes.push(
      'The export has no probability column: stage-weighted uses the stage → probability table below (conventional defaults; edit them to yours).',
    );
  if (facts.with_category === 0) notes.push('The export has no forecast categories, so there is no Commit / Best case roll-up.');
  else if (!hasHistory)
    notes.push('Forecast categories are shown for today only: without stage history they cannot be backtested.');
  return notes;
}
