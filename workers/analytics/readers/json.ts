// JSON (an array of records, or an object holding one) and NDJSON → CSV text. Columns are
// the union of keys in first-seen order; nested values stay JSON text. An NDJSON line that
// is not a record becomes a placeholder row that the stager turns into a reject with its line.
import { type Cell, blankCsvRow, csvRow } from '../../../src/staging/csvText';
import { parquetCell } from './cells';

export interface JsonText {
  readonly csv: string;
  /** NDJSON lines that could not be read: 0-based record index → reason and raw line. */
  readonly bad: ReadonlyMap<number, { line: number; reason: string; raw: string }>;
}

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

export function readJson(text: string, fileName: string): JsonText {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${fileName} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`, {
      cause: error,
    });
  }
  // {"data": [...]} / {"results": [...]}: API exports wrap the records in one array.
  if (isRecord(value)) {
    const arrays = Object.values(value).filter(Array.isArray);
    value = arrays.length === 1 ? arrays[0] : [value];
  }
  if (!Array.isArray(value)) throw new Error(`${fileName} holds no list of records.`);
  const records: (Rec | null)[] = value.map((v) => (isRecord(v) ? v : null));
  const bad = new Map<number, { line: number; reason: string; raw: string }>();
  records.forEach((r, i) => {
    if (!r) bad.set(i, { line: i + 1, reason: 'not a record (an object)', raw: JSON.stringify(value[i]) ?? '' });
  });
  return { csv: toCsv(records), bad };
}

export function readNdjson(text: string): JsonText {
  const records: (Rec | null)[] = [];
  const bad = new Map<number, { line: number; reason: string; raw: string }>();
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return void records.push({});
    try {
      const v: unknown = JSON.parse(raw);
      if (isRecord(v)) return void records.push(v);
    } catch {
      // falls through to the reject below
    }
    bad.set(records.length, { line: i + 1, reason: 'not valid JSON', raw });
    records.push(null);
  });
  return { csv: toCsv(records), bad };
}

function toCsv(records: readonly (Rec | null)[]): string {
  const seen = new Set<string>();
  for (const r of records) for (const k of Object.keys(r ?? {})) seen.add(k);
  // A Set keeps first-insertion order: the columns come in the order the keys first appear.
  const columns = [...seen];
  if (columns.length === 0) columns.push('value');
  const parts = [csvRow(columns)];
  for (const r of records) {
    parts.push(
      r && Object.keys(r).length > 0 ? csvRow(columns.map((c): Cell => parquetCell(r[c]))) : blankCsvRow(columns.length),
    );
  }
  return parts.join('');
}
