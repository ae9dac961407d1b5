// Standalone timing of the forecasts (npx tsx scripts/bench/forecast.ts), run by the benchmark:
// Monte Carlo with 10,000 draws over 100,000 open deals, and the whole forecast with its
// backtest on the seeded demo, through the same Analytics class the browser worker runs; then
// the accuracy targets on the demo and on a second, untuned seed (forecastAccuracy.ts).
// FORECAST_BENCH_SIZES=1000000 times the 1M-deal goal (the data is loaded straight into the
// canonical tables, see forecastData.ts; the load is not part of the timed number).
import { groupDeals, simulate } from '../../src/features/forecast/core/monteCarlo';
import { Prng } from '../../src/features/forecast/core/prng';
import { Analytics } from '../../workers/analytics/Analytics';
import { openNodeEngine } from '../../src/platform/engine/openNode';
import { accuracy } from './forecastAccuracy';
import { loadCanonicalDemo } from './forecastData';

const OPEN_DEALS = 100_000;
const DRAWS = 10_000;
const DEMO_SIZES = (process.env['FORECAST_BENCH_SIZES'] ?? '20000').split(',').map(Number);

function monteCarlo(): void {
  const rng = new Prng(7);
  const amounts = Float64Array.from({ length: OPEN_DEALS }, () => Math.round(500 + 50_000 * rng.next() ** 3));
  const probs = Float64Array.from({ length: OPEN_DEALS }, () => [0.1, 0.2, 0.4, 0.6, 0.8][rng.int(5)] ?? 0.1);
  const t0 = performance.now();
  const groups = groupDeals(amounts, probs);
  const dist = simulate({ groups, base: 0, extra: [], draws: DRAWS, seed: 1 });
  const ms = performance.now() - t0;
  console.log(
    `Monte Carlo: ${DRAWS.toLocaleString('en-US')} draws over ${OPEN_DEALS.toLocaleString('en-US')} open deals in ${ms.toFixed(0)} ms (P50 ${dist.p50.toFixed(0)}) — target ≤ 500 ms`,
  );
}

async function backtest(opportunities: number): Promise<void> {
  const host = await openNodeEngine();
  const t0 = performance.now();
  await loadCanonicalDemo(host, { seed: 20261129, opportunities });
  const analytics = new Analytics(host);
  const loaded = performance.now();
  const cpu0 = process.cpuUsage();
  const steps: string[] = [];
  const cpuSince = () => {
    const c = process.cpuUsage(cpu0);
    return ((c.user + c.system) / 1000).toFixed(0);
  };
  // CPU time beside wall time: on the shared machine only the former says where the work goes
  // (the SQL rebuild of every as-of date, then the forecasts of each checkpoint, then the breakdowns).
  const result = await analytics.forecast({ fiscalStartMonth: 1 }, (p) => {
    steps.push(`${p.step} ${p.done}/${p.total} at ${(performance.now() - loaded).toFixed(0)} ms (CPU ${cpuSince()} ms)`);
  });
  const ms = performance.now() - loaded;
  const cpu = process.cpuUsage(cpu0);
  const rows = result.backtest.leaderboard.length;
  const periods = result.backtest.periods.length;
  if (process.env['FORECAST_BENCH_VERBOSE']) for (const s of steps) console.log(`  progress: ${s}`);
  console.log(
    `forecast + backtest on the demo with ${opportunities.toLocaleString('en-US')} deals: ${ms.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU (${rows} methods over ${periods} past periods, ${steps.length} progress events; load ${(loaded - t0).toFixed(0)} ms) — target for 1M deals ≤ 10 s`,
  );
}

monteCarlo();
for (const size of DEMO_SIZES) await backtest(size);
await accuracy();
