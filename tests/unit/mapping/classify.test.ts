// Files without a preset are classified by their headers into the table they feed.
import { describe, expect, it } from 'vitest';
import { recognize } from '../../../src/mapping/recognize';

const tableOf = (columns: string[]) => recognize({ fileId: 'f', columns }).table;

describe('generic classification', () => {
  it.each([
    [['Rep', 'Quarter Start', 'Quarter End', 'Quota'], 'quotas'],
    [['Month', 'Period End', 'Channel', 'Spend'], 'spend'],
    [['Opportunity ID', 'Changed At', 'Stage', 'Amount'], 'stage_history'],
    [['Lead ID', 'Created Date', 'Lead Source', 'Converted', 'Company'], 'leads'],
    [['Sales Rep', 'Team', 'Manager', 'Region'], 'reps'],
    [['Account', 'Industry', 'Employees', 'Annual Revenue'], 'accounts'],
    [['Deal', 'Kunde', 'Besitzer', 'Phase', 'Wert', 'Abschlussdatum'], 'opportunities'],
  ])('%j → %s', (headers, table) => {
    expect(tableOf(headers)).toBe(table);
  });

  it('maps translated headers of a deals sheet', () => {
    const m = recognize({ fileId: 'f', columns: ['Titre', 'Client', 'Propriétaire', 'Étape', 'Montant', 'Date de clôture'] });
    expect(m.columns).toMatchObject({
      name: { source: 'Titre' },
      account_name: { source: 'Client' },
      owner: { source: 'Propriétaire' },
      stage: { source: 'Étape' },
      amount: { source: 'Montant' },
      close_date: { source: 'Date de clôture' },
    });
  });
});
