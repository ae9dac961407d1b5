// Staging SQL builders: names are quoted, values are parameters, the dialect is explicit.
import { describe, expect, it } from 'vitest';
import { blankCsvRow, csvRow } from '../../../src/staging/csvText';
import { deleteRowidsSql, parserRejectsSql, repeatedHeaderWhere, stageCsvSql, stagingNames } from '../../../src/staging/stageSql';

describe('stageCsvSql', () => {
  it('passes the sniffed delimiter and RFC 4180 quoting to read_csv', () => {
    const { sql } = stageCsvSql(stagingNames('f1'), { delimiter: ';' });
    expect(sql).toContain("delim = ';'");
    expect(sql).toContain(`quote = '"'`);
    expect(sql).toContain("read_csv('f1.csv'");
  });

  it('quotes a delimiter that is a quote character', () => {
    expect(stageCsvSql(stagingNames('f1'), { delimiter: "'" }).sql).toContain("delim = ''''");
  });
});

describe('repeatedHeaderWhere', () => {
  it('compares every column with its header name through parameters', () => {
    const where = repeatedHeaderWhere(['Name', 'Amount"; DROP', 'column2'], ['Name', 'Amount"; DROP', '']);
    expect(where.sql).toBe(`"Name" = ? AND "Amount""; DROP" = ? AND coalesce("column2", '') = ''`);
    expect(where.params).toEqual(['Name', 'Amount"; DROP']);
  });
});

describe('rejects', () => {
  it('reports one parser reject per line, with the extra (JSON) rejects', () => {
    const { sql } = parserRejectsSql(stagingNames('f2'));
    expect(sql).toContain('GROUP BY line');
    expect(sql).toContain('"rejx_f2"');
  });

  it('deletes rows by rowid with parameters', () => {
    expect(deleteRowidsSql('stg_f1', [3, 7])).toEqual({ sql: 'DELETE FROM "stg_f1" WHERE rowid IN (?, ?)', params: [3, 7] });
  });
});

describe('csvText', () => {
  it('quotes only what needs quoting', () => {
    expect(csvRow(['a', 'b,c', 'say "hi"', ' pad', null, 12, true])).toBe('a,"b,c","say ""hi"""," pad",,12,true\n');
  });

  it('writes blank rows that stay rows, even with one column', () => {
    expect(blankCsvRow(3)).toBe(',,\n');
    expect(blankCsvRow(1)).toBe('""\n');
  });
});
