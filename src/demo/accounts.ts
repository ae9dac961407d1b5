// Accounts (customers and prospects). Account k is derived from (seed, k) alone, so an
// opportunity can look up its account's name, owner or state without a table in memory.

import type { DemoContext } from './context';
import { type City, fieldBlock, STATES_BY_REGION, type UsState } from './geo';
import { INDUSTRIES, type Industry } from './catalog';
import { csvLine, money, padId, type RowSource } from './csv';
import { companyName } from './names';
import { at, detExp, Rng, Stream } from './prng';
import type { Rep } from './reps';

export const ACCOUNT_COLUMNS = [
  'account_id',
  'account_name',
  'industry',
  'employees',
  'annual_revenue',
  'country',
  'state',
  'city',
  'postal_code',
  'latitude',
  'longitude',
  'owner',
  'territory',
  'parent_account',
  'county_fips',
] as const;

export interface Account {
  readonly index: number;
  readonly id: string;
  readonly name: string;
  readonly owner: Rep;
  readonly state: UsState;
  readonly city: City;
  readonly industry: Industry;
  readonly employees: number;
  readonly annualRevenue: number;
  readonly postalCode: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly parent: string;
}

export const accountId = (k: number): string => padId('ACC', k + 1, 6);

/** The owner is the first draw of the account's stream, so it is cheap to get on its own. */
export function accountOwner(ctx: DemoContext, k: number): Rep {
  let index = ctx.accountOwnerMemo[k] ?? -1;
  if (index < 0) {
    index = Rng.forRow(ctx.seed, Stream.account, k).int(ctx.reps.length);
    ctx.accountOwnerMemo[k] = index;
  }
  return at(ctx.reps, index);
}

/**
 * Which account an opportunity belongs to: half the deals pick uniformly, half favour
 * low indices, so a few key accounts carry many deals (as in any real book of business).
 */
export function pickAccountIndex(ctx: DemoContext, rng: Rng): number {
  const u = rng.next();
  const skewed = rng.chance(0.5) ? u * u : u;
  return Math.floor(skewed * ctx.accountCount);
}

function firmographics(rng: Rng): Pick<Account, 'industry' | 'employees' | 'annualRevenue'> {
  const industry = INDUSTRIES.pick(rng);
  const raw = Math.round(industry.medianEmployees * detExp(1.2 * rng.normal()));
  const employees = Math.min(250_000, Math.max(5, raw));
  // Revenue in whole thousands: what firmographic data vendors deliver.
  const revenue = Math.round((employees * industry.revenuePerEmployee * detExp(0.35 * rng.normal())) / 1000) * 1000;
  return { industry, employees, annualRevenue: revenue };
}

/**
 * The first three draws of an account's stream: its owner (see accountOwner), then where it
 * is. A field rep's accounts lie in the rep's block of cities (fieldBlock); the region's
 * named-account rep has accounts anywhere in the region. Either way exactly two draws are
 * taken, so everything drawn after (firmographics, coordinates) is as before.
 */
function ownerAndPlace(ctx: DemoContext, rng: Rng): { owner: Rep; state: UsState; city: City } {
  const owner = at(ctx.reps, rng.int(ctx.reps.length));
  const block = fieldBlock(ctx.reps, owner);
  if (block) {
    const place = at(block, rng.int(block.length));
    rng.next();
    return { owner, ...place };
  }
  const states = STATES_BY_REGION.get(owner.region);
  if (!states) throw new Error(`no states for region ${owner.region}`);
  const state = states.pick(rng);
  return { owner, state, city: rng.pick(state.cities) };
}

/** Just the account's state (for leads), without deriving the whole account. */
export function accountState(ctx: DemoContext, k: number): UsState {
  return ownerAndPlace(ctx, Rng.forRow(ctx.seed, Stream.account, k)).state;
}

export function deriveAccount(ctx: DemoContext, k: number): Account {
  const rng = Rng.forRow(ctx.seed, Stream.account, k);
  const { owner, state, city } = ownerAndPlace(ctx, rng);
  const firm = firmographics(rng);
  // Jitter of a few miles around the city centre: a metro cluster, still inside the state.
  const latitude = city.lat + (rng.next() - 0.5) * 0.16;
  const longitude = city.lon + (rng.next() - 0.5) * 0.2;
  const postalCode = rng.chance(0.08) ? '' : city.zip;
  const parent = k >= 20 && rng.chance(0.04) ? companyName(ctx.seed, rng.int(Math.min(k, 500))) : '';
  return {
    index: k,
    id: accountId(k),
    name: companyName(ctx.seed, k),
    owner,
    state,
    city,
    ...firm,
    postalCode,
    latitude,
    longitude,
    parent,
  };
}

export function accountLine(a: Account): string {
  return csvLine([
    a.id,
    a.name,
    a.industry.name,
    String(a.employees),
    money(a.annualRevenue),
    'United States',
    a.state.code,
    a.city.name,
    a.postalCode,
    a.latitude.toFixed(5),
    a.longitude.toFixed(5),
    a.owner.name,
    a.owner.territory,
    a.parent,
    a.city.countyFips,
  ]);
}

export function accountRows(ctx: DemoContext): RowSource {
  return { count: ctx.accountCount, text: (k) => accountLine(deriveAccount(ctx, k)) };
}
