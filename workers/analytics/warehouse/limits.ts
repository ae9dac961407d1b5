// What the dashboard cannot compute from cube files, said per KPI instead of a different
// number (docs/warehouse.md, "What cubes cannot answer").
import { ARTICLE_VARIANTS } from '../../../src/shared/kpiVariants';
import { notAtScale } from './state';

/** Why a KPI variant needs deal or lead rows, or null when the cubes answer it. */
export function rowOnlyVariant(id: string, variant: string): string | null {
  if (variant === 'median') {
    return notAtScale('The median', 'a median needs every deal; the cubes keep sums and counts. The mean is available.');
  }
  if (ARTICLE_VARIANTS[id] === variant) {
    return notAtScale('This variant', 'it links each lead to its deals one by one, and the cubes hold no lead or deal rows.');
  }
  return null;
}
