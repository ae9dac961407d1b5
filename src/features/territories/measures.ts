// The numeric columns a territory can be measured and balanced on, and how to read them.
import type { TerritoryAccount } from './contract';

export type Measure = 'accounts' | 'annualRevenue' | 'openPipeline' | 'bookings' | 'employees';

export const MEASURES: readonly { readonly id: Measure; readonly label: string; readonly money: boolean }[] = [
  { id: 'annualRevenue', label: 'Annual revenue', money: true },
  { id: 'openPipeline', label: 'Open pipeline', money: true },
  { id: 'bookings', label: 'Past bookings', money: true },
  { id: 'employees', label: 'Employees', money: false },
  { id: 'accounts', label: 'Account count', money: false },
];

export type Grouping = 'territory' | 'owner' | 'region' | 'state';

export const GROUPINGS: readonly { readonly id: Grouping; readonly label: string }[] = [
  { id: 'territory', label: 'Account territory' },
  { id: 'owner', label: 'Owner (rep)' },
  { id: 'region', label: "Owner's region" },
  { id: 'state', label: 'State' },
];

/** The value an account contributes; a missing number is null (counted, never turned into 0 silently). */
export function measureOf(a: TerritoryAccount, m: Measure): number | null {
  if (m === 'accounts') return 1;
  const v = a[m];
  return v === null || !Number.isFinite(v) ? null : Math.max(0, v);
}

export function measureLabel(m: Measure): string {
  return MEASURES.find((x) => x.id === m)?.label ?? m;
}
