import { describe, expect, it } from 'vitest';
import { decideDateFormat, DATE_CANDIDATES } from '../../../src/mapping/profile';
import { recognize } from '../../../src/mapping/recognize';
import { inferWonLost } from '../../../src/mapping/synonyms';
import { planProblems } from '../../../src/mapping/validate';

describe('recognize', () => {
  it('knows the Maven pipeline, with engage_date as the created date', () => {
    const m = recognize({
      fileId: 'f1',
      columns: ['opportunity_id', 'sales_agent', 'product', 'account', 'deal_stage', 'engage_date', 'close_date', 'close_value'],
    });
    expect(m).toMatchObject({ table: 'opportunities', presetId: 'maven-pipeline', confidence: 1 });
    expect(m.columns['created_date']).toEqual({ source: 'engage_date' });
    expect(m.status).toEqual({ kind: 'stage', column: 'deal_stage', won: ['Won'], lost: ['Lost'] });
  });

  it('scales Maven account revenue from USD millions', () => {
    const m = recognize({
      fileId: 'f2',
      columns: ['account', 'sector', 'year_established', 'revenue', 'employees', 'office_location', 'subsidiary_of'],
    });
    expect(m.columns['annual_revenue']).toEqual({ source: 'revenue', scale: 1_000_000 });
  });

  it('knows Salesforce API names and reads status from IsWon/IsClosed', () => {
    const headers = [
      'Id',
      'Name',
      'AccountId',
      'StageName',
      'Amount',
      'CloseDate',
      'CreatedDate',
      'IsWon',
      'IsClosed',
      'Probability',
      'OwnerId',
    ];
    const m = recognize({ fileId: 'f3', columns: headers });
    expect(m).toMatchObject({ table: 'opportunities', presetId: 'salesforce-opportunity-api', confidence: 1 });
    expect(m.status).toEqual({ kind: 'flags', isWon: 'IsWon', isClosed: 'IsClosed' });
    expect(m.columns['owner']).toEqual({ source: 'OwnerId' });
    expect(m.columns['probability']).toEqual({ source: 'Probability' });
  });

  it('guesses an unknown layout with less than full confidence, so the user confirms', () => {
    const m = recognize({
      fileId: 'f4',
      columns: ['Deal Name', 'Deal Stage', 'Amount', 'Close Date', 'Create Date', 'Deal owner'],
    });
    expect(m.table).toBe('opportunities');
    expect(m.confidence).toBeLessThan(1);
    expect(m.columns['close_date']).toEqual({ source: 'Close Date' });
  });

  it('ignores a file with nothing it recognizes', () => {
    expect(recognize({ fileId: 'f5', columns: ['foo', 'bar'] })).toMatchObject({ table: 'ignore', confidence: 0 });
  });
});

describe('won/lost inference and plan checks', () => {
  it('reads won and lost stage names in several languages', () => {
    expect(inferWonLost(['Closed Won', 'Closed Lost', 'Proposal', 'Gewonnen', 'Verloren', 'Perdu'])).toEqual({
      won: ['Closed Won', 'Gewonnen'],
      lost: ['Closed Lost', 'Verloren', 'Perdu'],
    });
  });

  it('names every missing piece of a plan', () => {
    const problems = planProblems(
      {
        mappings: [
          { fileId: 'f1', table: 'opportunities', columns: {}, presetId: 'manual', confidence: 0 },
          { fileId: 'f2', table: 'quotas', columns: {}, presetId: 'manual', confidence: 0 },
        ],
      },
      { f1: 'deals.csv', f2: 'quotas.csv' },
    );
    expect(problems.join('\n')).toMatch(/quotas.csv: choose the column that holds rep/);
    expect(problems.join('\n')).toMatch(/stage column/);
    // A sheet of deals without an id column loads: its ids are made from the rows' values.
    expect(problems.join('\n')).not.toMatch(/opportunity_id/);
  });
});

describe('date format decisions (per column, never per row)', () => {
  const probe = (parsed: Record<string, number>, nonBlank: number) => ({
    nonBlank,
    example: '3/1/2017',
    parsed: Object.fromEntries(DATE_CANDIDATES.map((f) => [f, parsed[f] ?? 0])),
  });

  it('takes ISO when every value is ISO', () => {
    expect(decideDateFormat(probe({ iso: 10 }, 10))).toEqual({ kind: 'format', format: 'iso' });
  });

  it('takes month-first when a day above 12 rules out day-first', () => {
    expect(decideDateFormat(probe({ '%m/%d/%Y': 10, '%d/%m/%Y': 7 }, 10))).toEqual({ kind: 'format', format: '%m/%d/%Y' });
  });

  it('asks when every value reads both ways', () => {
    expect(decideDateFormat(probe({ '%m/%d/%Y': 10, '%d/%m/%Y': 10 }, 10))).toMatchObject({
      kind: 'ambiguous',
      formats: ['%m/%d/%Y', '%d/%m/%Y'],
    });
  });

  it('reports a column no format reads fully, with the best candidate', () => {
    expect(decideDateFormat(probe({ '%d.%m.%Y': 8 }, 10))).toMatchObject({ kind: 'unreadable', best: '%d.%m.%Y', failures: 2 });
  });
});
