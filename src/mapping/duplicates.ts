// A column whose header name another column repeats is never mapped by recognition: the
// user chooses which one a field takes (docs/architecture.md, "Reading choices").
import type { StatusRule, TableMapping } from './types';

export function withoutRepeatedColumns(mapping: TableMapping, groups: readonly (readonly string[])[]): TableMapping {
  const repeated = new Set(groups.flat());
  if (repeated.size === 0) return mapping;
  const columns = Object.fromEntries(
    Object.entries(mapping.columns).filter(([, c]) => !repeated.has(c.source) && !(c.fallback && repeated.has(c.fallback))),
  );
  const keep = (rule: StatusRule) =>
    rule.kind === 'flags' ? !repeated.has(rule.isWon) && !repeated.has(rule.isClosed) : !repeated.has(rule.column);
  const status = mapping.status && keep(mapping.status) ? { status: mapping.status } : {};
  const decisions = mapping.decisions ? { decisions: mapping.decisions } : {};
  return {
    fileId: mapping.fileId,
    table: mapping.table,
    columns,
    ...status,
    ...decisions,
    presetId: mapping.presetId,
    // Below 1: the mapping screen opens, where the note says which columns to choose between.
    confidence: Math.min(mapping.confidence, 0.9),
  };
}
