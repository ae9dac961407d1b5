// The screens of the app, by the `view` name of the URL hash. A feature adds its screen here.
// Only the dashboard is in the first page load; every other screen is its own chunk, fetched the
// first time it is opened, so the first paint does not carry d3-geo, the territory worker, the
// forecast or comp code (app JS budget, docs/architecture.md "Bundle").
import type { Component } from 'svelte';
import Dashboard from '../features/dashboard/Dashboard.svelte';
import type { ViewName } from './viewState';

type ScreenModule = Promise<{ default: Component }>;

export interface Screen {
  readonly label: string;
  /** In the first page load (the dashboard only). */
  readonly component?: Component;
  /** Fetches the screen's chunk (the other screens). */
  readonly load?: () => ScreenModule;
  /** Draws from the build's first paint; every other screen waits until the engine holds the data. */
  readonly firstPaint?: true;
}

export const SCREENS: Partial<Record<ViewName, Screen>> = {
  dashboard: { label: 'Dashboard', component: Dashboard, firstPaint: true },
  pivot: { label: 'Pivot', load: () => import('../features/pivot/PivotScreen.svelte') },
  forecast: { label: 'Forecast', load: () => import('../features/forecast/Forecast.svelte') },
  leads: { label: 'Leads', load: () => import('../features/leads/LeadQuality.svelte') },
  territories: { label: 'Territories', load: () => import('../features/territories/Territories.svelte') },
  comp: { label: 'Compensation', load: () => import('../features/comp/CompScreen.svelte') },
  data: { label: 'Data', load: () => import('../features/import/ImportReport.svelte') },
};
