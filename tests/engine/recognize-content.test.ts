// Any spreadsheet of deals gets in (docs/import.md): recognition by content for the
// marketing-funnel pair — a lead list, and a list of closed deals that names the lead's id
// and carries only a won date — in three header vocabularies (tests/fixtures/funnel), and
// ids made from a row's content when a sheet has no id column. Expected values are counted
// here in plain JS from the fixture text, never from our SQL.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportProposal } from '../../src/engine-api/types';
import { quoteIdent } from '../../src/platform/sql/sql';
import { Analytics } from '../../workers/analytics/Analytics';
import { openNodeEngine } from '../../src/platform/engine/openNode';
import { FIXTURES, kpi } from './helpers/engine';

class Reader extends Analytics {
  async column(table: string, column: string): Promise<string[]> {
    const ctx = await this.context();
    const rows = ctx.sql.rows<{ v: string }>({ sql: `SELECT ${quoteIdent(column)} AS v FROM ${quoteIdent(table)}`, params: [] });
    return rows.map((r) => r.v).sort();
  }
}

const text = (name: string) => readFileSync(path.join(FIXTURES, 'funnel', name), 'utf8');
const bytes = (name: string, body: string) => ({ name, data: new TextEncoder().encode(body) });

/** Plain-JS reading of a fixture: rows as records (no quoted fields in these files). */
function rows(body: string, delimiter: string): Record<string, string>[] {
  const [head, ...lines] = body.trim().split('\n');
  const names = (head ?? '').split(delimiter);
  return lines.map((l) => Object.fromEntries(l.split(delimiter).map((v, i) => [names[i] ?? '', v])));
}

interface Pair {
  readonly leads: string;
  readonly deals: string;
  readonly delimiter: string;
  readonly leadId: string;
  readonly dealRef: string;
  readonly created: string;
  readonly origin: string;
  readonly wonDate: string;
}
const PAIRS: Pair[] = [
  {
    leads: 'mql_leads.csv',
    deals: 'closed_deals.csv',
    delimiter: ',',
    leadId: 'mql_id',
    dealRef: 'mql_id',
    created: 'first_contact_date',
    origin: 'origin',
    wonDate: 'won_date',
  },
  {
    leads: 'interessenten.csv',
    deals: 'gewonnene_abschluesse.csv',
    delimiter: ';',
    leadId: 'Interessent-Nr',
    dealRef: 'Interessent Nr',
    created: 'Erstkontakt am',
    origin: 'Herkunft',
    wonDate: 'Gewonnen am',
  },
  {
    leads: 'contactos.csv',
    deals: 'ventas_cerradas.csv',
    delimiter: ',',
    leadId: 'uuid_contacto',
    dealRef: 'contacto',
    created: 'fecha_creacion',
    origin: 'canal',
    wonDate: 'fecha_cierre',
  },
];

