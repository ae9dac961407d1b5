// Several files together: each is classified, then joined on the keys both sides carry.
import { describe, expect, it } from 'vitest';
import { recognizeFiles } from '../../../src/mapping/joins';

const file = (fileId: string, columns: string[]) => ({ fileId, columns });

describe('recognizeFiles', () => {
  it('keys reps by user id when deals name their owner by id', () => {
    const r = recognizeFiles([
      file('o', ['Id', 'StageName', 'CloseDate', 'IsWon', 'IsClosed', 'OwnerId', 'AccountId']),
      file('u', ['Id', 'Username', 'Name']),
    ]);
    expect(r.mappings.map((m) => m.table)).toEqual(['opportunities', 'reps']);
    expect(r.mappings[1]?.columns['rep']).toEqual({ source: 'Id' });
    expect(r.joins[0]).toMatchObject({ key: 'id', from: { column: 'owner' }, to: { table: 'reps', column: 'Id' } });
  });

  it('keeps reps by name when deals carry owner names', () => {
    const r = recognizeFiles([
      file('o', ['Opportunity Owner', 'Opportunity Name', 'Stage', 'Close Date', 'Account Name']),
      file('u', ['Id', 'Username', 'Name']),
    ]);
    expect(r.mappings[1]?.columns['rep']).toEqual({ source: 'Name' });
    expect(r.joins[0]).toMatchObject({ key: 'name', to: { column: 'Name' } });
  });

  it('joins accounts by id when the deals carry one and the accounts file is keyed by a record id', () => {
    const r = recognizeFiles([
      file('o', ['Id', 'StageName', 'CloseDate', 'IsWon', 'IsClosed', 'AccountId']),
      file('a', ['Record ID', 'Account', 'Industry', 'Employees']),
    ]);
    expect(r.mappings[1]).toMatchObject({ table: 'accounts' });
    expect(r.mappings[1]?.columns['account_id']).toEqual({ source: 'Record ID' });
    expect(r.joins.find((j) => j.to.table === 'accounts')).toMatchObject({ key: 'id' });
  });

  it('joins accounts by name when only names are shared', () => {
    const r = recognizeFiles([
      file('o', ['Opportunity Owner', 'Opportunity Name', 'Stage', 'Close Date', 'Account Name']),
      file('a', ['Account Name', 'Industry', 'Employees']),
    ]);
    expect(r.joins.find((j) => j.to.table === 'accounts')).toMatchObject({ key: 'name', from: { column: 'account_name' } });
  });

  it('links leads and deals through whichever side carries the reference', () => {
    const leadsSide = recognizeFiles([
      file('o', ['Id', 'StageName', 'CloseDate', 'IsWon', 'IsClosed']),
      file('l', ['Id', 'Status', 'IsConverted', 'CreatedDate', 'ConvertedOpportunityId']),
    ]);
    expect(leadsSide.joins).toEqual([
      expect.objectContaining({
        from: expect.objectContaining({ table: 'leads', column: 'converted_opportunity_id' }),
        key: 'id',
      }),
    ]);
    const dealSide = recognizeFiles([
      file('o', ['Record ID', 'Deal Name', 'Deal Stage', 'Pipeline', 'Associated Contact IDs']),
      file('l', ['Record ID', 'First Name', 'Last Name', 'Lifecycle Stage']),
    ]);
    expect(dealSide.joins).toEqual([
      expect.objectContaining({ from: expect.objectContaining({ table: 'opportunities', column: 'lead_id' }), key: 'id' }),
    ]);
  });
});
