// What DuckDB-WASM's own CSV reader does when it reads a file typed (explicit column types, a
// date format, its own reject capture): the facts the typed read of issue 16 would build on
// (docs/architecture.md, "The typed read"). Each is checked against the text path's reading of
// the same cell (values.ts), so an engine upgrade that changes one fails here first.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ValueKind } from '../../src/canonical/schema';
import { convertExpr, type ColumnDecisions } from '../../src/mapping/values';
import { openNodeEngine } from '../../src/platform/engine/openNode';
import { SqlRunner } from '../../src/platform/engine/runner';

let sql: SqlRunner;

// Line 1 is the header; each later line is one record.
const CSV = [
  'id,amount,close,prob',
  'A,12.50,2024-01-02,0.5', // 2: loads
  'B,abc,2024-01-03,0.1', // 3: amount is not a number
  'C, 7 ,2024-13-01,0.2', // 4: month 13
  'D,9.5,2024-03-04,x', // 5: prob is not a number
  'E,1,2024-03-05, ', // 6: a blank (space-only) number
  'F,"1,234.50",2024-02-30,1', // 7: grouped amount and 30 February: two rejects for one row
  'G,5,0024-03-01,0.25', // 8: year 24
].join('\n');

beforeAll(async () => {
  const host = await openNodeEngine();
  sql = new SqlRunner(host.db.connect());
  await host.registerFile('typed-reader.csv', new TextEncoder().encode(CSV));
  sql.run({
    sql: `CREATE TABLE t AS SELECT * FROM read_csv('typed-reader.csv', header = true, delim = ',', quote = '"', escape = '"',
      columns = {'id': 'VARCHAR', 'amount': 'DECIMAL(18,2)', 'close': 'DATE', 'prob': 'DOUBLE'}, dateformat = '%Y-%m-%d',
      store_rejects = true, rejects_table = 'rj', rejects_scan = 'rs')`,
    params: [],
  });
});

/** The text path's reading of one cell, as text (NULL: blank, or unreadable and so rejected). */
function textPath(value: string, kind: ValueKind, d: ColumnDecisions = {}): string | null {
  const expr = convertExpr('x', kind, d);
  return sql.one<{ v: string | null }>({
    sql: `SELECT CAST(${expr} AS VARCHAR) AS v FROM (SELECT CAST(? AS VARCHAR) AS x)`,
    params: [value],
  }).v;
}

describe('the CSV reader reading typed', () => {
  it('drops each rejected record from the table, so row ids no longer follow file lines', () => {
    const rows = sql.rows<{ r: number; id: string; amount: string; close: string }>({
      sql: `SELECT rowid::INTEGER AS r, id, CAST(amount AS VARCHAR) AS amount, CAST(close AS VARCHAR) AS close FROM t ORDER BY rowid`,
      params: [],
    });
    expect(rows).toEqual([
      { r: 0, id: 'A', amount: '12.50', close: '2024-01-02' },
      // G sits on line 8 yet has row id 1: a typed read must realign rows as staging does after parser rejects.
      { r: 1, id: 'G', amount: '5.00', close: '0024-03-01' },
    ]);
  });

  it('logs one reject per bad cell, with the file line, the column, the raw line and the value in the message', () => {
    const rejects = sql.rows<{ line: number; col: string; kind: string; raw: string; message: string }>({
      sql: `SELECT line::INTEGER AS line, column_name AS col, error_type::VARCHAR AS kind, csv_line AS raw, error_message AS message FROM rj ORDER BY line, column_idx`,
      params: [],
    });
    expect(rejects.map((r) => [r.line, r.col, r.kind])).toEqual([
      [3, 'amount', 'CAST'],
      [4, 'close', 'CAST'],
      [5, 'prob', 'CAST'],
      [6, 'prob', 'CAST'],
      [7, 'amount', 'CAST'],
      [7, 'close', 'CAST'],
    ]);
    expect(rejects[0]?.raw).toBe('B,abc,2024-01-03,0.1');
    expect(rejects[0]?.message).toContain('"abc"');
    expect(rejects[4]?.raw).toBe('F,"1,234.50",2024-02-30,1');
  });

  it('refuses and accepts cells differently from the text path: the reasons a typed read may not stand alone', () => {
    // A space-only number is blank to the text path (the row loads) and an error to the reader.
    expect(textPath(' ', 'number')).toBeNull();
    expect(sql.one<{ n: number }>({ sql: `SELECT count(*)::INTEGER AS n FROM rj WHERE line = 6`, params: [] }).n).toBe(1);
    // A grouped amount reads under the column's thousands decision and is refused by the reader.
    expect(textPath('1,234.50', 'money', { decimalComma: false, grouping: 'thousands' })).toBe('1234.50');
    // Year 24 is outside 1900–2100: rejected by the text path, loaded by the reader.
    expect(textPath('0024-03-01', 'date', { dateFormat: 'iso' })).toBeNull();
    // Padded numbers read the same both ways.
    expect(textPath(' 7 ', 'money')).toBe('7.00');
  });
});