describe.each(PAIRS)('the marketing-funnel pair $leads + $deals', (pair) => {
  let analytics: Reader;
  let proposal: ImportProposal;
  const leads = rows(text(pair.leads), pair.delimiter);
  const deals = rows(text(pair.deals), pair.delimiter);
  const leadIds = new Set(leads.map((l) => l[pair.leadId]));
  const named = new Set(deals.map((d) => d[pair.dealRef]).filter((id) => leadIds.has(id)));

  beforeAll(async () => {
    analytics = new Reader(await openNodeEngine());
    proposal = await analytics.stageFiles([bytes(pair.leads, text(pair.leads)), bytes(pair.deals, text(pair.deals))]);
  });

  it('proposes the lead list as leads and the closed deals as won deals that name the lead', () => {
    const byFile = new Map(proposal.plan.mappings.map((m) => [proposal.files.find((f) => f.fileId === m.fileId)?.fileName, m]));
    const l = byFile.get(pair.leads);
    const d = byFile.get(pair.deals);
    expect(l?.table).toBe('leads');
    expect(l?.columns['lead_id']?.source).toBe(pair.leadId);
    expect(l?.columns['created_date']?.source).toBe(pair.created);
    expect(l?.columns['source']?.source).toBe(pair.origin);
    expect(d?.table).toBe('opportunities');
    expect(d?.status).toEqual({ kind: 'won_date', column: pair.wonDate });
    expect(d?.columns['lead_id']?.source).toBe(pair.dealRef);
    expect(d?.columns['close_date']?.source).toBe(pair.wonDate);
    // No id column: the deals' ids are made from their content.
    expect(d?.columns['opportunity_id']).toBeUndefined();
    expect(proposal.joins?.some((j) => j.key === 'id' && j.to.table === 'leads')).toBe(true);
    // One confirmation at most: the user is asked once, and nothing else blocks the load.
    expect(proposal.questions).toEqual([]);
  });

  it('loads as proposed and gives lead → opportunity = leads a deal names ÷ leads', async () => {
    const result = await analytics.applyImport(proposal.plan);
    expect(result.files.map((f) => [f.fileName, f.rowsLoaded, f.rowsRejected])).toEqual([
      [pair.leads, leads.length, 0],
      [pair.deals, deals.length, 0],
    ]);
    expect(result.notes.some((n) => n.includes(pair.deals) && /no id column/.test(n))).toBe(true);
    const all = await analytics.dashboard({ period: 'all', fiscalStartMonth: 1 });
    expect(named.size).toBeGreaterThan(0);
    expect(kpi(all, 'lead_to_opportunity_ratio')).toBeCloseTo(named.size / leads.length, 12);
    expect(kpi(all, 'won_count')).toBe(deals.length);
    expect(kpi(all, 'win_rate')).toBe(1);
    // Nothing says how much the deals were worth: not available, not $0.
    expect(kpi(all, 'won_amount')).toBeNull();
    // …and the views that plot amounts say so instead of drawing bars at 0.
    expect(all.unavailable?.amounts).toMatch(/amount/);
  });
});

describe('ids from content when a sheet of deals has no id column', () => {
  const HEAD = 'Deal,Customer,Stage,Value,Closed';
  const ROWS = [
    'Website,Acme,Won,1200,2024-02-01',
    'Audit,Beta,Lost,800,2024-02-03',
    'Retainer,Gamma,Negotiation,5000,2024-03-30',
    'Website,Acme,Won,1200,2024-02-01', // the same row twice: one id, reported
    'Hosting,Delta,Won,300,2024-01-15',
  ];
  let first: Reader;

  beforeAll(async () => {
    first = new Reader(await openNodeEngine());
    const p = await first.stageFiles([bytes('deals.csv', [HEAD, ...ROWS].join('\n') + '\n')]);
    const m = p.plan.mappings[0];
    expect(m?.table).toBe('opportunities');
    expect(m?.columns['opportunity_id']).toBeUndefined();
    const result = await first.applyImport(p.plan);
    expect(result.files[0]).toMatchObject({ rowsLoaded: 5, rowsRejected: 0 });
    expect(result.notes.find((n) => n.startsWith('deals.csv'))).toMatch(/1 rows repeat another row/);
  });

  it('gives every row an id and keeps file and line', async () => {
    const ids = await first.column('opportunities', 'opportunity_id');
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^row-[0-9a-f]{16}$/);
    expect(await first.column('opportunities', 'source_line')).toEqual([2, 3, 4, 5, 6]);
  });

  it('gives the same ids to a re-export: rows and columns in another order, another file name', async () => {
    const again = new Reader(await openNodeEngine());
    const order = [4, 2, 0, 3, 1];
    const cols = [3, 0, 4, 2, 1];
    const swap = (line: string) => cols.map((i) => line.split(',')[i]).join(',');
    const body = [swap(HEAD), ...order.map((i) => swap(ROWS[i] ?? ''))].join('\n') + '\n';
    const p = await again.stageFiles([bytes('deals (1).csv', body)]);
    await again.applyImport(p.plan);
    expect(await again.column('opportunities', 'opportunity_id')).toEqual(await first.column('opportunities', 'opportunity_id'));
  });

  it('the data-quality panel lists the repeated row as a duplicate id', async () => {
    const q = await first.dataQuality();
    expect(q.issues.find((i) => i.id === 'duplicate_opportunity_ids')?.count).toBe(1);
  });
});
