// Recognition: a staged file's headers → the table it feeds and a column mapping,
// with a confidence. A preset whose signature matches is certain; otherwise header
// synonyms give a suggestion that the user confirms on the mapping screen.
import { CANONICAL_SCHEMA } from '../canonical/schema';
import { findHeader, normalizeHeader } from './normalize';
import { PRESETS, type Preset } from './presets';
import type { PresetSource } from './presets/preset';
import { SYNONYMS } from './synonyms';
import type { ColumnSource, StatusRule, TableMapping, TargetTable } from './types';

export interface FileHeaders {
  readonly fileId: string;
  readonly columns: readonly string[];
}

export function recognize(file: FileHeaders): TableMapping {
  const normalized = new Set(file.columns.map(normalizeHeader));
  const preset = PRESETS.find((p) => p.signature.every((s) => normalized.has(s)));
  return preset ? fromPreset(file, preset) : fromSynonyms(file);
}

function fromPreset(file: FileHeaders, preset: Preset): TableMapping {
  const columns: Record<string, ColumnSource> = {};
  for (const [target, source] of Object.entries(preset.columns)) {
    const resolved = resolveSource(file.columns, source);
    if (resolved) columns[target] = resolved;
  }
  const status = preset.status ? resolveStatus(file.columns, preset.status) : undefined;
  return { fileId: file.fileId, table: preset.table, columns, presetId: preset.id, confidence: 1, ...(status ? { status } : {}) };
}

function resolveSource(headers: readonly string[], source: PresetSource): ColumnSource | undefined {
  if (typeof source === 'string') return wrap(findHeader(headers, source));
  if ('source' in source) {
    const header = findHeader(headers, source.source);
    return header ? { source: header, scale: source.scale } : undefined;
  }
  for (const candidate of source) {
    const header = findHeader(headers, candidate);
    if (header) return { source: header };
  }
  return undefined;
}

function wrap(header: string | undefined): ColumnSource | undefined {
  return header ? { source: header } : undefined;
}

function resolveStatus(headers: readonly string[], rule: StatusRule): StatusRule | undefined {
  if (rule.kind === 'flags') {
    const isWon = findHeader(headers, rule.isWon);
    const isClosed = findHeader(headers, rule.isClosed);
    return isWon && isClosed ? { kind: 'flags', isWon, isClosed } : undefined;
  }
  const column = findHeader(headers, rule.column);
  return column ? { ...rule, column } : undefined;
}

/** Best table by synonym hits; confidence = share of that table's required columns found. */
function fromSynonyms(file: FileHeaders): TableMapping {
  let best: { table: TargetTable; columns: Record<string, ColumnSource>; score: number } | null = null;
  for (const [table, synonyms] of Object.entries(SYNONYMS) as [TargetTable, Record<string, string[]>][]) {
    const columns = matchSynonyms(file.columns, synonyms);
    const score = Object.keys(columns).length;
    if (!best || score > best.score) best = { table, columns, score };
  }
  if (!best || best.score === 0) {
    return { fileId: file.fileId, table: 'ignore', columns: {}, presetId: 'generic', confidence: 0 };
  }
  const required = best.table === 'products' ? [] : CANONICAL_SCHEMA[best.table].filter((c) => c.required && !c.provenance);
  const found = required.filter((c) => c.name in best.columns || c.kind === 'status').length;
  const confidence = required.length ? (0.8 * found) / required.length : 0.5;
  const stage = best.columns['stage'];
  const status: StatusRule | undefined = stage ? { kind: 'stage', column: stage.source, won: [], lost: [] } : undefined;
  return {
    fileId: file.fileId,
    table: best.table,
    columns: best.columns,
    presetId: 'generic',
    confidence,
    ...(status ? { status } : {}),
  };
}

function matchSynonyms(headers: readonly string[], synonyms: Record<string, readonly string[]>): Record<string, ColumnSource> {
  const used = new Set<string>();
  const columns: Record<string, ColumnSource> = {};
  for (const [target, names] of Object.entries(synonyms)) {
    const header = names.map((n) => findHeader(headers, n)).find((h) => h !== undefined && !used.has(h));
    if (header) {
      used.add(header);
      columns[target] = { source: header };
    }
  }
  return columns;
}
