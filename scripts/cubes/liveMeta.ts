// What the dashboard learns once per import (workers/analytics/dashboard/prepare.ts), learnt
// by the cube job on the server: small aggregates as query descriptions, run by any engine
// (`Run`), then combined here. The stage order ranks the stages with the evidence of
// src/queries/fact.ts stageOrderSql (docs/kpis.md, "Stage order"), the user's own order aside:
// a warehouse has none, so the job ranks by probabilities, history, known names and counts.
import type { CubeQuery, Expr, Measure, RowsQuery } from '../../src/platform/query/ast';
import { col, eq, keyCol, ne, not, isNull, text } from '../../src/platform/query/ast';
import type { CubePrepared } from '../../src/engine-api/cubeManifest';
import type { StageOrderBasis } from '../../src/engine-api/types';
import { knownStageRank } from '../../src/mapping/stageOrder';
import { dataCurrencyOf } from '../../src/queries/currency';
import { DIMENSIONS } from '../../src/shared/filters';
import { canonical, type CanonicalName } from './canonical';
import { factSource, leadDayGroups, type StageOrd } from './liveQueries';

export type Row = Readonly<Record<string, unknown>>;
/** Runs a query description on an engine and hands back its rows. */
export type Run = (q: CubeQuery | RowsQuery) => Promise<Row[]>;

const count = (of?: Expr, where?: Expr): Measure['agg'] => ({ agg: 'count', ...(of ? { of } : {}), ...(where ? { where } : {}) });
const int = (name: string, agg: Measure['agg']): Measure => ({ name, agg, type: 'int' });
const total = (table: CanonicalName, measures: Measure[], where?: Expr): CubeQuery => ({
  source: canonical(table, where ? { where } : {}),
  derive: [],
  keys: [],
  total: true,
  measures,
});
const num = (v: unknown): number => Number(v ?? 0);
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** DuckDB orders text by its bytes (UTF-8); so does this. */
function byBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** NULLS LAST, ascending. */
function nullsLast(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
  return a - b;
}

interface StageEvidence {
  stage: string;
  kind: 'open' | 'won' | 'lost';
  p: number | null;
  n: number;
  pos: number | null;
  rank: number | null;
}

const mean = (sum: unknown, n: unknown): number | null => (num(n) > 0 ? num(sum) / num(n) : null);

/** The stage order from the stages' evidence, and which evidence ordered the open ones. */
export async function stageOrder(run: Run): Promise<{ stages: StageOrd[]; basis: StageOrderBasis }> {
  const notBlank = not(isNull(col('stage')));
  const prob = [int('p_n', count(col('probability')))];
  const cur = await run({
    source: canonical('opportunities', { where: notBlank }),
    derive: [],
    keys: [keyCol('stage')],
    measures: [
      int('n', count()),
      { name: 'p_sum', agg: { agg: 'sum', of: col('probability') }, type: 'double' },
      ...prob,
      ...(['won', 'lost', 'open'] as const).map((s) => int(`n_${s}`, count(undefined, eq(col('status'), text(s))))),
    ],
  });
  const hist = await run({
    source: canonical('stage_history', { where: notBlank }),
    derive: [],
    keys: [keyCol('stage')],
    measures: [{ name: 'p_sum', agg: { agg: 'sum', of: col('probability') }, type: 'double' }, ...prob],
  });
  // Where each stage sits in its deal's history: 0 first … 1 last.
  const opp = [col('opportunity_id')];
  const pos = await run({
    source: canonical('stage_history', { where: notBlank }),
    derive: [
      [
        { name: 'step_no', expr: { op: 'rowNumber', partitionBy: opp, orderBy: [col('changed_at'), col('stage')] } },
        { name: 'steps', expr: { op: 'countOver', partitionBy: opp } },
      ],
      [
        {
          name: 'pos',
          expr: {
            op: 'div',
            a: { op: 'add', a: col('step_no'), b: { op: 'int', value: -1 } },
            b: { op: 'greatest', a: { op: 'add', a: col('steps'), b: { op: 'int', value: -1 } }, b: { op: 'int', value: 1 } },
          },
        },
      ],
    ],
    keys: [keyCol('stage')],
    measures: [{ name: 'pos_sum', agg: { agg: 'sum', of: col('pos') }, type: 'double' }, int('pos_n', count(col('pos')))],
  });
  const ev = new Map<string, StageEvidence>();
  const at = (stage: string): StageEvidence => {
    const known = ev.get(stage);
    if (known) return known;
    const fresh: StageEvidence = { stage, kind: 'open', p: null, n: 0, pos: null, rank: knownStageRank(stage) };
    ev.set(stage, fresh);
    return fresh;
  };
  for (const r of cur) {
    const e = at(String(r.stage));
    const [w, l, o] = [num(r.n_won), num(r.n_lost), num(r.n_open)];
    e.n = num(r.n);
    e.p = mean(r.p_sum, r.p_n);
    e.kind = w > 0 && o + l === 0 ? 'won' : l > 0 && o + w === 0 ? 'lost' : 'open';
  }
  // Stage history's probability wins over the deals' own (src/queries/fact.ts).
  for (const r of hist) {
    const e = at(String(r.stage));
    e.p = mean(r.p_sum, r.p_n) ?? e.p;
  }
  for (const r of pos) at(String(r.stage)).pos = mean(r.pos_sum, r.pos_n);
  const ranked = [...ev.values()]
    .filter((e) => e.kind !== 'lost')
    .sort(
      (a, b) =>
        Number(a.kind === 'won') - Number(b.kind === 'won') ||
        nullsLast(a.p, b.p) ||
        nullsLast(a.pos, b.pos) ||
        nullsLast(a.rank, b.rank) ||
        b.n - a.n ||
        byBytes(a.stage, b.stage),
    );
  const ords = new Map(ranked.map((e, i) => [e.stage, i]));
  const open = [...ev.values()].filter((e) => e.kind === 'open');
  const basis: StageOrderBasis =
    open.length <= 1
      ? 'one stage'
      : open.some((e) => e.p !== null)
        ? 'probabilities'
        : open.some((e) => e.pos !== null)
          ? 'stage history'
          : open.some((e) => e.rank !== null)
            ? 'known stage names'
            : 'deal counts';
  const stages = [...ev.values()].map((e) => ({ stage: e.stage, kind: e.kind, ord: ords.get(e.stage) ?? null }));
  return { stages, basis };
}

