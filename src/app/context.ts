// Typed context for the app model: components get it from here, never from a global.
import { getContext, setContext } from 'svelte';
import type { AppModel } from './AppModel.svelte';

const KEY = Symbol('pipelens.app');

export function setAppModel(model: AppModel): AppModel {
  return setContext(KEY, model);
}

export function getAppModel(): AppModel {
  const model = getContext<AppModel | undefined>(KEY);
  if (!model) throw new Error('getAppModel() was called outside <App>: the app model is set there.');
  return model;
}
