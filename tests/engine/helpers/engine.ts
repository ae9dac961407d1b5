// Opens the real engine (DuckDB-WASM's Node build) behind the same Analytics class the
// browser worker uses, and loads fixture files through the normal import path.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DashboardResult, ImportResult, KpiId } from '../../../src/engine-api/types';
import { Analytics } from '../../../workers/analytics/Analytics';
import { openNodeEngine } from '../../../src/platform/engine/openNode';

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');

export async function openAnalytics(): Promise<Analytics> {
  return new Analytics(await openNodeEngine());
}

export function fixture(relative: string): { name: string; data: Uint8Array } {
  return { name: path.basename(relative), data: new Uint8Array(readFileSync(path.join(FIXTURES, relative))) };
}

export async function loadFiles(analytics: Analytics, files: { name: string; data: Uint8Array }[]): Promise<ImportResult> {
  const proposal = await analytics.stageFiles(files);
  return analytics.applyImport(proposal.plan);
}

export function kpi(result: DashboardResult, id: KpiId): number | null {
  const found = result.kpis.find((k) => k.id === id);
  if (!found) throw new Error(`KPI ${id} missing from the dashboard result`);
  return found.value;
}
