// The cubes a `#cube=` link opened, per session: while set, the dashboard folds these instead of
// building its own from loaded tables, and every view that needs deal rows says it is not
// available (docs/warehouse.md, "What cubes cannot answer").
import type { ColumnCube } from '../../../src/queries/columnCube';
import type { CubeManifest } from '../../../src/engine-api/cubeManifest';
import type { SideCountsRow } from '../../../src/features/dashboard/core/cubeReads';
import type { AnalyticsContext } from '../context';

export interface WarehouseCubes {
  readonly manifest: CubeManifest;
  readonly closed: ColumnCube;
  readonly created: ColumnCube;
  readonly won: ColumnCube;
  readonly counts: SideCountsRow;
}

const opened = new WeakMap<AnalyticsContext, WarehouseCubes>();

export function warehouseOf(ctx: AnalyticsContext): WarehouseCubes | undefined {
  return opened.get(ctx);
}

export function setWarehouse(ctx: AnalyticsContext, cubes: WarehouseCubes | null): void {
  if (cubes) opened.set(ctx, cubes);
  else opened.delete(ctx);
}

/** The one message for a view that needs the deals themselves, with the reason. */
export function notAtScale(what: string, why: string): string {
  return `${what} is not available at this scale: the page holds only the aggregates of the cube files, and ${why}`;
}

/** Throws for a verb that reads deal rows while cube files are open. */
export function refuseRows(ctx: AnalyticsContext, what: string, why: string): void {
  if (opened.has(ctx)) throw new Error(notAtScale(what, why));
}
