// The two engines of the parity suite: DuckDB-WASM's Node build (what the tab runs) and
// ClickHouse in process (chdb, what the cube job runs). Both get the same fact rows; each
// runs its own rendering of the same cube query.
import { Session } from 'chdb';
import { Analytics } from '../../../workers/analytics/Analytics';
import type { AnalyticsContext } from '../../../workers/analytics/context';
import { openNodeEngine } from '../../../src/platform/engine/openNode';
import type { EngineHost } from '../../../src/platform/engine/host';
import { toClickhouse } from '../../../src/platform/query/clickhouse';
import { toDuckdb } from '../../../src/platform/query/duckdb';
import type { CubeQuery } from '../../../src/platform/query/ast';
import { FACT_COLUMNS } from '../../../src/queries/cubeQueries';
import { FACT_TABLE } from '../../../src/queries/fact';
import { clickhouseFactDdl, duckdbFactTextSql, FACT_TYPES, factCsv } from '../../../scripts/cubes/factSchema';

export type Row = Record<string, string | number | null>;

class CtxAnalytics extends Analytics {
  parityContext(): Promise<AnalyticsContext> {
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
  const analytics = new CtxAnalytics(host);
  return { analytics, ctx: await analytics.parityContext(), host };
}

/** The fact table DuckDB built, as text rows (exact: dates ISO, 62-bit steps as digits). */
export function duckFactRows(duck: Duck): Record<string, string | null>[] {
  return duck.ctx.sql.rows<Record<string, string | null>>({ sql: duckdbFactTextSql(FACT_TABLE), params: [] });
}

/** Replaces DuckDB's fact table with the given rows (for generated data). */
export async function setDuckFact(duck: Duck, rows: readonly Record<string, string | null>[]): Promise<void> {
  await duck.host.registerFile('parity_fact.csv', new TextEncoder().encode(factCsv(rows)));
  const columns = FACT_COLUMNS.map((c) => `'${c}': '${FACT_TYPES[c].duck}'`).join(', ');
  duck.ctx.sql.run({
    sql: `CREATE OR REPLACE TABLE ${FACT_TABLE} AS SELECT * FROM read_csv('parity_fact.csv', header = false, nullstr = '\\N', quote = '"', escape = '"', columns = {${columns}})`,
    params: [],
  });
}

export function duckRows(duck: Duck, q: CubeQuery): Row[] {
  return duck.ctx.sql.rows<Row>(toDuckdb(q));
}

/** A chdb session holding the same fact rows. */
export function openChdb(rows: readonly Record<string, string | null>[]): Session {
  const session = new Session();
  session.query(clickhouseFactDdl(FACT_TABLE));
  session.query(`INSERT INTO ${FACT_TABLE} FORMAT CSV\n${factCsv(rows)}`);
  return session;
}

export function chRows(session: Session, q: CubeQuery): Row[] {
  const { sql, params } = toClickhouse(q);
  const out = session.queryBind(sql, params, 'JSONEachRow');
  return out
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Row);
}
