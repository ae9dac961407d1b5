// Opportunities: row i is derived from (seed, i) alone. Leads and stage history call
// deriveOpportunity too, which is what keeps the three tables consistent while streaming.

import { accountId, accountOwner, pickAccountIndex } from './accounts';
import { companyNameField } from './names';
import { type Day, isoDate } from './calendar';
import {
  AMOUNT_SIGMA,
  DEAL_TYPE_PICK,
  DEAL_TYPES,
  type DealTypeProfile,
  INSTALLED_BASE_SOURCES,
  LEAD_BACKED_SHARE,
  LEAD_SOURCES,
  type LeadSource,
  LOST_STAGE,
  NEW_BUSINESS_SOURCES,
  type Product,
  PRODUCT_PICK,
  PRODUCTS,
  STAGE_PROBABILITY_FORECAST,
  STAGES,
  WON_STAGE,
} from './catalog';
import type { DemoContext } from './context';
import { csvField, padId, type RowSource, wholeMoney } from './csv';
import { applyFlaws, DUPLICATE_INDEX } from './flaws';
import { type Lifecycle, planLifecycle } from './lifecycle';
import { blockStart, leadId } from './leadBlocks';
import { at, detExp, Rng, Stream } from './prng';
import { activeRepCount } from './reps';
import { dayAtQuantile } from './timeline';

export const OPPORTUNITY_COLUMNS = [
  'opportunity_id',
  'name',
  'account_id',
  'account_name',
  'owner',
  'stage',
  'status',
  'amount',
  'currency',
  'created_date',
  'close_date',
  'probability',
  'forecast_category',
  'lead_source',
  'deal_type',
  'product',
  'lead_id',
] as const;

export interface Opportunity extends Lifecycle {
  readonly index: number;
  readonly id: string;
  readonly accountIndex: number;
  readonly owner: string;
  readonly dealType: DealTypeProfile;
  readonly product: Product;
  readonly leadSource: LeadSource;
  /** Started as a lead: the first lead of its block (leadBlocks.ts) converted into it. */
  readonly leadBacked: boolean;
  readonly amount: number;
  readonly created: Day;
}

export const opportunityId = (i: number): string => padId('OPP', i + 1, 7);

/** The account's owner if they had started by then; otherwise whoever covered the account. */
function ownerFor(ctx: DemoContext, rng: Rng, accountIndex: number, created: Day): string {
  const owner = accountOwner(ctx, accountIndex);
  if (owner.start <= created) return owner.name;
  return at(ctx.reps, rng.int(activeRepCount(ctx.reps, created))).name;
}

/** Lognormal around the product's typical size, in steps of $50 as people quote them. */
function amountFor(rng: Rng, product: Product, type: DealTypeProfile): number {
  const raw = product.typicalAmount * type.amountFactor * detExp(AMOUNT_SIGMA * rng.normal());
  return Math.max(500, Math.round(raw / 50) * 50);
}

export function deriveOpportunity(ctx: DemoContext, i: number): Opportunity {
  const rng = Rng.forRow(ctx.seed, Stream.opportunity, i);
  const created = dayAtQuantile(ctx.timeline, (i + 0.5) / ctx.opportunityCount);
  const accountIndex = pickAccountIndex(ctx, rng);
  const owner = ownerFor(ctx, rng, accountIndex, created);
  const dealType = DEAL_TYPE_PICK.pick(rng);
  const product = PRODUCT_PICK.pick(rng);
  const isNew = dealType.type === 'New Business';
  const leadSource = (isNew ? NEW_BUSINESS_SOURCES : INSTALLED_BASE_SOURCES).pick(rng);
  const leadBacked = isNew && rng.chance(LEAD_BACKED_SHARE[leadSource]);
  const amount = amountFor(rng, product, dealType);
  const life = planLifecycle(ctx, rng, created, dealType);
  // Spelled out rather than spread: one fixed object shape keeps V8 on its fast path.
  const base: Opportunity = {
    index: i,
    id: opportunityId(i),
    accountIndex,
    owner,
    dealType,
    product,
    leadSource,
    leadBacked,
    amount,
    created,
    status: life.status,
    stage: life.stage,
    close: life.close,
    firstClose: life.firstClose,
    reached: life.reached,
  };
  return applyFlaws(base);
}

// Pre-joined "stage,status" and "probability,forecast_category" fields per stage index: the
// status follows from the stage (0–4 open, 5 won, 6 lost), and fewer string pieces per line
// means less work for the garbage collector at a million rows.
const STAGE_STATUS = STAGES.map((s, k) => `${s},${k === WON_STAGE ? 'won' : k === LOST_STAGE ? 'lost' : 'open'}`);
/** "lead_source,deal_type,product" for each of the 6 × 3 × 6 combinations. */
const SOURCE_TYPE_PRODUCT = LEAD_SOURCES.flatMap((s) =>
  DEAL_TYPES.flatMap((t) => PRODUCTS.map((p) => `${s},${t.type},${p.name}`)),
);

function sourceTypeProduct(o: Opportunity): string {
  const k = (LEAD_SOURCES.indexOf(o.leadSource) * DEAL_TYPES.length + DEAL_TYPES.indexOf(o.dealType)) * PRODUCTS.length;
  return at(SOURCE_TYPE_PRODUCT, k + PRODUCTS.indexOf(o.product));
}

// Built from few, pre-joined pieces: every interpolation is one more string object, and at a
// million rows the garbage collector's share of the work grows with their number.
export function opportunityLine(ctx: DemoContext, o: Opportunity): string {
  const account = companyNameField(ctx.seed, o.accountIndex);
  const lead = o.leadBacked ? leadId(blockStart(ctx, o.index)) : '';
  return (
    `${o.id},${opportunityName(account, o.product.name)},${accountId(o.accountIndex)},${account},${csvField(o.owner)},` +
    `${at(STAGE_STATUS, o.stage)},${wholeMoney(o.amount)},USD,${isoDate(o.created)},${isoDate(o.close)},` +
    `${at(STAGE_PROBABILITY_FORECAST, o.stage)},${sourceTypeProduct(o)},${lead}\n`
  );
}

/** "<Account> — <Product>" as a CSV field; product names are plain, so only a quoted account name needs care. */
function opportunityName(accountField: string, product: string): string {
  return accountField.startsWith('"') ? `${accountField.slice(0, -1)} — ${product}"` : `${accountField} — ${product}`;
}

export function opportunityRows(ctx: DemoContext): RowSource {
  return {
    count: ctx.opportunityCount,
    text(i) {
      const line = opportunityLine(ctx, deriveOpportunity(ctx, i));
      return i === DUPLICATE_INDEX ? line + line : line; // flaw 1 (flaws.ts)
    },
  };
}
