// Every account placed for the map (src/features/territories/core/placement.ts): the gazetteer (ZIP and state
// centres) is loaded only when some account has no coordinates. Its coordinates replace the
// exported ones only where there were none; the summary says how each account was placed.
import type { TerritoryAccount } from './contract';
import { placeAccount, summarizePlacement, type Gazetteer, type PlacementSummary } from './core/placement';
import { loadGazetteer } from './gazetteer';

export async function placeAll(
  raw: readonly TerritoryAccount[],
  load: () => Promise<Gazetteer> = loadGazetteer,
): Promise<{ accounts: TerritoryAccount[]; placement: PlacementSummary | null; problem: string | null }> {
  if (raw.length === 0) return { accounts: [], placement: null, problem: null };
  let gazetteer: Gazetteer | null = null;
  let problem: string | null = null;
  if (raw.some((a) => a.latitude === null || a.longitude === null)) {
    try {
      gazetteer = await load();
    } catch (error) {
      problem = `The ZIP code and state table could not be loaded (${error instanceof Error ? error.message : String(error)}): accounts without coordinates are unplaced.`;
    }
  }
  const placed = raw.map((a) => placeAccount(a, gazetteer));
  return {
    accounts: raw.map((a, i) => ({ ...a, latitude: placed[i]?.latitude ?? null, longitude: placed[i]?.longitude ?? null })),
    placement: summarizePlacement(
      raw.map((a) => a.name),
      placed,
    ),
    problem,
  };
}
