// Snapshot links: the aggregates behind the current dashboard view (KPI values, the bookings
// series, sparklines — never a row of the data), versioned and time-stamped, compressed into
// the `snap=` hash key so a colleague sees the view without the file.
import type { DashboardResult } from '../engine-api/types';
import { compressJson, decompressJson } from './codec';
import { checkedResult, type SnapshotResult } from './snapshotShape';

export const SNAPSHOT_VERSION = 1;

// The shape lives beside its checker, so the two files do not import each other.
export type { SnapshotResult } from './snapshotShape';

export interface Snapshot {
  readonly v: typeof SNAPSHOT_VERSION;
  /** ISO time the snapshot was taken. */
  readonly takenAt: string;
  /** What data it was taken from (file names or "Demo data"). */
  readonly source: string;
  /** The view hash (screen, period, filters, variants…) it shows. */
  readonly view: string;
  readonly result: SnapshotResult;
}

/** Only the aggregate fields are copied: row-level views and filter value lists stay behind. */
export function snapshotOf(result: DashboardResult, source: string, view: string, now: Date): Snapshot {
  const { period, periodLabel, kpis, bookings, grain, extent, referenceDate, comparison, sparklines } = result;
  return {
    v: SNAPSHOT_VERSION,
    takenAt: now.toISOString(),
    source,
    view,
    result: { period, periodLabel, kpis, bookings, grain, extent, referenceDate, comparison, sparklines },
  };
}

export async function encodeSnapshot(snapshot: Snapshot): Promise<string> {
  return compressJson(snapshot);
}

/** A snapshot, or a reason it cannot be shown (damaged link, newer format). Never throws. */
export async function decodeSnapshot(text: string): Promise<{ snapshot: Snapshot } | { problem: string }> {
  let value: unknown;
  try {
    value = await decompressJson(text);
  } catch {
    return {
      problem: 'The snapshot in this link is damaged (it may have been cut off when copied); showing the page without it.',
    };
  }
  if (!isRecord(value) || typeof value['v'] !== 'number')
    return { problem: 'The snapshot in this link is not one pipelens made; showing the page without it.' };
  if (value['v'] !== SNAPSHOT_VERSION)
    return { problem: `The snapshot in this link has format ${value['v']}, which this version of pipelens cannot read.` };
  const { takenAt, source, view } = value;
  // Every field the page draws is checked and copied (src/share/snapshotShape.ts).
  const result = checkedResult(value['result']);
  if (typeof takenAt !== 'string' || typeof source !== 'string' || typeof view !== 'string' || !result)
    return { problem: 'The snapshot in this link is incomplete or damaged; showing the page without it.' };
  return { snapshot: { v: SNAPSHOT_VERSION, takenAt, source, view, result } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The plain sentence the page shows above a snapshot. */
export function describeSnapshot(s: Snapshot): string {
  const when = s.takenAt.replace('T', ' ').slice(0, 16);
  return `This is a snapshot, not live data: ${s.result.periodLabel} from "${s.source}", taken ${when} UTC. Drop the files to work with the data itself.`;
}
