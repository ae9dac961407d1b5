// The lead list in the link (drill=leads:<attribute>:<value>) and its export's shape: every target
// survives write → read, a bad value is dropped with a notice, a deal table and a lead list never
// read each other's links, and the CSV carries its context before the header.
import { describe, expect, it } from 'vitest';
import { readViewState, writeViewState, type ViewState } from '../../../src/app/viewState';
import type { LeadListRow, LeadListTarget } from '../../../src/features/leads/contract';
import { formatLeadTarget, parseLeadTarget } from '../../../src/features/leads/leadDrillHash';
import { leadListTable } from '../../../src/features/leads/leadListExport';
import { toCsv } from '../../../src/export/csv';

const TARGETS: LeadListTarget[] = [
  { attribute: 'source', key: 'Web' },
  { attribute: 'source', key: null },
  { attribute: 'owner', key: 'Ann: Lee & co' },
  { attribute: 'country', key: 'US' },
  { attribute: 'state', key: 'a=b&c' },
  { attribute: 'month', key: '2026-03' },
  { attribute: 'campaign', key: 'Spring: 20% off' },
  { attribute: 'landing_page', key: '/pricing?a=1' },
  { attribute: 'origin', key: null },
  // A lead file's own column: its header may hold ":" and "%" (escaped in the link).
  { attribute: 'attr.UTM: Term 100%', key: 'x:y' },
  { attribute: 'attr.Lead Form', key: null },
  // The "Other" row of a capped table.
  { attribute: 'attr.Email', key: null, other: true },
  { attribute: 'campaign', key: null, other: true },
];

describe('lead list in the link', () => {
  it.each(TARGETS)('round-trips %o through the hash', (target) => {
    expect(parseLeadTarget(formatLeadTarget(target))).toEqual(target);
    const state: ViewState = {
      period: 'all',
      view: 'leads',
      fiscalStartMonth: 1,
      leadDrill: { target, sort: { column: 'deal_amount', desc: true }, search: 'acme co' },
    };
    const hash = writeViewState(state);
    const back = readViewState(hash);
    expect(back.problems).toEqual([]);
    expect(back.state.leadDrill).toEqual(state.leadDrill);
    expect(back.state.drill).toBeUndefined();
  });

  it('writes the documented syntax', () => {
    const hash = writeViewState({ period: 'all', view: 'leads', fiscalStartMonth: 1, leadDrill: { target: TARGETS[0]! } });
    expect(decodeURIComponent(hash)).toContain('drill=leads:source:Web');
  });

  it.each(['leads:colour:x', 'leads:month:2026-13', 'leads:month:', 'leads:month', 'leads:attr.:x', 'leads:attr.a%2:x'])(
    'drops %s with a notice',
    (raw) => {
      const { state, problems } = readViewState(`#view=leads&period=all&drill=${encodeURIComponent(raw)}`);
      expect(state.leadDrill).toBeUndefined();
      expect(state.drill).toBeUndefined();
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/lead list/);
    },
  );

  it('keeps the grouping in the link (lq.by), source left out, a bad one dropped with a notice', () => {
    const state: ViewState = { period: 'all', view: 'leads', fiscalStartMonth: 1, leadsBy: 'attr.UTM Term' };
    const back = readViewState(writeViewState(state));
    expect(back.state.leadsBy).toBe('attr.UTM Term');
    expect(writeViewState({ ...state, leadsBy: 'source' })).not.toContain('lq.by');
    const bad = readViewState('#view=leads&lq.by=colour');
    expect(bad.state.leadsBy).toBeUndefined();
    expect(bad.problems[0]).toMatch(/lead grouping "colour"/);
  });

  it.each([
    { kind: 'leads-campaign', key: 'Spring' },
    { kind: 'leads-attr.UTM: Term', key: null },
    { kind: 'leads-attr.Email', key: null, other: true },
  ] as const)('a row of any attribute opens its won deals: %o', (target) => {
    const state: ViewState = { period: 'all', view: 'leads', fiscalStartMonth: 1, drill: { target } };
    const back = readViewState(writeViewState(state));
    expect(back.problems).toEqual([]);
    expect(back.state.drill).toEqual({ target });
    expect(back.state.leadDrill).toBeUndefined();
  });

  it('opens on the Leads screen: a link without a view goes there, another view keeps it closed with a notice', () => {
    const bare = readViewState('#period=all&drill=leads:month:2026-03');
    expect(bare.state.view).toBe('leads');
    expect(bare.state.leadDrill).toEqual({ target: { attribute: 'month', key: '2026-03' } });
    expect(bare.problems).toEqual([]);
    const dash = readViewState('#view=dashboard&period=all&drill=leads:month:2026-03');
    expect(dash.state.view).toBe('dashboard');
    expect(dash.state.leadDrill).toBeUndefined();
    expect(dash.problems[0]).toMatch(/opens on the Leads screen/);
  });

  it('drops a deal-table sort on a lead list with a notice, and a deal link stays a deal link', () => {
    const bad = readViewState('#view=leads&drill=leads:source:Web&drill.sort=amount.desc');
    expect(bad.state.leadDrill).toEqual({ target: { attribute: 'source', key: 'Web' } });
    expect(bad.problems[0]).toMatch(/sort "amount.desc"/);
    const deals = readViewState('#view=leads&drill=leads-source:Web&drill.sort=amount.desc');
    expect(deals.state.leadDrill).toBeUndefined();
    expect(deals.state.drill).toEqual({ target: { kind: 'leads-source', key: 'Web' }, sort: { column: 'amount', desc: true } });
    expect(deals.problems).toEqual([]);
  });
});

describe('lead list export', () => {
  const row: LeadListRow = {
    lead: 'L1',
    company: '=Acme',
    source: 'Web',
    owner: 'A',
    country: 'US',
    state: 'NY',
    attribute: 'Spring',
    created: '2024-01-02',
    status: 'Converted',
    converted: true,
    customer: true,
    deal: 'D1',
    deal_name: 'd1',
    deal_stage: 'Closed Won',
    deal_amount: 100,
    deal_currency: 'USD',
    won_amount: 200,
    deals: 2,
    file: 'leads.csv',
    line: 2,
  };

  it('adds the row’s attribute as a column named by its header when the list has none for it', () => {
    const t = leadListTable([row], [], 'campaign');
    expect(t.header.slice(5, 8)).toEqual(['state', 'campaign', 'created_date']);
    expect(t.rows[0]?.slice(5, 8)).toEqual(['NY', 'Spring', '2024-01-02']);
  });

  it('exports the canonical header and the rows as they are, with its own lines for the context sheet', () => {
    const t = leadListTable([row], ['1 lead, 1 converted']);
    expect(t.header.join(',')).toBe(
      'lead_id,company,source,owner,country,state,created_date,status,to_opportunity,to_customer,converted_opportunity_id,deal_name,deal_stage,deal_amount,won_revenue,linked_deals,source_file,source_line',
    );
    expect(t.rows).toEqual([
      [
        'L1',
        '=Acme',
        'Web',
        'A',
        'US',
        'NY',
        '2024-01-02',
        'Converted',
        true,
        true,
        'D1',
        'd1',
        'Closed Won',
        100,
        200,
        2,
        'leads.csv',
        2,
      ],
    ]);
    expect(t.context).toEqual(['1 lead, 1 converted']);
    // The one CSV writer still guards a formula-looking cell.
    expect(toCsv(t.header, t.rows).split('\r\n')[1]).toMatch(/^L1,'=Acme,/);
  });
});
