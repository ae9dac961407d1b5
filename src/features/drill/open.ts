// Opening the drill-through from a tile or a chart mark: the target goes into the link (the
// table's sort is kept, its text filter starts empty).
import type { AppModel } from '../../app/AppModel.svelte';
import type { DrillTarget } from './contract';

export function openDrill(app: AppModel, target: DrillTarget): void {
  const sort = app.view.drill?.sort;
  // One drill-through is open at a time: a deal table replaces a lead list.
  app.setLinkState({ drill: { target, ...(sort ? { sort } : {}) }, leadDrill: undefined });
}
