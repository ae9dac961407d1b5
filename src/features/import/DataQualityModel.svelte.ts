// The data-quality panel's state: the checks' findings for the loaded data, reloaded
// whenever a new import lands. Errors are kept and shown, never swallowed.
import type { DataQualityApi, DataQualityResult } from './contract';
import { LatestLoader } from '../../platform/latest';

export class DataQualityModel {
  result = $state<DataQualityResult | null>(null);
  error = $state<string | null>(null);
  pending = $state(false);
  private readonly loader = new LatestLoader<DataQualityResult>(this, true);

  constructor(private readonly api: DataQualityApi) {}

  /** Issues with findings first, then the checks that passed, then those that could not run. */
  get issues(): DataQualityResult['issues'] {
    const rank = (i: DataQualityResult['issues'][number]) => (i.unavailable ? 2 : i.count > 0 ? 0 : 1);
    return [...(this.result?.issues ?? [])].sort((a, b) => rank(a) - rank(b));
  }

  get flagged(): number {
    return this.result?.issues.filter((i) => i.count > 0).length ?? 0;
  }

  /** `currency` is the user's setting (used when the data names none); `locale` the display locale. */
  async load(referenceDate: string | null = null, currency: string | null = null, locale = 'en-US'): Promise<void> {
    // A newer load (a new import) wins over a slower older one.
    await this.loader.run(() => this.api.dataQuality({ referenceDate, currency, locale }));
  }
}
