// Which deals stand behind a number: the condition on the drill's prepared rows (see
// drill.ts: status, is_open, c = closed in the period, k = created in the period, aging,
// open_month, seg) that selects them, and how to say what they are. Every condition is the
// one the tile or the view counts with (tiles.ts, views.ts), so the totals cannot drift.
import type { DrillTarget } from '../../../src/features/drill/contract';
import type { MovementStep } from '../../../src/features/dashboard/movement/contract';
import {
  isLeadDrillTarget,
  leadDrillAttribute,
  parseRepWonKey,
  type LeadDrillTarget,
} from '../../../src/features/drill/contract';
import { attributeValueSql, leadFilterWhere, leadOnceSql, otherSql } from '../../../src/queries/leadRows';
import { attributeLabel, extraName, isColumnAttribute } from '../../../src/shared/leadAttributes';
import { LEAD_LINK_TABLE } from '../../../src/queries/article';
import type { KpiId } from '../../../src/engine-api/types';
import { addDays, type DateRange, type Grain } from '../../../src/shared/periods/fiscal';
import { DIMENSION_LABELS, type Dimension, type Filters } from '../../../src/shared/filters';
import { variantOf } from '../../../src/shared/kpiVariants';
import type { Params } from '../../../src/platform/sql/params';
import { inRangeSql, CLOSED, WON } from '../../../src/queries/tiles';
import { OUTSIDE_BUCKETS, reachedSql } from '../../../src/features/dashboard/core/views';
import { pivotPopulation } from '../../../src/features/pivot/core/pivotDrill';
import { forecastPopulation } from '../forecast/drillPopulation';
import { territoryPopulation } from '../../../src/queries/territoryDrill';

export interface DrillScope {
  readonly range: DateRange | null;
  readonly referenceDate: string;
  readonly segmentBy: Dimension;
  readonly variants: Record<string, string | undefined>;
  readonly grain: Grain;
  /** Funnel stages in funnel order (their position is the step's bit in `reached`). */
  readonly stages: readonly string[];
  /** "in 2017 Q3", "of all time". */
  readonly periodWords: string;
  /** A lead-quality row: the view's filters, applied to the leads (the deals are not filtered). */
  readonly leadFilters?: Filters;
  /** A lead-quality "Other" row: the values its table shows by name, which it leaves out. */
  readonly leadShown?: readonly (string | null)[];
  /** A movement step's two dates. */
  readonly movement?: { readonly from: string; readonly to: string };
  /** A territory row's number of accounts. */
  readonly accounts?: number;
  /** First month of the fiscal year (a pivot cell's quarter or year is fiscal). */
  readonly fiscalStartMonth: number;
}

export interface Population {
  readonly where: string;
  readonly title: string;
  readonly note: string | null;
}

/** Open in the period as the tiles count it (drill.ts defines `o`). */
const OPEN = 'o';
const WON_IN = `${WON} AND c`;
const CLOSED_IN = `${CLOSED} AND c`;

/** Equality with a key, where null means the blank group. */
function keyIs(p: Params, column: string, key: string | null): string {
  return key === null ? `${column} IS NULL` : `${column} = ${p.add(key)}`;
}

const shown = (key: string | null) => key ?? '(blank)';

