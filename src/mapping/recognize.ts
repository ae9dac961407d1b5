// Recognition: a staged file's headers → the table it feeds and a column mapping, with a
// confidence. Every preset is scored on its signature headers: all present is certain (1),
// most present is a strong suggestion (< 1, the user confirms); otherwise header synonyms
// give a suggestion. Several files dropped together are then joined (see joins.ts).
import { CANONICAL_SCHEMA } from '../canonical/schema';
import { findHeader, normalizeHeader } from './normalize';
import { PRESETS, type Preset } from './presets';
import type { PresetSource, SignatureEntry } from './presets/preset';
import { CLOSED_FLAG, inferWonLost, SYNONYMS, WON_FLAG } from './synonyms';
import type { ColumnSource, StatusRule, TableMapping, TargetTable } from './types';

export interface FileHeaders {
  readonly fileId: string;
  readonly columns: readonly string[];
}

/** A partial signature match below this share is not offered as the file's layout. */
const MIN_PARTIAL_SHARE = 0.6;
/** A partial match is worth at most this: it always goes to the mapping screen. */
const PARTIAL_CEILING = 0.9;

export interface PresetScore {
  readonly preset: Preset;
  /** Share of the signature entries present, 0..1. */
  readonly share: number;
  readonly confidence: number;
}

/** How well one preset fits the headers: 1 when every signature header is present. */
export function scorePreset(headers: readonly string[], preset: Preset): PresetScore {
  const normalized = new Set(headers.map(normalizeHeader));
  const present = (entry: SignatureEntry) => (typeof entry === 'string' ? [entry] : entry).some((h) => normalized.has(h));
  const hits = preset.signature.filter(present).length;
  const share = preset.signature.length ? hits / preset.signature.length : 0;
  const confidence = share === 1 ? 1 : share >= MIN_PARTIAL_SHARE ? Math.round(PARTIAL_CEILING * share * 100) / 100 : 0;
  return { preset, share, confidence };
}

/** The best-fitting preset: highest confidence, then the longer (more specific) signature, then list order. */
export function bestPreset(headers: readonly string[]): PresetScore | undefined {
  let best: PresetScore | undefined;
  for (const preset of PRESETS) {
    const score = scorePreset(headers, preset);
    if (score.confidence === 0) continue;
    const better =
      !best ||
      score.confidence > best.confidence ||
      (score.confidence === best.confidence && preset.signature.length > best.preset.signature.length);
    if (better) best = score;
  }
  return best;
}

export function recognize(file: FileHeaders): TableMapping {
  const preset = bestPreset(file.columns);
  const generic = fromSynonyms(file);
  if (preset && preset.confidence >= generic.confidence) return fromPreset(file, preset.preset, preset.confidence);
  return generic;
}

export function fromPreset(file: FileHeaders, preset: Preset, confidence: number): TableMapping {
  const columns: Record<string, ColumnSource> = {};
  for (const [target, source] of Object.entries(preset.columns)) {
    const resolved = resolveSource(file.columns, source);
    if (resolved) columns[target] = resolved;
  }
  const group = preset.groups?.find((g) => Object.values(g).every((h) => findHeader(file.columns, h)));
  for (const [target, header] of Object.entries(group ?? {})) {
    const found = findHeader(file.columns, header);
    if (found) columns[target] = { source: found };
  }
  const rules = preset.status === undefined ? [] : 'kind' in preset.status ? [preset.status] : preset.status;
  // A layout whose status column is missing may still carry won/closed flags (a reworked export).
  const status =
    rules.map((r) => resolveStatus(file.columns, r)).find((r) => r !== undefined) ??
    (preset.table === 'opportunities' ? flagStatus(file.columns) : undefined);
  return { fileId: file.fileId, table: preset.table, columns, presetId: preset.id, confidence, ...(status ? { status } : {}) };
}

function firstHeader(headers: readonly string[], names: string | readonly string[]): string | undefined {
  for (const name of typeof names === 'string' ? [names] : names) {
    const header = findHeader(headers, name);
    if (header) return header;
  }
  return undefined;
}

