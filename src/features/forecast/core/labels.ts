// Names of the forecasting methods as the page shows them.
import type { MethodId } from './types';

export const METHOD_LABELS: Record<MethodId, string> = {
  stage_weighted: 'Stage-weighted pipeline + new business',
  conversion: 'Empirical conversion (stage × age)',
  monte_carlo: 'Monte Carlo (P50)',
  seasonal_naive: 'Seasonal naive',
  ets: 'ETS (form by AICc)',
  theta: 'Theta',
  category: 'Forecast categories (Commit)',
  selection: 'Selection (best method before each period)',
  combination: 'Combination (median of the leading methods)',
};
