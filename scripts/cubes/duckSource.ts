// The tab's own engine (DuckDB-WASM's Node build) as the source of the demo trial: it loads
// the demo, builds the fact table and the side tables exactly as the tab does, and hands
// their rows over as text (exact: dates ISO, 62-bit steps as digits).
import { Analytics } from '../../workers/analytics/Analytics';
import type { AnalyticsContext } from '../../workers/analytics/context';
import { openNodeEngine } from '../../src/platform/engine/openNode';
import type { EngineHost } from '../../src/platform/engine/host';
import { FACT_TABLE } from '../../src/queries/fact';
import { duckdbFactTextSql } from './factSchema';

class ContextAnalytics extends Analytics {
  openContext(): Promise<AnalyticsContext> {
    return this.context();
  }
}

export interface Duck {
  readonly analytics: Analytics;
  readonly ctx: AnalyticsContext;
  readonly host: EngineHost;
}

export async function openDuck(): Promise<Duck> {
  const host = await openNodeEngine();
  const analytics = new ContextAnalytics(host);
  return { analytics, ctx: await analytics.openContext(), host };
}

/** The fact table DuckDB built, as text rows. */
export function duckFactRows(duck: Duck): Record<string, string | null>[] {
  return duck.ctx.sql.rows<Record<string, string | null>>({ sql: duckdbFactTextSql(FACT_TABLE), params: [] });
}
