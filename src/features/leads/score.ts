// A lead score learned from the user's own history (docs/leads.md), pure. Each attribute value's
// conversion rate is shrunk towards the base rate (m pseudo-leads), and the attributes' log-odds
// shifts are added as in naive Bayes. It is judged honestly on a time split: trained only on
// leads created early enough that their outcome was known at the split date, scored on leads
// created after it, with AUC and a calibration table. A score that cannot beat the base rate
// (AUC's lower 95 % bound at or below 0.5, or too few conversions) ranks nothing.
import type { CalibrationBin, LeadColumnAttribute, LeadScoreEvaluation } from './contract';
import { addDays } from '../../shared/periods/fiscal';
import { daysToCustomer } from './core';
import type { LeadRow } from '../../queries/leadRows';

export const SCORE_ATTRIBUTES: readonly LeadColumnAttribute[] = ['source', 'owner', 'country', 'state'];
/** Pseudo-leads at the base rate added to every attribute value: small groups stay near the base rate. */
export const SHRINKAGE = 20;
/** Share of the matured history that trains the evaluated score; the rest scores it. */
export const TRAIN_SHARE = 0.7;
/** Conversions (and non-conversions) needed on each side of the split. */
export const MIN_CLASS = 10;

export interface ScoreModel {
  readonly baseRate: number;
  readonly tables: ReadonlyMap<LeadColumnAttribute, ReadonlyMap<string | null, { n: number; pos: number }>>;
}

/** Won within the window after creation: known `windowDays` after the lead was created. */
export function labelOf(row: LeadRow, windowDays: number): boolean {
  const d = daysToCustomer(row);
  return d !== null && d <= windowDays;
}

const logit = (p: number) => Math.log(p / (1 - p));
const clampP = (p: number) => Math.min(1 - 1e-9, Math.max(1e-9, p));

export function trainScore(rows: readonly LeadRow[], windowDays: number): ScoreModel {
  const pos = rows.filter((r) => labelOf(r, windowDays)).length;
  const baseRate = rows.length > 0 ? pos / rows.length : 0;
  const tables = new Map<LeadColumnAttribute, Map<string | null, { n: number; pos: number }>>();
  for (const attr of SCORE_ATTRIBUTES) {
    const t = new Map<string | null, { n: number; pos: number }>();
    for (const row of rows) {
      const cell = t.get(row[attr]) ?? { n: 0, pos: 0 };
      cell.n += 1;
      if (labelOf(row, windowDays)) cell.pos += 1;
      t.set(row[attr], cell);
    }
    tables.set(attr, t);
  }
  return { baseRate, tables };
}

/** Probability-like score: the base rate's log-odds plus each attribute's shrunk shift. */
export function scoreLead(model: ScoreModel, row: LeadRow): number {
  const base = clampP(model.baseRate);
  let z = logit(base);
  for (const attr of SCORE_ATTRIBUTES) {
    const cell = model.tables.get(attr)?.get(row[attr]) ?? { n: 0, pos: 0 };
    const rate = clampP((cell.pos + SHRINKAGE * base) / (cell.n + SHRINKAGE));
    z += logit(rate) - logit(base);
  }
  return 1 / (1 + Math.exp(-z));
}

/** Area under the ROC curve by ranks (ties share their average rank). */
export function auc(scores: readonly number[], labels: readonly boolean[]): number {
  const order = scores.map((s, i) => ({ s, y: labels[i] ?? false })).sort((a, b) => a.s - b.s);
  let rankSumPos = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]?.s === order[i]?.s) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (order[k]?.y) rankSumPos += avgRank;
    i = j + 1;
  }
  const nPos = order.filter((o) => o.y).length;
  const nNeg = order.length - nPos;
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/** Hanley & McNeil (1982) standard error of an AUC. */
export function aucStandardError(a: number, nPos: number, nNeg: number): number {
  const q1 = a / (2 - a);
  const q2 = (2 * a * a) / (1 + a);
  return Math.sqrt((a * (1 - a) + (nPos - 1) * (q1 - a * a) + (nNeg - 1) * (q2 - a * a)) / (nPos * nNeg));
}

/** Five bins of equal size by predicted score: mean prediction beside the observed rate. */
export function calibration(scores: readonly number[], labels: readonly boolean[], bins = 5): CalibrationBin[] {
  const order = scores.map((s, i) => ({ s, y: labels[i] ?? false })).sort((a, b) => a.s - b.s);
  const out: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    const part = order.slice(Math.floor((b * order.length) / bins), Math.floor(((b + 1) * order.length) / bins));
    if (part.length === 0) continue;
    out.push({
      n: part.length,
      predicted: part.reduce((a, o) => a + o.s, 0) / part.length,
      observed: part.filter((o) => o.y).length / part.length,
    });
  }
  return out;
}

/** The split of the matured history: leads created before `splitDate` − window train, from it on score. */
export function timeSplit(
  rows: readonly LeadRow[],
  referenceDate: string,
  windowDays: number,
): { splitDate: string; train: LeadRow[]; test: LeadRow[] } | null {
  const maturedBy = addDays(referenceDate, -windowDays);
  const matured = rows
    .filter((r): r is LeadRow & { created: string } => r.created !== null && r.created <= maturedBy)
    .sort((a, b) => a.created.localeCompare(b.created));
  const at = matured[Math.floor(TRAIN_SHARE * matured.length)];
  if (!at) return null;
  const splitDate = at.created;
  // Training labels must be known at the split date: created at least a window before it.
  const knownBy = addDays(splitDate, -windowDays);
  return {
    splitDate,
    train: matured.filter((r) => r.created <= knownBy),
    test: matured.filter((r) => r.created >= splitDate),
  };
}

export type Evaluated = { evaluation: LeadScoreEvaluation; usable: boolean; reason: string | null };

export function evaluateScore(rows: readonly LeadRow[], referenceDate: string, windowDays: number): Evaluated | string {
  const split = timeSplit(rows, referenceDate, windowDays);
  if (!split) return `No lead is older than the ${windowDays}-day conversion window: there is no history to learn from.`;
  const trainPos = split.train.filter((r) => labelOf(r, windowDays)).length;
  const testLabels = split.test.map((r) => labelOf(r, windowDays));
  const testPos = testLabels.filter(Boolean).length;
  const need = (n: number, what: string) => `${n} ${what}; at least ${MIN_CLASS} are needed to learn and judge a score.`;
  if (trainPos < MIN_CLASS || split.train.length - trainPos < MIN_CLASS)
    return need(trainPos, `conversions among the ${split.train.length} leads that would train the score`);
  if (testPos < MIN_CLASS || split.test.length - testPos < MIN_CLASS)
    return need(testPos, `conversions among the ${split.test.length} leads that would judge the score`);
  const model = trainScore(split.train, windowDays);
  const scores = split.test.map((r) => scoreLead(model, r));
  const a = auc(scores, testLabels);
  const aucLow = a - 1.96 * aucStandardError(a, testPos, split.test.length - testPos);
  const evaluation: LeadScoreEvaluation = {
    splitDate: split.splitDate,
    windowDays,
    trained: split.train.length,
    evaluated: split.test.length,
    baseRate: testPos / split.test.length,
    auc: a,
    aucLow,
    calibration: calibration(scores, testLabels),
  };
  const usable = aucLow > 0.5;
  const reason = usable
    ? null
    : `On leads it did not learn from, the score ranks converting leads above others only ${(a * 100).toFixed(1)} % of the time (95 % interval down to ${(aucLow * 100).toFixed(1)} %): not reliably better than the base rate, so no lead is ranked.`;
  return { evaluation, usable, reason };
}
