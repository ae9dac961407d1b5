// The screens of the app, by the `view` name of the URL hash. A feature adds its screen here.
import type { Component } from 'svelte';
import CompScreen from '../features/comp/CompScreen.svelte';
import Dashboard from '../features/dashboard/Dashboard.svelte';
import ImportReport from '../features/import/ImportReport.svelte';
import Forecast from '../features/forecast/Forecast.svelte';
import LeadQuality from '../features/leads/LeadQuality.svelte';
import PivotScreen from '../features/pivot/PivotScreen.svelte';
import Territories from '../features/territories/Territories.svelte';
import type { ViewName } from './viewState';

export interface Screen {
  readonly label: string;
  readonly component: Component;
  /** Draws from the build's first paint; every other screen waits until the engine holds the data. */
  readonly firstPaint?: true;
}

export const SCREENS: Partial<Record<ViewName, Screen>> = {
  dashboard: { label: 'Dashboard', component: Dashboard, firstPaint: true },
  pivot: { label: 'Pivot', component: PivotScreen },
  forecast: { label: 'Forecast', component: Forecast },
  leads: { label: 'Leads', component: LeadQuality },
  territories: { label: 'Territories', component: Territories },
  comp: { label: 'Compensation', component: CompScreen },
  data: { label: 'Data', component: ImportReport },
};
