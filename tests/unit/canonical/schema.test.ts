// Every table the loader creates comes from one column list through one DDL writer
// (src/canonical/schema.ts): the canonical tables with their extras, the products price list
// and the rejects table. Expected text written by hand from docs/spec.md §1 and docs/import.md.
import { describe, expect, it } from 'vitest';
import { createRejectsSql, createTableSql, opportunityExtrasSelect, tableDdl } from '../../../src/canonical/schema';
import { PRODUCTS_SCHEMA, createProductsSql } from '../../../src/mapping/targets';

describe('one schema definition, every DDL', () => {
  it('writes the products price list from its columns', () => {
    expect(createProductsSql()).toBe(
      'CREATE OR REPLACE TABLE "products" ("product" VARCHAR NOT NULL, "list_price" DECIMAL(18,2) NOT NULL)',
    );
    expect(tableDdl('products', PRODUCTS_SCHEMA)).toBe(createProductsSql());
  });

  it('writes the rejects table with the file line as a whole number', () => {
    expect(createRejectsSql()).toBe(
      'CREATE OR REPLACE TABLE "import_rejects" ("source_file" VARCHAR, "source_line" BIGINT, "column_name" VARCHAR, "reason" VARCHAR, "raw_value" VARCHAR)',
    );
  });

  it('gives opportunities their extra amount_imputed flag, which every load starts FALSE', () => {
    expect(createTableSql('opportunities')).toMatch(/"source_line" BIGINT NOT NULL, "amount_imputed" BOOLEAN\)$/);
    expect(createTableSql('leads')).not.toContain('amount_imputed');
    expect(opportunityExtrasSelect()).toBe(', FALSE AS "amount_imputed"');
  });

  it('marks the spec’s required columns NOT NULL', () => {
    expect(createTableSql('quotas')).toBe(
      'CREATE OR REPLACE TABLE "quotas" ("rep" VARCHAR NOT NULL, "period_start" DATE NOT NULL, "period_end" DATE NOT NULL, "quota_amount" DECIMAL(18,2) NOT NULL)',
    );
  });
});
