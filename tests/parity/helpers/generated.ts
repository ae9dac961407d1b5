// Generated fact rows for the parity suite, aimed at where DuckDB and ClickHouse mean
// different things: dates before 1970 and after 2149 (ClickHouse's Date range), 29 February,
// NULL everywhere a NULL may be, stage ranks past 61 (the steps words' cap), 62-bit steps,
// amounts with cents from tiny to huge, and text that needs quoting.
import { Mulberry32 } from '../../../src/random/mulberry32';

const DAY = 86_400_000;
const FIRST = Date.UTC(1950, 0, 1);
const LAST = Date.UTC(2160, 11, 31);
const OWNERS = ['Ana Souza', 'O\'Brien, "Jr"', 'Zoë Ødegård', '李雷', null];
const TEAMS = ['East', 'West', null];
const SOURCES = ['Web', 'Event', 'Partner', null];
const TYPES = ['New', 'Renewal', null];
const STATUSES = ['open', 'won', 'lost', 'open', 'won'];

const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function generatedFact(seed: number, n: number): Record<string, string | null>[] {
  const r = new Mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[r.int(xs.length)] as T;
  const maybe = <T>(v: T, pNull = 0.08): T | null => (r.next() < pNull ? null : v);
  const rows: Record<string, string | null>[] = [];
  for (let i = 0; i < n; i++) {
    // Most deals around the reference dates the suite uses, the rest anywhere in 1950–2160.
    const near = [Date.UTC(2024, 1, 29), Date.UTC(1969, 11, 31), Date.UTC(2150, 0, 15)][r.int(3)] ?? 0;
    const created = r.next() < 0.7 ? near - r.int(900) * DAY : FIRST + r.int((LAST - FIRST) / DAY) * DAY;
    const leap = r.next() < 0.05 ? Date.UTC(2024, 1, 29) : null;
    const close = leap ?? created + r.int(400) * DAY;
    const createdIso = maybe(iso(created));
    const closeIso = maybe(iso(close));
    const cents = r.int(100);
    const scale = [1, 1_000, 100_000, 10_000_000_000][r.int(4)] ?? 1;
    const ord = r.next() < 0.15 ? null : r.int(70);
    // A 62-bit steps value as digits (never through a double).
    const reached = r.next() < 0.3 ? null : String((BigInt(r.int(2 ** 31)) << 31n) | BigInt(r.int(2 ** 31)));
    rows.push({
      opportunity_id: `G-${i}`,
      status: maybe(pick(STATUSES), 0.02),
      stage: maybe(pick(['Qualify', 'Propose', 'Negotiate', 'Closed Won', 'Closed Lost'])),
      amount: maybe(`${r.int(scale)}.${String(cents).padStart(2, '0')}`),
      amount_imputed: r.next() < 0.1 ? 'true' : 'false',
      currency: maybe(pick(['USD', 'EUR'])),
      probability: maybe(String(r.int(101) / 100)),
      created_date: createdIso,
      close_date: closeIso,
      cycle_days: createdIso && closeIso ? String(Math.round((close - created) / DAY)) : null,
      owner: pick(OWNERS),
      team: pick(TEAMS),
      manager: maybe('Kim Lee'),
      region: pick(['North', 'South', null]),
      product: pick(['Core', 'Add-on']),
      lead_source: pick(SOURCES),
      deal_type: pick(TYPES),
      industry: maybe(pick(['Retail', 'Media'])),
      account_key: maybe(`A-${r.int(n / 4)}`),
      stage_ord: ord === null ? null : String(ord),
      reached,
    });
  }
  return rows;
}
