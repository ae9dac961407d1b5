// The cube job at scale (docs/warehouse.md, "Scale"): N generated opportunities made inside
// embedded ClickHouse (chdb), the three dashboard cubes rendered for ClickHouse, run and
// written as Parquet partitions. Prints time per step, peak memory (the process's max RSS:
// chdb runs in process) and bytes written. `npx tsx scripts/bench/cubes.ts 10000000`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Session } from 'chdb';
import { toClickhouse } from '../../src/platform/query/clickhouse';
import { quoteIdent } from '../../src/platform/sql/sql';
import { cubeSpecs } from '../../src/features/dashboard/core/cubeQueries';
import { FACT_TABLE } from '../../src/queries/fact';
import { clickhouseFactDdl } from '../cubes/factSchema';
import { writeCubeTable } from '../cubes/write';

const n = Number(process.argv[2] ?? '1000000');
if (!Number.isSafeInteger(n) || n <= 0) throw new Error('usage: tsx scripts/bench/cubes.ts <opportunities>');
// Cardinalities of a large sales org: the cube grows with these, not with n — except the
// won-accounts cube, which holds one row per account and dimension combination.
const ACCOUNTS = Math.max(1000, Math.floor(n / 10));
const REF = '2026-09-30';

const s = new Session();
const t0 = performance.now();
const lap = (label: string, since: number): number => {
  const now = performance.now();
  console.log(`${label.padEnd(34)} ${((now - since) / 1000).toFixed(1).padStart(7)} s`);
  return now;
};
s.query(clickhouseFactDdl(FACT_TABLE, 'MergeTree ORDER BY tuple()'));
// Every column a pure function of the row number: the same data on every run.
s.query(`INSERT INTO ${FACT_TABLE} SELECT
  concat('O-', toString(number)),
  ['open', 'won', 'lost', 'won', 'lost'][1 + number % 5],
  concat('Stage ', toString(number % 7)),
  round(1000 + (cityHash64(number, 1) % 200000) / 100 * 7.31, 2),
  number % 50 = 0,
  'USD',
  (number % 11) / 10,
  toDate32('2021-01-01') + toInt32(cityHash64(number, 2) % 2000),
  toDate32('2021-01-01') + toInt32(cityHash64(number, 2) % 2000) + toInt32(cityHash64(number, 3) % 300),
  toInt32(cityHash64(number, 3) % 300),
  concat('Rep ', toString(cityHash64(number, 4) % 400)),
  concat('Team ', toString(cityHash64(number, 4) % 400 % 40)),
  concat('Manager ', toString(cityHash64(number, 4) % 400 % 40)),
  ['North', 'South', 'East', 'West', 'Central', 'Intl'][1 + cityHash64(number, 4) % 400 % 6],
  concat('Product ', toString(cityHash64(number, 5) % 12)),
  concat('Source ', toString(cityHash64(number, 6) % 8)),
  ['New', 'Expansion', 'Renewal'][1 + number % 3],
  concat('Industry ', toString(cityHash64(number, 7) % 15)),
  concat('A-', toString(cityHash64(number, 8) % ${ACCOUNTS})),
  toInt32(number % 7),
  toInt64(bitShiftLeft(1, number % 7 + 1) - 1)
FROM numbers(${n})`);
let at = lap(`generate ${n.toLocaleString('en-US')} deals`, t0);
const dir = mkdtempSync(path.join(tmpdir(), 'pipelens-bench-cubes-'));
let bytes = 0;
const jobStart = at;
for (const spec of cubeSpecs(REF)) {
  const q = toClickhouse(spec.query);
  s.queryBind(`CREATE TABLE ${quoteIdent(`cube_${spec.id}`)} ENGINE = Memory AS ${q.sql}`, q.params);
  const rows = Number(s.query(`SELECT count() FROM ${quoteIdent(`cube_${spec.id}`)}`, 'TSV').trim());
  at = lap(`cube ${spec.id} (${rows.toLocaleString('en-US')} rows)`, at);
  const parts = writeCubeTable(s, `cube_${spec.id}`, spec.id, dir);
  const b = parts.reduce((k, p) => k + p.bytes, 0);
  bytes += b;
  at = lap(`  parquet ${parts.length} files, ${(b / 1e6).toFixed(1)} MB`, at);
}
lap('job total (cubes + parquet)', jobStart);
console.log(`parquet bytes ${bytes.toLocaleString('en-US')}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
rmSync(dir, { recursive: true, force: true });
s.cleanup();
