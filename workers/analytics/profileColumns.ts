// Per-column decisions for one mapped file (docs/import.md): each number and date column is
// settled from its own values first; what they leave open is settled by evidence from the rest
// of the file when every hint agrees, and is otherwise a question — the column gets no decision
// and the load waits for the user's answer.
import type { ColumnDef } from '../../src/canonical/schema';
import type { ImportQuestion, QuestionReading } from '../../src/engine-api/types';
import { decimalHints, type FileEvidence, orderHints } from '../../src/mapping/fileHints';
import { currencyHint, type Decimal, decideNumberFormat, type NumberFormat, readNumber } from '../../src/mapping/numberFormat';
import {
  type DateDecision,
  type DateOrder,
  dateOrder,
  dateProbeFromRow,
  dateProbeQuery,
  decideDateFormat,
  decidePercent,
  numberProbeFromRow,
  numberProbeQuery,
  shapeProbeQuery,
  shapesFromRows,
} from '../../src/mapping/profile';
import { targetColumns } from '../../src/mapping/targets';
import type { TableMapping, TargetTable } from '../../src/mapping/types';
import { type ColumnDecisions, convertExpr } from '../../src/mapping/values';
import { stagingNames } from '../../src/staging/stageSql';
import type { AnalyticsContext } from './context';
import { dateEffect, numberEffect } from './readingEffects';

const NUMBER_KINDS = new Set(['money', 'number', 'integer', 'fraction']);

/** Fills in the decisions the mapping lacks; columns that stay ambiguous become questions. */
export function profileMapping(
  ctx: AnalyticsContext,
  mapping: TableMapping,
): { mapping: TableMapping; questions: ImportQuestion[] } {
  if (mapping.table === 'ignore') return { mapping, questions: [] };
  const table = stagingNames(mapping.fileId).table;
  const info = ctx.staged.get(mapping.fileId)?.info;
  const decisions: Record<string, ColumnDecisions> = { ...mapping.decisions };
  const open = profiledSources(mapping, mapping.table).filter(([col, source]) => !decisions[source] && col.kind !== 'text');
  const numbers = new Map<string, { col: ColumnDef; shapes: ReturnType<typeof shapesFromRows> }>();
  const dates = new Map<string, ReturnType<typeof dateProbeFromRow>>();
  const evidence: { decimals: { column: string; decimal: Decimal }[]; orders: { column: string; order: DateOrder }[] } = {
    decimals: [],
    orders: [],
  };
  // Pass 1: what each column's own values settle; it becomes evidence for the others.
  for (const [col, source] of open) {
    if (NUMBER_KINDS.has(col.kind)) {
      const shapes = shapesFromRows(ctx.sql.rows(shapeProbeQuery(table, source)));
      numbers.set(source, { col, shapes });
      const d = decideNumberFormat(shapes);
      if (d.kind === 'number' && d.basis === 'values') evidence.decimals.push({ column: source, decimal: d.format.decimal });
    } else if (col.kind === 'date') {
      const probe = probeDates(ctx, table, source);
      dates.set(source, probe);
      const d = decideDateFormat(probe);
      const order = d.kind === 'format' ? dateOrder(d.format) : undefined;
      if (order) evidence.orders.push({ column: source, order });
    }
  }
  const file: FileEvidence = {
    ...(info?.reading?.delimiter ? { delimiter: info.reading.delimiter } : {}),
    headers: info?.columns.map((c) => c.name) ?? [],
    ...evidence,
  };
  // Pass 2: decide with the file's evidence, or ask.
  const questions: ImportQuestion[] = [];
  for (const [source, { col, shapes }] of numbers) {
    const currency = currencyHint(shapes);
    const d = decideNumberFormat(shapes, [...decimalHints(file, source), ...(currency ? [currency] : [])]);
    const percent = col.kind === 'fraction' && decidePercent(numberProbeFromRow(ctx.sql.one(numberProbeQuery(table, source))));
    if (d.kind === 'number') decisions[source] = { ...numberDecisions(d.format), percent, reason: d.reason };
    else questions.push(numberQuestion(ctx, mapping.fileId, table, source, col, d, percent));
  }
  for (const [source, probe] of dates) {
    const d = decideDateFormat(probe, orderHints(file, source));
    if (d.kind === 'ambiguous') questions.push(dateQuestion(ctx, mapping.fileId, table, source, d));
    else
      decisions[source] = {
        dateFormat: d.kind === 'format' ? d.format : d.best,
        ...(d.kind === 'format' && d.reason ? { reason: d.reason } : {}),
      };
  }
  return { mapping: { ...mapping, decisions }, questions };
}

