// Every known export layout. Recognition scores them all; on a tie the earlier one wins.
import { DYNAMICS_PRESETS } from './dynamics';
import { HUBSPOT_PRESETS } from './hubspot';
import { MAVEN_PRESETS } from './maven';
import { PIPEDRIVE_PRESETS } from './pipedrive';
import { PIPELENS_PRESETS } from './pipelens';
import type { Preset } from './preset';
import { SALESFORCE_PRESETS } from './salesforce';
import { SALESFORCE_REPORT_PRESETS } from './salesforceReport';
import { ZOHO_PRESETS } from './zoho';

export type { Preset } from './preset';

export const PRESETS: readonly Preset[] = [
  ...PIPELENS_PRESETS,
  ...MAVEN_PRESETS,
  ...SALESFORCE_PRESETS,
  ...SALESFORCE_REPORT_PRESETS,
  ...HUBSPOT_PRESETS,
  ...PIPEDRIVE_PRESETS,
  ...ZOHO_PRESETS,
  ...DYNAMICS_PRESETS,
];
