// Names of the forecasting methods as the page shows them.
import type { MethodId } from './types';

export const METHOD_LABELS: Record<MethodId, string> = {
  stage_weighted: 'Stage-weighted pipeline',
  conversion: 'Empirical conversion (stage × age)',
  monte_carlo: 'Monte Carlo (P50)',
  seasonal_naive: 'Seasonal naive',
  ets_additive: 'Holt-Winters / ETS additive',
  ets_damped: 'ETS damped trend',
  theta: 'Theta',
  category: 'Forecast categories (Commit)',
};
