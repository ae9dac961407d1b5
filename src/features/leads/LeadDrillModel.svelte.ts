// The open lead list's data: one page of the leads behind a lead-quality row or cohort and the
// totals of all of them, asked of the engine whenever the list, the view or the data changes.
// A late answer to an older request never overwrites a newer one.
import type { LeadListRequest, LeadListResult, LeadListRow, LeadsApi } from './contract';
import type { Filters } from '../../shared/filters';
import type { LeadDrillState } from './leadDrillHash';

export const LEAD_PAGE_SIZE = 50;
/** An export reads the whole set in pages this large (the engine's largest page). */
const EXPORT_PAGE = 100_000;

/** What the lead list reads from the view: the Leads screen's period, filters and reference date. */
export interface LeadListView {
  readonly period: string;
  readonly fiscalStartMonth: number;
  readonly referenceDate?: string;
  readonly filters?: Filters;
  readonly leadDrill?: LeadDrillState;
}

export function leadListRequest(view: LeadListView, offset: number, limit: number): LeadListRequest | null {
  const drill = view.leadDrill;
  if (!drill) return null;
  return {
    period: view.period,
    fiscalStartMonth: view.fiscalStartMonth,
    ...(view.referenceDate ? { referenceDate: view.referenceDate } : {}),
    ...(view.filters ? { filters: view.filters } : {}),
    target: drill.target,
    ...(drill.sort ? { sort: drill.sort } : {}),
    search: drill.search ?? '',
    offset,
    limit,
  };
}

export class LeadDrillModel {
  result = $state.raw<LeadListResult | null>(null);
  error = $state<string | null>(null);
  pending = $state(false);
  /** The request the result on screen answers (tests wait for it). */
  shownKey = $state('');
  private latest = 0;

  /** Takes the verbs it uses, not the whole engine API. */
  constructor(private readonly api: Pick<LeadsApi, 'leadList'>) {}

  async load(view: LeadListView, offset: number, key: string): Promise<void> {
    const request = leadListRequest(view, offset, LEAD_PAGE_SIZE);
    if (!request) return;
    const ticket = ++this.latest;
    this.pending = true;
    try {
      const result = await this.api.leadList(request);
      if (ticket !== this.latest) return;
      this.result = result;
      this.error = null;
      this.shownKey = key;
    } catch (error) {
      if (ticket !== this.latest) return;
      this.result = null;
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      if (ticket === this.latest) this.pending = false;
    }
  }

  /** Every lead that passes the text filter, in the table's order, for CSV and XLSX. */
  async allRows(view: LeadListView): Promise<LeadListRow[]> {
    const rows: LeadListRow[] = [];
    for (let offset = 0; ; offset += EXPORT_PAGE) {
      const request = leadListRequest(view, offset, EXPORT_PAGE);
      if (!request) return rows;
      const page = await this.api.leadList(request);
      rows.push(...page.rows);
      if (page.rows.length < EXPORT_PAGE) return rows;
    }
  }
}