export function populationOf(p: Params, target: DrillTarget, s: DrillScope): Population {
  const when = s.periodWords;
  if (isLeadDrillTarget(target)) return leadGroupPopulation(p, target, s);
  switch (target.kind) {
    case 'kpi':
      return kpiPopulation(p, target.kpi, s);
    case 'bookings': {
      const bucket = bucketRange(target.key, s.grain);
      const within = inRangeSql(p, 'close_date', bucket);
      return { where: `${WON_IN} AND ${within}`, title: `Won deals closed ${bucketWords(target.key, s.grain)}`, note: null };
    }
    case 'stage':
      return {
        where: `${OPEN} AND ${keyIs(p, 'stage', target.key)}`,
        title: `Open deals in stage ${shown(target.key)} closing ${when}`,
        note: null,
      };
    case 'month':
      return {
        // Past-due and undated open deals are bars of their own in every period (views.ts
        // OUTSIDE_BUCKETS), counted from every open deal, not only those of the period.
        where:
          target.key === OUTSIDE_BUCKETS.undated
            ? 'is_open AND close_date IS NULL'
            : target.key === OUTSIDE_BUCKETS.pastDue
              ? 'is_open AND past_due'
              : `${OPEN} AND ${keyIs(p, 'open_month', target.key)}`,
        title: `Open deals expected to close in ${shown(target.key)}`,
        note: null,
      };
    case 'aging':
      return {
        where: `${OPEN} AND ${keyIs(p, 'aging', target.key)}`,
        title: `Open deals aged ${shown(target.key)} at the reference date, closing ${when}`,
        note: null,
      };
    case 'owner':
      return {
        where: `(${CLOSED_IN} OR ${OPEN}) AND ${keyIs(p, 'owner', target.key)}`,
        title: `Deals of ${shown(target.key)}: closed ${when}, or open and expected to close ${when}`,
        note: 'The leaderboard row: won amount and deals, win rate (won ÷ closed) and open pipeline come from these rows.',
      };
    case 'segment':
      return {
        where: `${CLOSED_IN} AND ${keyIs(p, 'seg', target.key)}`,
        title: `Won and lost deals closed ${when} with ${DIMENSION_LABELS[s.segmentBy].toLowerCase()} ${shown(target.key)}`,
        note: 'Win rate = won ÷ these deals; the cycle is the mean over the won ones.',
      };
    case 'source':
      return {
        where: `k AND ${keyIs(p, 'lead_source', target.key)}`,
        title: `Deals created ${when} with lead source ${shown(target.key)}`,
        note: 'Leads are not deals: these are the opportunities created from this source.',
      };
    case 'movement':
      return movementPopulation(p, target.key, s);
    case 'rep-won': {
      const line = parseRepWonKey(target.key);
      if (!line) throw new Error(`"${target.key}" is not <first day>..<next quarter's first day>/<rep>.`);
      return {
        where: `${WON} AND owner = ${p.add(line.rep)} AND ${inRangeSql(p, 'close_date', { start: line.start, end: line.end })}`,
        title: `Won deals of ${line.rep} closed ${line.start} – ${addDays(line.end, -1)}`,
        note: 'The payout statement’s bookings for the quarter: every won deal the rep owns, by close date (the filters of the dashboard do not apply to pay).',
      };
    }
    case 'pivot':
      return pivotPopulation(p, target, s.fiscalStartMonth, when);
    case 'forecast':
      return forecastPopulation(p, target.key, s.periodWords);
    case 'territory':
      return territoryPopulation(target.key, s.accounts ?? 0);
    case 'funnel': {
      if (target.key === null) return { where: 'k', title: `Deals created ${when}`, note: null };
      const step = s.stages.indexOf(target.key);
      if (step < 0) throw new Error(`"${target.key}" is not a step of the stage funnel.`);
      return {
        // The step is our own position in the stage list (an integer), as in the funnel view.
        where: `k AND ${reachedSql(String(step))}`,
        title: `Deals created ${when} that reached ${target.key}`,
        note: 'A deal reached every stage its history passed through; without history, every stage up to its current one.',
      };
    }
  }
}

const MOVED: Record<MovementStep, string> = {
  created: 'created',
  pulled_in: 'pulled into',
  increased: 'increased in',
  decreased: 'decreased in',
  pushed_out: 'pushed out of',
  won: 'won out of',
  lost: 'lost out of',
};

/**
 * A row of the lead-quality table: the won deals its "% to customer" and "won revenue" count —
 * deals linked to a lead of the group created in the period, won by the reference date and not
 * before the lead was created (leadRows.ts's rule). The view's filters apply to the leads. The
 * "Other" row's group is every value but those its table shows by name (`leadShown`).
 */
function leadGroupPopulation(p: Params, target: LeadDrillTarget, s: DrillScope): Population {
  const attribute = leadDrillAttribute(target.kind) ?? 'source';
  const ref = p.date(s.referenceDate);
  const where = p.splice(leadFilterWhere(s.leadFilters ?? {}));
  const extra = extraName(attribute);
  const leads = leadOnceSql(where, extra === null ? undefined : p.add(extra));
  const value = `l.${attributeValueSql(attribute)}`;
  const group = target.other ? otherSql(p, value, s.leadShown ?? []) : keyIs(p, value, target.key);
  const created = inRangeSql(p, 'l.created', s.range);
  const words = isColumnAttribute(attribute) ? attributeLabel(attribute).toLowerCase() : `"${attributeLabel(attribute)}"`;
  const which = target.other ? `any other ${words} (beyond the largest groups)` : `${words} ${shown(target.key)}`;
  return {
    where: `${WON} AND close_date <= ${ref} AND EXISTS (
      SELECT 1 FROM ${LEAD_LINK_TABLE} k JOIN (${leads}) l ON l.lead_id = k.lead_id
      WHERE k.opportunity_id = g.opportunity_id AND ${group} AND ${created} AND (l.created IS NULL OR g.close_date >= l.created))`,
    title: `Won deals of leads with ${which} created ${s.periodWords}`,
    note: 'The deals behind the row’s customers and won revenue: won by the reference date from a lead of this group. A deal linked to two of its leads is listed once (the row counts it for each).',
  };
}