function resolveSource(headers: readonly string[], source: PresetSource): ColumnSource | undefined {
  if (typeof source === 'string' || Array.isArray(source)) {
    const header = firstHeader(headers, source as string | readonly string[]);
    return header ? { source: header } : undefined;
  }
  if ('scale' in source) {
    const header = findHeader(headers, source.source);
    return header ? { source: header, scale: source.scale } : undefined;
  }
  if ('fallback' in source) {
    const primary = firstHeader(headers, source.source);
    const fallback = firstHeader(headers, source.fallback);
    if (primary && fallback) return { source: primary, fallback };
    const only = primary ?? fallback;
    return only ? { source: only } : undefined;
  }
  return undefined;
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

/** Best table by synonym hits (required columns count twice); confidence = share of required columns found. */
export function fromSynonyms(file: FileHeaders): TableMapping {
  let best: { table: TargetTable; columns: Record<string, ColumnSource>; score: number } | null = null;
  for (const [table, synonyms] of Object.entries(SYNONYMS) as [TargetTable, Record<string, string[]>][]) {
    const columns = matchSynonyms(file.columns, synonyms);
    const required = requiredOf(table).filter((c) => c in columns).length;
    const score = Object.keys(columns).length + required;
    if (!best || score > best.score) best = { table, columns, score };
  }
  if (!best || best.score === 0) {
    return { fileId: file.fileId, table: 'ignore', columns: {}, presetId: 'generic', confidence: 0 };
  }
  const required = requiredOf(best.table);
  const found = required.filter((c) => c in best.columns).length + (best.table === 'opportunities' ? 1 : 0);
  const total = required.length + (best.table === 'opportunities' ? 1 : 0);
  const confidence = total ? Math.round(((0.8 * found) / total) * 100) / 100 : 0.5;
  const stage = best.columns['stage'];
  const status: StatusRule | undefined = stage
    ? { kind: 'stage', column: stage.source, won: [], lost: [] }
    : best.table === 'opportunities'
      ? flagStatus(file.columns)
      : undefined;
  return {
    fileId: file.fileId,
    table: best.table,
    columns: best.columns,
    presetId: 'generic',
    confidence,
    ...(status ? { status } : {}),
  };
}

/** Won and closed flag columns, when a deals file has both and no stage. */
function flagStatus(headers: readonly string[]): StatusRule | undefined {
  const isWon = WON_FLAG.map((n) => findHeader(headers, n)).find((h) => h !== undefined);
  const isClosed = CLOSED_FLAG.map((n) => findHeader(headers, n)).find((h) => h !== undefined);
  return isWon && isClosed && isWon !== isClosed ? { kind: 'flags', isWon, isClosed } : undefined;
}

function requiredOf(table: TargetTable): string[] {
  if (table === 'products') return [];
  return CANONICAL_SCHEMA[table].filter((c) => c.required && !c.provenance && c.kind !== 'status').map((c) => c.name);
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

/** Below 1: a preset met stage values it does not know as won or lost, so the user confirms. */
const UNSURE_STAGES = 0.9;

/**
 * Settles which stage values mean won and lost once the file's values are known: a guess
 * infers them from their names; a preset keeps its lists, and values its lists miss that
 * read as won or lost ("Closed Won - Renewal") are added, sending the file to review.
 */
export function settleStageValues(mapping: TableMapping, values: readonly string[]): TableMapping {
  const status = mapping.status;
  if (status?.kind !== 'stage') return mapping;
  const inferred = inferWonLost(values);
  if (mapping.presetId === 'generic') return { ...mapping, status: { ...status, ...inferred } };
  const known = new Set([...status.won, ...status.lost].map((v) => v.trim().toLowerCase()));
  const missing = (list: string[]) => list.filter((v) => !known.has(v.trim().toLowerCase()));
  const won = missing(inferred.won);
  const lost = missing(inferred.lost);
  if (won.length === 0 && lost.length === 0) return mapping;
  return {
    ...mapping,
    status: { ...status, won: [...status.won, ...won], lost: [...status.lost, ...lost] },
    confidence: Math.min(mapping.confidence, UNSURE_STAGES),
  };
}
