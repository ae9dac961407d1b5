// Recognition by content, beside header synonyms (docs/recognition.md, "Recognition by content"):
// - a file whose rows all carry a won/closed date and which has no stage is a list of won deals;
// - an id column (hash, UUID, or integer under an id-like header) whose values another file's
//   id column shares is the key they join on: the side where each value is unique is the list
//   the other names — a lead list named by a list of closed deals is the marketing-funnel pair;
// - a lead list's first-contact/created date and its origin/source column are proposed as such.
// Only files header recognition was not certain of are changed; the user confirms (below 1).
import type { ColumnProfile, FileProfile } from './contentProfile';
import type { JoinNote } from './joins';
import { normalizeHeader } from './normalize';
import type { ColumnSource, TableMapping } from './types';

/** Confidence of a content proposal: shown on the mapping screen, confirmed once. */
export const CONTENT_CONFIDENCE = 0.85;

const WON_DATE = /won|win|closed|close|gewonnen|abschluss|gagne|ganad|ganho|cierre|fechamento|fechad|gesloten|sluiting/;
const CREATED =
  /firstcontact|created|creation|erstkontakt|erstellt|premiercontact|creacion|primercontacto|primeirocontato|criado|criacao|aangemaakt|eerstecontact|signup|registered|captured/;
const ORIGIN = /origin|source|channel|herkunft|quelle|kanal|canal|origen|fuente|origem|fonte|bron|kanaal|medium/;
const ID_HEADER = /(id|key|nr|no|number|nummer|numero|code)$/;

export interface SharedValues {
  readonly a: { readonly fileId: string; readonly column: string };
  readonly b: { readonly fileId: string; readonly column: string };
  readonly shared: number;
}

const full = (c: ColumnProfile, rows: number) => rows > 0 && c.filled === rows;

/** Columns that can be a record id: every value id-shaped, and a hash or an id-like header. */
export function idCandidates(file: FileProfile): ColumnProfile[] {
  return file.columns.filter(
    (c) => c.filled > 0 && c.idLike === c.filled && (c.hashLike === c.filled || ID_HEADER.test(normalizeHeader(c.name))),
  );
}

/** Two id columns join when they share at least half of the smaller one's distinct values. */
export function joins(shared: SharedValues, a: ColumnProfile, b: ColumnProfile): boolean {
  return shared.shared > 0 && shared.shared >= 0.5 * Math.min(a.distinct, b.distinct);
}

function wonDateColumn(file: FileProfile): string | undefined {
  return file.columns.find((c) => full(c, file.rows) && c.dateLike === c.filled && WON_DATE.test(normalizeHeader(c.name)))?.name;
}

function createdColumn(file: FileProfile, exclude: string): string | undefined {
  const dates = file.columns.filter((c) => c.name !== exclude && c.filled > 0 && c.dateLike === c.filled);
  return (dates.find((c) => CREATED.test(normalizeHeader(c.name))) ?? (dates.length === 1 ? dates[0] : undefined))?.name;
}

function originColumn(file: FileProfile, exclude: readonly string[]): string | undefined {
  return file.columns.find((c) => !exclude.includes(c.name) && c.idLike < c.filled && ORIGIN.test(normalizeHeader(c.name)))?.name;
}

/** Every row names itself; a few repeats (≤ 2 %) are a flaw the data-quality panel lists, not another key. */
const unique = (c: ColumnProfile, rows: number) => full(c, rows) && c.distinct >= 0.98 * rows;

/** A list of won deals: a full won/closed date, and no stage or won/closed flags to read status from. */
function asWonDeals(m: TableMapping, file: FileProfile): TableMapping | null {
  if (m.confidence >= 1 || m.status !== undefined) return null;
  const won = wonDateColumn(file);
  if (!won) return null;
  const columns: Record<string, ColumnSource> = m.table === 'opportunities' ? { ...m.columns } : {};
  columns['close_date'] = { source: won };
  return {
    fileId: m.fileId,
    table: 'opportunities',
    columns,
    presetId: 'content',
    confidence: CONTENT_CONFIDENCE,
    status: { kind: 'won_date', column: won },
  };
}

function asLeads(m: TableMapping, file: FileProfile, id: string): TableMapping {
  const columns: Record<string, ColumnSource> = m.table === 'leads' ? { ...m.columns } : {};
  columns['lead_id'] = { source: id };
  const created = columns['created_date']?.source ?? createdColumn(file, id);
  if (created) columns['created_date'] = { source: created };
  const origin = columns['source']?.source ?? originColumn(file, [id]);
  if (origin) columns['source'] = { source: origin };
  return { fileId: m.fileId, table: 'leads', columns, presetId: 'content', confidence: CONTENT_CONFIDENCE };
}

/** The header-based mappings, amended where the files' contents say more. */
export function recognizeByContent(
  mappings: readonly TableMapping[],
  profiles: readonly FileProfile[],
  shares: readonly SharedValues[],
): { mappings: TableMapping[]; joins: JoinNote[] } {
  const out = mappings.map((m) => ({ ...m }));
  const profileOf = new Map(profiles.map((p) => [p.fileId, p]));
  const index = (fileId: string) => out.findIndex((m) => m.fileId === fileId);
  const notes: JoinNote[] = [];
  out.forEach((m, i) => {
    const file = profileOf.get(m.fileId);
    const won = file ? asWonDeals(m, file) : null;
    if (won) out[i] = won;
  });
  for (const s of shares) {
    for (const [deals, list] of [
      [s.a, s.b],
      [s.b, s.a],
    ] as const) {
      const d = out[index(deals.fileId)];
      const l = out[index(list.fileId)];
      const listFile = profileOf.get(list.fileId);
      const listCol = listFile?.columns.find((c) => c.name === list.column);
      if (!d || !l || !listFile || !listCol || d.presetId !== 'content' || l.confidence >= 1) continue;
      if (!unique(listCol, listFile.rows) || l.table === 'opportunities') continue;
      // The deals name the lead: that column is the reference, never the deal's own id.
      const dealCols = Object.fromEntries(
        Object.entries(d.columns).filter(([k, v]) => k === 'close_date' || v.source !== deals.column),
      );
      out[index(deals.fileId)] = { ...d, columns: { ...dealCols, lead_id: { source: deals.column } } };
      out[index(list.fileId)] = asLeads(l, listFile, list.column);
      notes.push({
        from: { fileId: deals.fileId, table: 'opportunities', column: deals.column },
        to: { fileId: list.fileId, table: 'leads', column: list.column },
        key: 'id',
        description: `Deals name the lead they came from: "${deals.column}" shares ${s.shared} values with the leads' "${list.column}".`,
      });
    }
  }
  return { mappings: out, joins: notes };
}