function probeDates(ctx: AnalyticsContext, table: string, column: string): ReturnType<typeof dateProbeFromRow> {
  // Most exports use ISO dates: one cheap probe settles them before trying every format.
  const iso = dateProbeFromRow(ctx.sql.one(dateProbeQuery(table, column, ['iso'])), ['iso']);
  if (iso.parsed['iso'] === iso.nonBlank) return { ...iso, parsed: { ...iso.parsed } };
  return dateProbeFromRow(ctx.sql.one(dateProbeQuery(table, column)));
}

/** The decisions a number format stands for (ColumnDecisions is what plans carry and loaders honour). */
export function numberDecisions(f: NumberFormat): ColumnDecisions {
  return { decimalComma: f.decimal === ',', grouping: f.grouping, units: f.units };
}

function numberQuestion(
  ctx: AnalyticsContext,
  fileId: string,
  table: string,
  column: string,
  col: ColumnDef,
  d: Extract<ReturnType<typeof decideNumberFormat>, { kind: 'ambiguous' }>,
  percent: boolean,
): ImportQuestion {
  const reading = (name: 'thousands' | 'decimal', f: NumberFormat): QuestionReading => {
    const role = name === 'thousands' ? 'thousands separator' : 'decimal separator';
    const decisions = { ...numberDecisions(f), percent, reason: `You chose: the separator in ${d.example} is a ${role}.` };
    const value = readNumber(d.example, f);
    const label = `${role}: ${d.example} = ${value === null ? '?' : EXACT.format(value)}`;
    return { reading: name, label, decisions, effect: numberEffect(ctx, table, column, col.kind, decisions) };
  };
  return {
    fileId,
    column,
    kind: 'number',
    message: `How are the numbers in "${column}" written? Values like ${d.example} read two ways, and ${d.reason.includes('conflicting') ? 'the file gives conflicting hints' : 'nothing in the file settles it'}.`,
    readings: [reading('thousands', d.readings.thousands), reading('decimal', d.readings.decimal)],
  };
}

function dateQuestion(
  ctx: AnalyticsContext,
  fileId: string,
  table: string,
  column: string,
  d: Extract<DateDecision, { kind: 'ambiguous' }>,
): ImportQuestion {
  const readings = d.formats.map((format): QuestionReading => {
    const order = dateOrder(format) ?? 'month-first';
    const decisions: ColumnDecisions = { dateFormat: format, reason: `You chose: dates in "${column}" are written ${order}.` };
    const effect = dateEffect(ctx, table, column, decisions);
    const example = d.example === null ? '' : `: ${d.example} = ${exampleDate(ctx, d.example, decisions)}`;
    return { reading: order, label: `${order === 'day-first' ? 'day first' : 'month first'}${example}`, decisions, effect };
  });
  return {
    fileId,
    column,
    kind: 'date',
    message: `How are the dates in "${column}" written? Every value (e.g. ${d.example ?? '?'}) reads both day-first and month-first, and nothing in the file settles it.`,
    readings,
  };
}

// Full precision, grouped the way the page's locale groups: 4,800 vs 4.8 must look different.
const EXACT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

function exampleDate(ctx: AnalyticsContext, example: string, d: ColumnDecisions): string {
  const row = ctx.sql.one<{ v: string | null }>({
    sql: `SELECT strftime(${convertExpr('x', 'date', d)}, '%-d %B %Y') AS v FROM (SELECT CAST(? AS VARCHAR) AS x)`,
    params: [example],
  });
  return row.v ?? '?';
}

/** Each mapped source column with the column it feeds; a fallback (expected close date) is profiled like its source. */
function profiledSources(mapping: TableMapping, table: TargetTable): [ColumnDef, string][] {
  return targetColumns(table).flatMap((col) => {
    const mapped = mapping.columns[col.name];
    return [mapped?.source, mapped?.fallback].filter((s) => s !== undefined).map((s): [ColumnDef, string] => [col, s]);
  });
}
