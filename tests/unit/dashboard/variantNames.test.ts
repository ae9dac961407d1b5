import { describe, expect, it } from 'vitest';
import { plural } from '../../../src/charts/plural';
import { deltaTone, variantName } from '../../../src/features/dashboard/variantNames';
import { KPI_VARIANTS } from '../../../src/shared/kpiVariants';

describe('tile wording', () => {
  it('names every variant of a KPI with a menu by what it is, never "default", and each differently', () => {
    for (const [kpi, variants] of Object.entries(KPI_VARIANTS) as [keyof typeof KPI_VARIANTS, readonly string[]][]) {
      if (variants.length < 2) continue;
      const names = variants.map((v) => variantName(kpi, v));
      expect(names.join('|'), kpi).not.toMatch(/default/i);
      expect(new Set(names).size, kpi).toBe(names.length);
    }
  });

  it('colours a change by whether it is good for that KPI', () => {
    expect(deltaTone('win_rate', 0.37, 0.38)).toBe('bad');
    expect(deltaTone('won_amount', 2, 1)).toBe('good');
    expect(deltaTone('avg_sales_cycle_days', 40, 50)).toBe('good');
    expect(deltaTone('cac', 120, 100)).toBe('bad');
    expect(deltaTone('won_amount', 5, 5)).toBe('flat');
    expect(deltaTone('won_amount', 5, null)).toBe('flat');
  });

  it('writes counts with separators and the right plural', () => {
    expect(plural(1, 'won deal', 'won deals')).toBe('1 won deal');
    expect(plural(3001, 'won deal', 'won deals')).toBe('3,001 won deals');
    expect(plural(0, 'won deal', 'won deals')).toBe('0 won deals');
  });
});
