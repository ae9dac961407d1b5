// `npm run cubes -- --demo --out DIR [--fiscal-start 1-12]` (docs/warehouse.md, "The cube job").
import { runDemoJob } from './job';

const USAGE = `usage: npm run cubes -- --demo --out DIR [--fiscal-start 1-12]
  --demo          the built-in demo data set (the one the page opens on), on embedded ClickHouse (chdb)
  --out DIR       where manifest.json and the Parquet partitions go
  --fiscal-start  first month of the fiscal year the link opens with (default 1)
(--clickhouse URL --database NAME is not built yet: docs/warehouse.md says what it still needs.)`;

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
const out = value('--out');
if (!out) fail('Say where the files go: --out DIR.');
if (!args.includes('--demo')) fail('Only --demo is built so far.');
const fiscal = Number(value('--fiscal-start') ?? '1');
if (!Number.isInteger(fiscal) || fiscal < 1 || fiscal > 12) fail('--fiscal-start is a month from 1 to 12.');

const started = performance.now();
const { manifest, factRows } = await runDemoJob({ out, fiscalStartMonth: fiscal });
for (const [name, t] of Object.entries(manifest.tables)) {
  const rows = t.partitions.reduce((s, p) => s + p.rows, 0);
  const bytes = t.partitions.reduce((s, p) => s + p.bytes, 0);
  console.log(
    `${name.padEnd(10)} ${String(t.partitions.length).padStart(3)} files ${String(rows).padStart(8)} rows ${String(bytes).padStart(10)} bytes`,
  );
}
console.log(
  `${factRows} deals → ${out}/manifest.json (reference date ${manifest.referenceDate}) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
