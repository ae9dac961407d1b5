// The "engine floor": DuckDB-WASM's blocking build in a plain module worker, with no product
// code — read_csv with its own type detection into a table, then the bench's KPI questions
// (the six KPIs and bookings by quarter, docs/spec.md §3 definitions) in plain SQL. Bundled by
// scripts/bench/floor.ts at bench time; the bench times it in the same Chromium as the product.
import * as duckdb from '@duckdb/duckdb-wasm/blocking-browser';

interface Start {
  readonly wasm: string;
}
interface Load {
  readonly file: File;
}

let db: duckdb.DuckDBBindings | null = null;

const KPIS = `SELECT
  count(*) FILTER (WHERE status = 'won')::INTEGER AS won_count,
  sum(amount) FILTER (WHERE status = 'won')::DOUBLE AS won_amount,
  (count(*) FILTER (WHERE status = 'won') / nullif(count(*) FILTER (WHERE status IN ('won', 'lost')), 0))::DOUBLE AS win_rate,
  avg(amount) FILTER (WHERE status = 'won')::DOUBLE AS avg_deal,
  avg(date_diff('day', created_date, close_date)) FILTER (WHERE status = 'won')::DOUBLE AS avg_cycle,
  sum(amount) FILTER (WHERE status = 'open')::DOUBLE AS open_pipeline
FROM deals`;
const BOOKINGS = `SELECT strftime(date_trunc('quarter', close_date), '%Y-%m-%d') AS q, sum(amount)::DOUBLE AS won
FROM deals WHERE status = 'won' AND close_date IS NOT NULL GROUP BY 1 ORDER BY 1`;

async function start(msg: Start): Promise<void> {
  const bundles = { mvp: { mainModule: msg.wasm, mainWorker: '' }, eh: { mainModule: msg.wasm, mainWorker: '' } };
  const opened = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.BROWSER_RUNTIME);
  await opened.instantiate(() => {});
  opened.open({});
  db = opened;
}

async function load(msg: Load): Promise<{ wonCount: number; quarters: number }> {
  if (!db) throw new Error('the floor engine is not started');
  await db.registerFileHandleAsync('floor.csv', msg.file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
  const conn = db.connect();
  try {
    conn.query(`CREATE OR REPLACE TABLE deals AS SELECT * FROM read_csv('floor.csv')`);
    const kpis = conn.query(KPIS).toArray()[0] as { won_count: number } | undefined;
    const quarters = conn.query(BOOKINGS).numRows;
    return { wonCount: Number(kpis?.won_count ?? -1), quarters };
  } finally {
    conn.close();
  }
}

self.onmessage = (event: MessageEvent<Start | Load>) => {
  const msg = event.data;
  const work = 'wasm' in msg ? start(msg).then(() => ({ ready: true })) : load(msg);
  work.then(
    (result) => self.postMessage(result),
    (error: unknown) => self.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  );
};
