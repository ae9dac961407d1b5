// The two engines of the parity suite: DuckDB-WASM's Node build (what the tab runs) and
// ClickHouse in process (chdb, what the cube job runs). Both get the same fact rows; each
// runs its own rendering of the same cube query.
import { Session } from 'chdb';
import { toClickhouse } from '../../../src/platform/query/clickhouse';
import { toDuckdb } from '../../../src/platform/query/duckdb';
import type { CubeQuery } from '../../../src/platform/query/ast';
import { FACT_COLUMNS } from '../../../src/features/dashboard/core/cubeQueries';
import { FACT_TABLE } from '../../../src/queries/fact';
import { clickhouseFactDdl, FACT_TYPES, factCsv } from '../../../scripts/cubes/factSchema';
import { duckFactRows, openDuck, type Duck } from '../../../scripts/cubes/duckSource';

export type Row = Record<string, string | number | null>;

export { openDuck, duckFactRows, type Duck };

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
