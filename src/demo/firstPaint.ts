// The demo's first paint: the dashboard of the built-in demo in the default view, computed at
// build time by the same engine code (scripts/firstPaint.ts) and shipped beside the page, so a
// first visit draws the demo while the engine is still starting. The engine then loads the
// same demo; any change of view is answered by it (calls wait in the worker's queue).
import type { DashboardRequest, DashboardResult, ImportResult } from '../engine-api/types';

/** The demo every first visit shows (seeded: the same data on every machine). */
export const DEMO = { seed: 20261129, opportunities: 3000 } as const;

export const FIRST_PAINT_FILE = 'demo-first-paint.json';

export interface FirstPaint {
  readonly request: DashboardRequest;
  readonly importResult: ImportResult;
  readonly result: DashboardResult;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

/** Shape check of the file (it comes from our own build, but a stale cache must not crash the page). */
export function isFirstPaint(v: unknown): v is FirstPaint {
  return (
    isObject(v) &&
    isObject(v['request']) &&
    isObject(v['importResult']) &&
    Array.isArray(v['importResult']['files']) &&
    isObject(v['result']) &&
    Array.isArray(v['result']['kpis'])
  );
}

/** The first paint when it fits the request on screen; null when missing, stale or for another view. */
export function firstPaintFor(v: unknown, request: DashboardRequest): FirstPaint | null {
  if (!isFirstPaint(v)) return null;
  return JSON.stringify(v.request) === JSON.stringify(request) ? v : null;
}
