// The screens of the app, by the `view` name of the URL hash. A feature adds its screen here.
import type { Component } from 'svelte';
import Dashboard from '../features/dashboard/Dashboard.svelte';
import ImportReport from '../features/import/ImportReport.svelte';
import type { ViewName } from './viewState';

export interface Screen {
  readonly label: string;
  readonly component: Component;
}

export const SCREENS: Partial<Record<ViewName, Screen>> = {
  dashboard: { label: 'Dashboard', component: Dashboard },
  data: { label: 'Data', component: ImportReport },
};
