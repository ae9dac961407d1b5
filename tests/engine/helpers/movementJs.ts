// The pipeline of a period at a date computed in plain JS from the generated demo's CSV text
// (docs/movement.md's rule, independent of our SQL): each deal's last history row on or
// before the day (later lines win on the same day), open then, expected in the period.
import type { DateRange } from '../../../src/shared/periods/fiscal';

/** One CSV line's fields (quoted fields with commas and doubled quotes; the demo has no line breaks in fields). */
function fields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function table(text: string): Record<string, string>[] {
  const [head = '', ...lines] = text.split('\n').filter((l) => l !== '');
  const names = fields(head);
  return lines.map((l) => {
    const f = fields(l);
    return Object.fromEntries(names.map((n, i) => [n, f[i] ?? '']));
  });
}

/** Cents of a decimal text without floating point ("1234.5" → 123450). */
function cents(text: string): number {
  if (text === '') return 0;
  const [whole = '0', frac = ''] = text.split('.');
  const sign = whole.startsWith('-') ? -1 : 1;
  return sign * (Math.abs(Number(whole)) * 100 + Number((frac + '00').slice(0, 2)));
}

export function pipelineAt(
  files: Record<string, string>,
  day: string,
  range: DateRange | null,
): { count: number; cents: number } {
  const deals = new Map<string, Record<string, string>>();
  for (const o of table(files['opportunities.csv'] ?? ''))
    if (!deals.has(o.opportunity_id ?? '')) deals.set(o.opportunity_id ?? '', o);
  const state = new Map<string, Record<string, string>>();
  for (const h of table(files['stage_history.csv'] ?? '')) if ((h.changed_at ?? '') <= day) state.set(h.opportunity_id ?? '', h);
  let count = 0;
  let sum = 0;
  for (const [id, h] of state) {
    const o = deals.get(id);
    if (!o) continue;
    const closed = (o.status === 'won' || o.status === 'lost') && (o.close_date === '' || (o.close_date ?? '') <= day);
    const close = h.close_date ?? '';
    const inPeriod = range === null || (close !== '' && close >= range.start && close < range.end);
    if (closed || !inPeriod) continue;
    count++;
    sum += cents(h.amount ?? '');
  }
  return { count, cents: sum };
}
