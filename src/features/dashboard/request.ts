// The engine request of a dashboard view (plain data in, plain data out: also used at build
// time to compute the demo's first paint for the default view).
import type { DashboardRequest } from '../../engine-api/types';
import type { ViewState } from '../../app/viewState';
import { AUTO_PERIOD } from '../../shared/periods/defaultPeriod';

export function dashboardRequest(view: ViewState): DashboardRequest {
  return {
    period: view.periodAuto ? AUTO_PERIOD : view.period,
    fiscalStartMonth: view.fiscalStartMonth,
    filters: view.filters ?? {},
    variants: view.variants ?? {},
    comparison: view.comparison ?? 'previous',
    referenceDate: view.referenceDate ?? null,
    grossMargin: view.grossMargin ?? 1,
    churn: view.churn ?? 0,
    segmentBy: view.segmentBy ?? 'region',
  };
}
