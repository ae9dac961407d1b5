// Encodings the audit of issue 14 found read silently wrong: a file whose lines mix UTF-8 and
// Windows-1252 (one owner split in two on the leaderboard), and Windows-1250 / Shift_JIS files
// read as Windows-1252. Expected names are written here by hand, not read back from our decoder.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analytics } from '../../workers/analytics/Analytics';
import { openAnalytics } from './helpers/engine';

const HEADER = 'opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n';
const row = (i: number, agent: string) => `D${i},${agent},GTX Basic,Acme,Won,2017-01-02,2017-02-0${1 + (i % 9)},100\n`;

/** Windows-1252 bytes of a Latin-1 string (all its characters are below U+0100). */
const cp1252 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
const utf8 = (text: string) => new TextEncoder().encode(text);
const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) out.set(p, (at += p.length) - p.length);
  return out;
};

describe('files in other encodings', () => {
  let analytics: Analytics;
  beforeAll(async () => {
    analytics = await openAnalytics();
  });

  async function leaders(data: Uint8Array) {
    const proposal = await analytics.stageFiles([{ name: 'sales_pipeline.csv', data }]);
    const result = await analytics.applyImport(proposal.plan);
    const dash = await analytics.dashboard({ period: 'all', fiscalStartMonth: 1 });
    return { proposal, result, names: (dash.views?.leaderboard ?? []).map((r) => r.label).sort() };
  }

  it('reads a file mixing UTF-8 and Windows-1252 lines line by line, says so, and keeps one owner', async () => {
    const data = concat([
      utf8(HEADER + row(1, 'José Muñoz') + row(2, 'Zoë Ång')),
      cp1252(row(3, 'José Muñoz') + row(4, 'Zoë Ång')),
      utf8(row(5, 'José Muñoz')),
    ]);
    const { proposal, result, names } = await leaders(data);
    expect(proposal.files[0]?.reading?.encoding).toBe('utf-8+windows-1252');
    expect(names).toEqual(['José Muñoz', 'Zoë Ång']);
    expect(result.notes.join(' ')).toMatch(/mixes encodings: 2 line\(s\) \(the first is line 4\)/);
    expect(result.files[0]).toMatchObject({ rowsRead: 5, rowsLoaded: 5 });
  });

  it('finds Windows-1252 lines that come after a long UTF-8 start', async () => {
    const head = Array.from({ length: 1500 }, (_, i) => row(10 + i, i % 2 ? 'José Muñoz' : 'Ann Lee')).join('');
    const data = concat([utf8(HEADER + head), cp1252(row(9999, 'José Muñoz'))]);
    const { proposal, result, names } = await leaders(data);
    expect(proposal.files[0]?.reading?.encoding).toBe('utf-8+windows-1252');
    expect(names).toEqual(['Ann Lee', 'José Muñoz']);
    expect(result.files[0]).toMatchObject({ rowsRead: 1501, rowsLoaded: 1501 });
  });

  it('detects Windows-1250 (Polish ł, ś, ż) instead of reading it as Windows-1252', async () => {
    // "Łukasz Żółć" and "Paweł Ślusarczyk" in Windows-1250: Ł=A3 ż=BF ó=F3 ł=B3 ć=E6 Ś=8C Ż=AF.
    const bytes = (s: string) => Uint8Array.from(s.split(' ').map((h) => parseInt(h, 16)));
    const lukasz = bytes('A3 75 6B 61 73 7A 20 AF F3 B3 E6');
    const pawel = bytes('50 61 77 65 B3 20 8C 6C 75 73 61 72 63 7A 79 6B');
    const data = concat([
      utf8(HEADER),
      utf8('D1,'),
      lukasz,
      utf8(row(1, '').slice(3)),
      utf8('D2,'),
      pawel,
      utf8(row(2, '').slice(3)),
    ]);
    const { proposal, names } = await leaders(data);
    expect(proposal.files[0]?.reading?.encoding).toBe('windows-1250');
    expect(names).toEqual(['Paweł Ślusarczyk', 'Łukasz Żółć']);
  });

  it('detects Shift_JIS', async () => {
    // 山田太郎 in Shift_JIS: 8E 52 93 63 91 BE 98 59.
    const yamada = Uint8Array.from([0x8e, 0x52, 0x93, 0x63, 0x91, 0xbe, 0x98, 0x59]);
    const data = concat([utf8(HEADER + 'D1,'), yamada, utf8(row(1, '').slice(3))]);
    const { proposal, names } = await leaders(data);
    expect(proposal.files[0]?.reading?.encoding).toBe('shift_jis');
    expect(names).toEqual(['山田太郎']);
  });
});
