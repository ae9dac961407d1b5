// Where the load's time goes, statement by statement, in the Node wasm build (less noisy than
// the browser bench on a shared machine): `npx tsx scripts/bench/ingestProfile.ts 100000`.
// Prints each phase's total, the slowest statements and the process's peak resident memory.
import path from 'node:path';
import { ensureData } from './data';
import { phaseTotals, recordProduct, type Recorded } from './record';

const rows = Number(process.argv[2] ?? 100_000);
const root = path.resolve(import.meta.dirname, '../..');
const files = await ensureData(root, rows, console.log);
const cpu = process.cpuUsage();
// Resident memory after each statement (the wasm heap only grows, so each rise is where a peak was set).
const rises: { mb: number; sql: string }[] = [];
let lastRss = process.memoryUsage().rss;
// CPU seconds by phase: each statement is charged the CPU used since the one before it (its own
// work plus the JavaScript between them); wall time on a shared machine says little.
const cpuByPhase = new Map<string, number>();
let lastCpu = process.cpuUsage();
const rec = await recordProduct(files.opportunitiesCsv, 0, (r) => {
  const rss = process.memoryUsage().rss;
  if (rss - lastRss > 16 * 2 ** 20) rises.push({ mb: (rss - lastRss) / 2 ** 20, sql: r.sql.replace(/\s+/g, ' ').slice(0, 140) });
  lastRss = Math.max(lastRss, rss);
  const d = process.cpuUsage(lastCpu);
  lastCpu = process.cpuUsage();
  // The first statement's share also holds the engine's start (wasm instantiation): kept apart.
  const phase = cpuByPhase.size === 0 ? `engine start + first statement (${r.phase})` : r.phase;
  cpuByPhase.set(phase, (cpuByPhase.get(phase) ?? 0) + (d.user + d.system) / 1000);
});
const used = process.cpuUsage(cpu);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(
  `${rows} rows, load average ${(await import('node:os'))
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
console.log(`stage ${s(rec.stageFilesMs)}, import ${s(rec.applyImportMs)}, first dashboard ${s(rec.firstDashboardMs)}`);
console.log(`CPU ${s((used.user + used.system) / 1000)}, peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
console.log(
  'ingest by phase:',
  Object.entries(phaseTotals(rec.ingest))
    .map(([p, ms]) => `${p} ${s(ms)}`)
    .join(', '),
);
const top = (log: readonly Recorded[], n: number) =>
  [...log]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, n)
    .map((r) => `  ${s(r.ms)} ${r.phase}: ${r.sql.replace(/\s+/g, ' ').slice(0, 160)}`);
console.log('CPU by phase:', [...cpuByPhase].map(([p, ms]) => `${p} ${s(ms)}`).join(', '));
console.log('slowest ingest statements:');
console.log(top(rec.ingest, 12).join('\n'));
console.log('slowest first-dashboard statements:');
console.log(top(rec.first, 6).join('\n'));
console.log('where resident memory rose by more than 16 MB (after the statement):');
console.log(rises.map((r) => `  +${r.mb.toFixed(0)} MB ${r.sql}`).join('\n'));
