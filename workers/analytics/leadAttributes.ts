// Which attributes the loaded leads carry (docs/leads.md, "By attribute"): the canonical lead
// columns with at least one value (source always), then every kept lead-file column by header.
import { LEAD_ATTRIBUTES, type LeadAttribute, type LeadAttributeInfo } from '../../src/features/leads/contract';
import { attributeLabel, extraAttribute, extraName } from '../../src/shared/leadAttributes';
import { LEAD_ATTRIBUTES_TABLE } from '../../src/canonical/schema';
import { quoteIdent } from '../../src/platform/sql/sql';
import type { AnalyticsContext } from './context';

export function leadAttributes(ctx: AnalyticsContext): LeadAttributeInfo[] {
  const counts = LEAD_ATTRIBUTES.map((a) => `count(DISTINCT ${quoteIdent(a)})::INTEGER AS ${quoteIdent(a)}`);
  const row = ctx.sql.one<Record<string, number>>({ sql: `SELECT ${counts.join(', ')} FROM leads`, params: [] });
  const columns = LEAD_ATTRIBUTES.filter((a) => a === 'source' || (row[a] ?? 0) > 0).map((a) => ({
    id: a,
    label: attributeLabel(a),
    values: row[a] ?? 0,
  }));
  const extras = ctx.sql.rows<{ name: string; values: number }>({
    sql: `SELECT name, count(DISTINCT value)::INTEGER AS "values" FROM ${quoteIdent(LEAD_ATTRIBUTES_TABLE)} GROUP BY name ORDER BY name`,
    params: [],
  });
  return [...columns, ...extras.map((e) => ({ id: extraAttribute(e.name), label: e.name, values: e.values }))];
}

/** The grouping to use: the one asked for when the data carries it, else source with the reason. */
export function settleGrouping(
  asked: LeadAttribute,
  offered: readonly LeadAttributeInfo[],
): { by: LeadAttribute; notice: string | null } {
  if (offered.some((a) => a.id === asked)) return { by: asked, notice: null };
  const name = extraName(asked) ?? attributeLabel(asked).toLowerCase();
  return { by: 'source', notice: `The loaded leads carry no "${name}": grouped by source instead.` };
}
