// The one place where SQL text meets names and values: identifiers are quoted here,
// values travel as parameters. Builders return SqlQuery and never paste user input.

export type SqlValue = string | number | boolean | null;

export interface SqlQuery {
  readonly sql: string;
  readonly params: readonly SqlValue[];
}

/** Quotes any string as a DuckDB identifier ("col ""x"""), so it selects exactly that column. */
export function quoteIdent(name: string): string {
  if (name.includes('\u0000')) throw new Error(`Identifier contains a NUL character: ${JSON.stringify(name)}`);
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Quotes a string literal. Only for the few places DuckDB takes no parameter
 * (table-function arguments such as read_csv's path); everything else uses params.
 */
export function quoteLiteral(value: string): string {
  if (value.includes('\u0000')) throw new Error(`Literal contains a NUL character: ${JSON.stringify(value)}`);
  return `'${value.replaceAll("'", "''")}'`;
}

export function query(sql: string, params: readonly SqlValue[] = []): SqlQuery {
  return { sql, params };
}
