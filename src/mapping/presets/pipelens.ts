// pipelens's own layout (the demo data, and any file saved with canonical column names):
// headers equal the canonical names, so each table's preset is derived from the schema.
import { CANONICAL_TABLES, mappableColumns } from '../../canonical/schema';
import { normalizeHeader } from '../normalize';
import type { Preset } from './preset';

export const PIPELENS_PRESETS: readonly Preset[] = CANONICAL_TABLES.map((table): Preset => {
  const columns = mappableColumns(table).filter((c) => c.kind !== 'status');
  const mapped = Object.fromEntries(columns.map((c) => [c.name, normalizeHeader(c.name)]));
  const isOpp = table === 'opportunities';
  return {
    id: `pipelens-${table}`,
    label: `pipelens ${table.replace('_', ' ')}`,
    table,
    // Every canonical column must be present (but those added later): a partial match is left to the generic matcher.
    signature: mappableColumns(table)
      .filter((c) => !c.optional)
      .map((c) => normalizeHeader(c.name)),
    columns: mapped,
    ...(isOpp ? { status: { kind: 'stage', column: 'status', won: ['won'], lost: ['lost'] } as const } : {}),
  };
});
