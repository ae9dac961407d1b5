import { MAVEN_PRESETS } from './maven';
import { PIPELENS_PRESETS } from './pipelens';
import type { Preset } from './preset';
import { SALESFORCE_PRESETS } from './salesforce';

export type { Preset } from './preset';

/** Most specific first: the first preset whose signature matches wins. */
export const PRESETS: readonly Preset[] = [...PIPELENS_PRESETS, ...MAVEN_PRESETS, ...SALESFORCE_PRESETS];
