// Every row keeps the line it starts on in the file — rejected rows in the import report and
// loaded rows in source_line — after quoted line breaks and empty lines. Expected lines are
// counted while the test writes the file.
import { beforeAll, describe, expect, it } from 'vitest';
import { Analytics } from '../../workers/analytics/Analytics';
import { openNodeEngine } from '../../src/platform/engine/openNode';
import { fixture } from './helpers/engine';

/** The engine with a look at the loaded table, to read source_line. */
class Probe extends Analytics {
  async sourceLines(): Promise<Record<string, number>> {
    const ctx = await this.context();
    const rows = ctx.sql.rows<{ id: string; line: number }>({
      sql: 'SELECT opportunity_id AS id, source_line::INTEGER AS line FROM opportunities',
      params: [],
    });
    return Object.fromEntries(rows.map((r) => [r.id, r.line]));
  }
}

const HEADER = 'opportunity_id,sales_agent,deal_stage,engage_date,close_date,close_value,notes';

/** Rows with notes over several lines, empty lines and bad amounts; returns the file and where each row starts. */
function build(n: number, eol: string, opts: { multiline: boolean }) {
  const parts = [HEADER + eol];
  let line = 2;
  const lines: Record<string, number> = {};
  const bad: number[] = [];
  for (let i = 1; i <= n; i++) {
    const id = `R${i}`;
    lines[id] = line;
    const amount = i % 13 === 0 ? 'lots' : String(i * 10);
    if (i % 13 === 0) bad.push(line);
    const notes = opts.multiline && i % 7 === 0 ? `"call back${eol}after ""Q3""${eol}"` : 'none';
    parts.push(`${id},Ann,Won,2021-01-01,2021-02-01,${amount},${notes}${eol}`);
    line += opts.multiline && i % 7 === 0 ? 3 : 1;
    if (i % 11 === 0) {
      parts.push(eol.repeat(i % 2 === 0 ? 2 : 1));
      line += i % 2 === 0 ? 2 : 1;
    }
  }
  return { data: new TextEncoder().encode(parts.join('')), lines, bad };
}

describe('file lines of rows', () => {
  let probe: Probe;
  beforeAll(async () => {
    probe = new Probe(await openNodeEngine());
  });

  it.each([
    ['quoted line breaks and empty lines, LF', '\n', true],
    ['quoted line breaks and empty lines, CRLF', '\r\n', true],
    ['empty lines only', '\n', false],
    ['old Mac CR line ends', '\r', true],
  ] as const)('%s', async (_name, eol, multiline) => {
    const { data, lines, bad } = build(300, eol, { multiline });
    const proposal = await probe.stageFiles([{ name: 'notes.csv', data }]);
    const result = await probe.applyImport(proposal.plan);
    const rec = result.files[0];
    expect(rec).toMatchObject({ rowsRead: 300, rowsRejected: bad.length, rowsLoaded: 300 - bad.length, rowsSkipped: 0 });
    expect(rec?.rejects.map((r) => r.line)).toEqual(bad);
    const loaded = await probe.sourceLines();
    const expected = Object.fromEntries(Object.entries(lines).filter(([, l]) => !bad.includes(l)));
    expect(loaded).toEqual(expected);
  });

  it('puts the parser’s rejects on their file lines too', async () => {
    const proposal = await probe.stageFiles([fixture('messy/lines-multiline-empty.csv')]);
    const result = await probe.applyImport(proposal.plan);
    // Header 1, D1 2, D2 3–5 (three-line account), empty 6, D3 7 (n/a), empty 8, short row 9, D4 10.
    expect(result.files[0]?.rejects.map((r) => [r.line, r.column])).toEqual([
      [7, 'amount'],
      [9, '(whole row)'],
    ]);
    expect(await probe.sourceLines()).toEqual({ D1: 2, D2: 3, D4: 10 });
  });
});
