// Opening the drill-through from a tile or a chart mark: the target goes into the link (the
// table's sort is kept, its text filter starts empty).
import type { DrillTarget } from './contract';
import type { DrillState } from './hashState';

/** What the opener reads and writes of the link's state (the app model is one). */
export interface DrillLink {
  readonly view: { readonly drill?: DrillState };
  /** `leadDrill: undefined` closes an open lead list. */
  setLinkState(patch: { drill?: DrillState; leadDrill?: undefined }): void;
}

export function openDrill(app: DrillLink, target: DrillTarget): void {
  const sort = app.view.drill?.sort;
  // One drill-through is open at a time: a deal table replaces a lead list.
  app.setLinkState({ drill: { target, ...(sort ? { sort } : {}) }, leadDrill: undefined });
}