/** A movement step: movementDrill.ts's rows carry their step (`mstep`) and their change as amount. */
function movementPopulation(p: Params, step: MovementStep, s: DrillScope): Population {
  const between = s.movement ? ` between ${s.movement.from} and ${s.movement.to}` : '';
  const pipeline = `the pipeline expected to close ${s.periodWords}`;
  return {
    where: `mstep = ${p.add(step)}`,
    title: step === 'created' ? `Deals created into ${pipeline}${between}` : `Deals ${MOVED[step]} ${pipeline}${between}`,
    note: 'Amount is each deal’s change to the pipeline (its amount in it at the second date minus at the first); their Σ is the step.',
  };
}

function kpiPopulation(p: Params, kpi: KpiId, s: DrillScope): Population {
  const variant = variantOf(s.variants, kpi);
  const when = s.periodWords;
  const won = { where: WON_IN, title: `Won deals closed ${when}` };
  const open = { where: OPEN, title: `Deals open at the reference date expected to close ${when}` };
  const closed = { where: CLOSED_IN, title: `Won and lost deals closed ${when}` };
  const created = { where: 'k', title: `Deals created ${when}` };
  switch (kpi) {
    case 'won_amount':
    case 'won_count':
      return { ...won, note: null };
    case 'avg_deal_size':
      return {
        ...won,
        note: `The ${variant === 'median' ? 'median' : 'mean'} amount of these deals (deals without an amount left out).`,
      };
    case 'win_rate':
      if (variant === 'won_over_all') return { ...created, note: 'Win rate (won ÷ all created) = the won ones ÷ these deals.' };
      return { ...closed, note: `Win rate = won ÷ these deals, by ${variant === 'by_value' ? 'amount' : 'count'}.` };
    case 'avg_sales_cycle_days':
      if (variant === 'all_closed') return { ...closed, note: 'The mean of their days from created to close.' };
      return { ...won, note: `The ${variant === 'median' ? 'median' : 'mean'} of their days from created to close.` };
    case 'open_pipeline':
      return { ...open, note: variant === 'weighted' ? 'The tile is Σ amount × probability of these deals.' : null };
    case 'pipeline_coverage':
      return {
        ...open,
        note: 'The numerator: open pipeline. The quota and won amount it is divided by come from the quota file and the won tile.',
      };
    case 'quota_attainment':
      return { ...won, note: 'The numerator: won amount. The quota comes from the quota file, prorated by day.' };
    case 'sales_velocity':
      return { ...open, note: 'The open deals the velocity multiplies; deal size, win rate and cycle come from their tiles.' };
    case 'lead_to_opportunity_ratio':
      return {
        ...created,
        note:
          variant === 'opps_over_leads'
            ? 'The numerator: opportunities created. The leads are counted from the leads file.'
            : 'Leads are not deals: these are the opportunities created; converted and created leads come from the leads file.',
      };
    case 'cac':
      if (variant === 'per_won_deal') return { ...won, note: 'The denominator: won deals. Spend comes from the spend file.' };
      return {
        where: `${WON_IN} AND account_key IS NOT NULL AND close_date = (SELECT w.first_won FROM dash_first_won w WHERE w.account_key = g.account_key)`,
        title: `First won deals of new customers ${when}`,
        note: 'The denominator: accounts whose first ever won deal closed in the period (count the accounts). Spend comes from the spend file.',
      };
    case 'clv':
    case 'ltv_to_cac':
      return clvPopulation(p, kpi, variant, s);
  }
}

function clvPopulation(p: Params, kpi: KpiId, variant: string, s: DrillScope): Population {
  const also = kpi === 'ltv_to_cac' ? ' LTV:CAC divides it by CAC (see its tile).' : '';
  if (kpi === 'clv' && variant === 'churn_based') {
    const from = p.date(s.referenceDate);
    const to = p.date(s.referenceDate);
    return {
      where: `${WON} AND close_date > ${from} - INTERVAL 1 YEAR AND close_date <= ${to}`,
      title: 'Won deals of the 12 months up to the reference date',
      note: 'Yearly revenue per account = their amount ÷ their distinct accounts; CLV multiplies by margin and divides by churn.',
    };
  }
  return {
    where: WON,
    title: 'Won deals of all time (the period does not change CLV)',
    note: `CLV = their amount ÷ their distinct accounts × margin.${also}`,
  };
}

/** A bookings bar's days: the month or fiscal quarter starting at `start` (month arithmetic, no time zone). */
export function bucketRange(start: string, grain: Grain): DateRange {
  if (!/^\d{4}-\d{2}-01$/.test(start)) throw new Error(`"${start}" is not the first day of a month.`);
  const months = grain === 'month' ? 1 : 3;
  const index = Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1 + months;
  const end = `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
  return { start, end };
}

function bucketWords(start: string, grain: Grain): string {
  const end = addDays(bucketRange(start, grain).end, -1);
  return `${start} – ${end}`;
}
