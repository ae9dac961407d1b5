// The drill-through's prepared rows for a step of the pipeline movement (docs/movement.md):
// the deals of the view's fact table that the step counts, each with its change to the
// pipeline as its amount, so the table's Σ is the step's figure to the cent.
import { FACT_TABLE } from '../../../queries/fact';
import { movementCte, type MovementScope } from './movementSql';
import type { Params } from '../../../platform/sql/params';

/**
 * `g` with the columns the drill's queries read (drill.ts), one row per deal that moved;
 * `mstep` is its step. is_open means open at the second date; age counts to it while open.
 */
export function movementPrepared(p: Params, scope: MovementScope): string {
  const cte = movementCte(p, scope);
  const to = p.date(scope.to);
  return `WITH ${cte},
  g AS (
    SELECT f.* REPLACE ((m.change::DECIMAL(20, 2) * 0.01)::DECIMAL(18, 2) AS amount),
      m.step AS mstep, NOT m.closed_b AS is_open,
      CASE WHEN m.closed_b THEN f.cycle_days ELSE date_diff('day', f.created_date, ${to}) END AS age
    FROM mv m JOIN ${FACT_TABLE} f ON f.source_file = m.source_file AND f.source_line = m.source_line)`;
}