/** Values of every filter dimension, most frequent first, then by value (blank last). */
async function dimensionValues(run: Run, stages: readonly StageOrd[]): Promise<CubePrepared['dimensionValues']> {
  const out: Partial<Record<(typeof DIMENSIONS)[number], (string | null)[]>> = {};
  for (const d of DIMENSIONS) {
    const rows = await run({ source: factSource(stages), derive: [], keys: [keyCol(d)], measures: [int('n', count())] });
    out[d] = rows
      .map((r) => ({ v: str(r[d]), n: num(r.n) }))
      .sort((a, b) => b.n - a.n || (a.v === null ? 1 : b.v === null ? -1 : byBytes(a.v, b.v)))
      .map((r) => r.v);
  }
  return out;
}

/** Everything `prepared` holds, learnt from the canonical tables, and every stage's place (lost ones too). */
export async function learnPrepared(run: Run): Promise<{ prepared: CubePrepared; stages: StageOrd[] }> {
  const { stages, basis } = await stageOrder(run);
  const [e] = await run(
    total('opportunities', [
      int('opportunities', count()),
      { name: 'first_close', agg: { agg: 'min', of: col('close_date') }, type: 'isoDate' },
      { name: 'last_close', agg: { agg: 'max', of: col('close_date') }, type: 'isoDate' },
      { name: 'last_created', agg: { agg: 'max', of: col('created_date') }, type: 'isoDate' },
      {
        name: 'last_closed',
        agg: { agg: 'max', of: col('close_date'), where: ne(col('status'), text('open')) },
        type: 'isoDate',
      },
      int('amount_n', count(col('amount'))),
      int('close_n', count(col('close_date'))),
      int('created_n', count(col('created_date'))),
      int('probability_n', count(col('probability'))),
      int('account_n', count({ op: 'coalesce', args: [col('account_id'), col('account_name')] })),
      int('lead_id_n', count(col('lead_id'))),
    ]),
  );
  const openMonths = await run({
    source: canonical('opportunities', { where: eq(col('status'), text('open')) }),
    derive: [],
    where: not(isNull(col('close_date'))),
    keys: [{ name: 'month', expr: { op: 'monthStart', a: col('close_date') }, type: 'isoDate' }],
    measures: [int('n', count())],
  });
  const [l] = await run(
    total('leads', [
      int('rows_n', count()),
      int('created_n', count(col('created_date'))),
      int('flag_n', count(col('is_converted'))),
      int('deal_n', count(col('converted_opportunity_id'))),
    ]),
  );
  const [h] = await run(total('stage_history', [int('n', count())]));
  const [sp] = await run(total('spend', [int('n', count())]));
  const [qu] = await run(total('quotas', [int('n', count())]));
  const [ld] = await run(leadDayGroups());
  const currencies = await run({
    source: canonical('opportunities'),
    derive: [],
    keys: [keyCol('currency')],
    measures: [int('n', count())],
  });
  // upper(trim(currency)) of src/queries/currency.ts: DuckDB's trim takes spaces only.
  const named = new Set(
    currencies.map((r) => (str(r.currency) ?? '').replace(/^ +| +$/g, '').toUpperCase()).filter((c) => c !== ''),
  );
  const reference =
    [str(e?.last_created), str(e?.last_closed)]
      .filter((d): d is string => d !== null)
      .sort()
      .pop() ?? null;
  const prepared: CubePrepared = {
    extent: {
      opportunities: num(e?.opportunities),
      firstClose: str(e?.first_close),
      lastClose: str(e?.last_close),
      referenceDate: reference,
      openMonths: openMonths.map((r) => String(r.month).slice(0, 7)).sort(),
    },
    stages: stages
      .filter((s) => s.ord !== null && s.ord < 62)
      .sort((a, b) => (a.ord ?? 0) - (b.ord ?? 0))
      .map((s) => ({ ...s, basis })),
    hasHistory: num(h?.n) > 0,
    dimensionValues: await dimensionValues(run, stages),
    presence: {
      amount: num(e?.amount_n),
      close_date: num(e?.close_n),
      created_date: num(e?.created_n),
      probability: num(e?.probability_n),
      account: num(e?.account_n),
      lead_created: num(l?.created_n),
      lead_conversion: num(l?.flag_n) + num(l?.deal_n) + num(e?.lead_id_n),
    },
    leadRows: num(l?.rows_n),
    currency: dataCurrencyOf([...named].slice(0, 2).map((currency) => ({ currency }))),
    sideCounts: { spend_rows: num(sp?.n), quota_rows: num(qu?.n), lead_rows: num(ld?.groups) },
  };
  return { prepared, stages };
}
