// Identifier quoting, as a property on the real engine: whatever strings name the columns
// (quotes, semicolons, SQL keywords, emoji, newlines), selecting through quoteIdent gets
// exactly that column and runs nothing else; whatever a file is called, it stages as itself.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { quoteIdent } from '../../src/platform/sql/sql';
import { openNodeEngine } from '../../src/platform/engine/openNode';
import { SqlRunner } from '../../src/platform/engine/runner';
import { openAnalytics } from './helpers/engine';

let sql: SqlRunner;
beforeAll(async () => {
  const host = await openNodeEngine();
  sql = new SqlRunner(host.db.connect());
});

/** Column names DuckDB accepts: non-empty, no NUL, distinct ignoring case (DuckDB folds case). */
const columnNames = fc.uniqueArray(
  fc.string({ minLength: 1, maxLength: 12, unit: 'binary' }).filter((s) => !s.includes('\u0000')),
  { minLength: 1, maxLength: 6, selector: (s) => s.toLowerCase() },
);

const tables = () => sql.rows<{ name: string }>({ sql: 'SELECT table_name AS name FROM duckdb_tables() ORDER BY 1', params: [] });

describe('quoteIdent', () => {
  it('selects exactly the named column, for any column names', () => {
    fc.assert(
      fc.property(columnNames, (names) => {
        const before = tables();
        const defs = names.map((n) => `${quoteIdent(n)} INTEGER`).join(', ');
        sql.run({ sql: `CREATE OR REPLACE TABLE quoting_probe (${defs})`, params: [] });
        try {
          sql.run({ sql: `INSERT INTO quoting_probe VALUES (${names.map((_, i) => i).join(', ')})`, params: [] });
          const described = sql.rows<{ column_name: string }>({ sql: 'DESCRIBE quoting_probe', params: [] });
          expect(described.map((d) => d.column_name)).toEqual(names);
          names.forEach((name, i) => {
            const rows = sql.rows<Record<string, unknown>>({
              sql: `SELECT ${quoteIdent(name)} AS v FROM quoting_probe`,
              params: [],
            });
            expect(rows).toEqual([{ v: i }]);
          });
        } finally {
          sql.run({ sql: 'DROP TABLE quoting_probe', params: [] });
        }
        // Nothing was created or dropped besides the probe itself.
        expect(tables()).toEqual(before);
      }),
      { numRuns: 150, seed: 20261129 },
    );
  });

  it('refuses a NUL character rather than cutting the name short', () => {
    expect(() => quoteIdent('a\u0000b')).toThrow(/NUL/);
  });
});

describe('file names', () => {
  it('stage as themselves whatever they are called; the name never reaches SQL', async () => {
    const analytics = await openAnalytics();
    const data = new TextEncoder().encode('opportunity_id,amount\nX1,10\n');
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 20, unit: 'binary' }), async (raw) => {
        const name = `${raw}.csv`;
        const proposal = await analytics.stageFiles([{ name, data }]);
        expect(proposal.files.map((f) => f.fileName)).toEqual([name]);
        expect(proposal.files[0]?.rowsStaged).toBe(1);
      }),
      { numRuns: 25, seed: 7 },
    );
  });
});
