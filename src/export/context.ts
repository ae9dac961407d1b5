// What a chart or printout needs to be read away from the page (docs/exports.md): what is
// shown (title), for which period, under which filters, from which data, as of which day.
// Without it an owner-filtered export looks like company totals.
import { DIMENSION_LABELS, DIMENSIONS, type Filters } from '../shared/filters';
import { day } from '../shared/format/display.svelte';

export interface ExportContext {
  /** "Period: 2026 Q3", "Filters: Owner: Ann Lee", "Data: deals.csv", "As of Sep 30, 2026". */
  readonly lines: readonly string[];
}

/** The active filters in words ("Owner: Ann Lee, Bob Ray; Product: GTX"), or "none". */
/** What the context reads of the page (the app model is one): the view, the data's name, the dashboard's answer. */
export interface ExportSource {
  readonly view: { readonly period: string; readonly filters?: Filters };
  readonly dataLabel: string;
  readonly dashboard: { readonly result: { readonly periodLabel: string; readonly referenceDate?: string | null } | null };
}

export function filtersText(filters: Filters | undefined): string {
  const parts = DIMENSIONS.flatMap((d) => {
    const values = filters?.[d] ?? [];
    return values.length === 0 ? [] : [`${DIMENSION_LABELS[d]}: ${values.map((v) => v ?? '(blank)').join(', ')}`];
  });
  return parts.length === 0 ? 'none (all deals)' : parts.join('; ');
}

export function exportContext(app: ExportSource): ExportContext {
  const result = app.dashboard.result;
  const period = result?.periodLabel ?? app.view.period;
  return {
    lines: [
      `Period: ${period}`,
      `Filters: ${filtersText(app.view.filters)}`,
      `Data: ${app.dataLabel || 'none loaded'}`,
      // Read by a person: the day in the display locale (docs/currency.md, "Dates").
      ...(result?.referenceDate ? [`As of ${day(result.referenceDate)}`] : []),
    ],
  };
}
