// The drill's prepared rows `g` for a forecast waterfall step (docs/drill.md): every deal behind
// the waterfall with its step (`fstep`) and its part of the forecast as its amount, so the Σ of
// a step's rows is the step. Open deals: their value on the as-of date × the conversion
// probability of their stage and age then (the cells' own rows, forecast/queries.ts valuedCte);
// booked: the won deals closed in the period before the as-of date; not yet created: the deals
// created and won after the same day of each earlier period, each at amount ÷ the periods.
import { FACT_TABLE } from '../../../src/queries/fact';
import { Params } from '../../../src/platform/sql/params';
import type { SqlQuery } from '../../../src/platform/sql/sql';
import type { Filters } from '../../../src/shared/filters';
import type { ForecastDrillBasis } from './drillBasis';
import { ageBucketSql, valuedCte } from './queries';

export function forecastDrillPrepared(basis: ForecastDrillBasis, filters: Filters): SqlQuery {
  const p = new Params();
  const v = p.splice(valuedCte([basis.target], { filters, stageTable: basis.stageWeights, hasHistory: basis.hasHistory }));
  const conv = basis.probabilities.length
    ? `SELECT * FROM (VALUES ${basis.probabilities
        .map((c) => `(${p.add(c.stage)}::VARCHAR, ${p.add(c.bucket)}::INTEGER, ${p.add(c.p)}::DOUBLE)`)
        .join(', ')}) t(stage, bucket, p)`
    : 'SELECT NULL::VARCHAR AS stage, NULL::INTEGER AS bucket, NULL::DOUBLE AS p WHERE FALSE';
  const tw = basis.training.length
    ? `SELECT * FROM (VALUES ${basis.training.map((w) => `(${p.date(w.start)}, ${p.date(w.end)})`).join(', ')}) t(ws, we)`
    : 'SELECT NULL::DATE AS ws, NULL::DATE AS we WHERE FALSE';
  const k = Math.max(1, basis.training.length);
  const sql = `WITH ${v},
  conv AS (${conv}),
  tw AS (${tw}),
  fc AS (
    SELECT 'open' AS fstep, x.source_file, x.source_line, x.stage_then AS fstage, x.amt * c.p AS part, x.age AS age_then
    FROM valued x JOIN conv c ON c.stage IS NOT DISTINCT FROM x.stage_then AND c.bucket = (${ageBucketSql('x.age')})
    UNION ALL
    SELECT 'booked', d.source_file, d.source_line, NULL, d.amount, NULL FROM deals d
    WHERE d.status = 'won' AND d.close_date >= ${p.date(basis.target.periodStart)} AND d.close_date < ${p.date(basis.target.start)}
    UNION ALL
    SELECT 'new', d.source_file, d.source_line, NULL, d.amount / ${p.add(k)}::DOUBLE, NULL FROM tw JOIN deals d
      ON d.status = 'won' AND d.close_date >= tw.ws AND d.close_date < tw.we AND d.created_date >= tw.ws),
  g AS (
    SELECT f.* REPLACE (fc.part::DOUBLE AS amount, CASE WHEN fc.fstep = 'open' THEN fc.fstage ELSE f.stage END AS stage),
      fc.fstep, fc.fstage, f.status = 'open' AS is_open, coalesce(fc.age_then, f.cycle_days) AS age
    FROM fc JOIN ${FACT_TABLE} f ON f.source_file = fc.source_file AND f.source_line = fc.source_line)`;
  return { sql, params: p.values };
}
