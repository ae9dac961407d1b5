// `npm run cubes -- --demo --out DIR` and `npm run cubes -- --clickhouse URL --database DB --out DIR`
// (docs/warehouse.md, "The cube job"). The password is read from CLICKHOUSE_PASSWORD or from a
// file (--password-file), never from the command line (where `ps` shows it), and never printed.
import { readFileSync } from 'node:fs';
import { runDemoJob, type JobReport } from './job';
import { runLiveJob } from './live';
import { ClickhouseHttp, targetProblem } from './clickhouseHttp';

const USAGE = `usage: npm run cubes -- --demo --out DIR [--fiscal-start 1-12]
       npm run cubes -- --clickhouse URL --database DB --out DIR [--user NAME] [--password-file PATH] [--fiscal-start 1-12]
  --demo           the built-in demo data set (the one the page opens on), on embedded ClickHouse (chdb)
  --clickhouse     a ClickHouse server's HTTP interface (http://host:8123), read with SELECTs only,
                   over the canonical tables of docs/warehouse.md in --database
  --user           the ClickHouse user (default: CLICKHOUSE_USER, else the server's default user)
  --password-file  a file holding the password (default: CLICKHOUSE_PASSWORD; never on the command line)
  --out DIR        where manifest.json and the Parquet partitions go
  --fiscal-start   first month of the fiscal year the link opens with (default 1)`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

const args = process.argv.slice(2);
const value = (flag: string): string | undefined => {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
};
if (args.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}
if (args.includes('--password'))
  fail('A password on the command line is visible to every user of the machine: use CLICKHOUSE_PASSWORD or --password-file.');
const out = value('--out');
if (!out) fail('Say where the files go: --out DIR.');
const fiscal = Number(value('--fiscal-start') ?? '1');
if (!Number.isInteger(fiscal) || fiscal < 1 || fiscal > 12) fail('--fiscal-start is a month from 1 to 12.');
const url = value('--clickhouse');
if (args.includes('--demo') === (url !== undefined))
  fail('Say where the data comes from: --demo or --clickhouse URL (one of them).');

async function live(server: string): Promise<JobReport> {
  const database = value('--database');
  if (!database) fail('Say which database holds the canonical tables: --database NAME.');
  const file = value('--password-file');
  const password = file !== undefined ? readFileSync(file, 'utf8').replace(/\r?\n$/, '') : process.env.CLICKHOUSE_PASSWORD;
  const user = value('--user') ?? process.env.CLICKHOUSE_USER;
  const target = {
    url: server,
    database,
    ...(user !== undefined ? { user } : {}),
    ...(password !== undefined ? { password } : {}),
  };
  const problem = targetProblem(target);
  if (problem) fail(problem);
  return runLiveJob({ out: out ?? '', fiscalStartMonth: fiscal, server: new ClickhouseHttp(target) });
}

const started = performance.now();
try {
  const { manifest, factRows } = url !== undefined ? await live(url) : await runDemoJob({ out, fiscalStartMonth: fiscal });
  for (const [name, t] of Object.entries(manifest.tables)) {
    const rows = t.partitions.reduce((s, p) => s + p.rows, 0);
    const bytes = t.partitions.reduce((s, p) => s + p.bytes, 0);
    console.log(
      `${name.padEnd(10)} ${String(t.partitions.length).padStart(3)} files ${String(rows).padStart(8)} rows ${String(bytes).padStart(10)} bytes`,
    );
  }
  console.log(
    `${factRows} deals from ${manifest.source} → ${out}/manifest.json (reference date ${manifest.referenceDate}) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
} catch (e) {
  console.error(`The cube job stopped: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
