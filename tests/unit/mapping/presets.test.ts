// Each CRM preset recognizes its export's headers (as the CRM writes them), with a
// confidence: every signature header present is certain; most of them is a suggestion.
import { describe, expect, it } from 'vitest';
import { PIPEDRIVE_LANGUAGES } from '../../../src/mapping/presets/pipedrive';
import { recognize, scorePreset, settleStageValues } from '../../../src/mapping/recognize';
import { PRESETS } from '../../../src/mapping/presets';

const rec = (columns: string[]) => recognize({ fileId: 'f', columns });

describe('presets', () => {
  it('have unique ids', () => {
    const ids = PRESETS.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('Salesforce report: prefers the converted amount with its own currency column', () => {
    const m = rec([
      'Opportunity Owner',
      'Opportunity Name',
      'Stage',
      'Close Date',
      'Amount',
      'Amount Currency',
      'Amount (converted)',
      'Amount (converted) Currency',
    ]);
    expect(m).toMatchObject({ presetId: 'salesforce-opportunity-report', confidence: 1 });
    expect(m.columns['amount']).toEqual({ source: 'Amount (converted)' });
    expect(m.columns['currency']).toEqual({ source: 'Amount (converted) Currency' });
    // No Won/Closed columns: the stage names decide.
    expect(m.status).toEqual({ kind: 'stage', column: 'Stage', won: ['Closed Won'], lost: ['Closed Lost'] });
  });

  it('Salesforce report without the converted pair keeps amount and its currency together', () => {
    const m = rec(['Opportunity Owner', 'Opportunity Name', 'Stage', 'Close Date', 'Amount', 'Amount Currency', 'Won', 'Closed']);
    expect(m.columns['amount']).toEqual({ source: 'Amount' });
    expect(m.columns['currency']).toEqual({ source: 'Amount Currency' });
    expect(m.status).toEqual({ kind: 'flags', isWon: 'Won', isClosed: 'Closed' });
  });

  it.each([
    [
      ['Id', 'FirstName', 'LastName', 'Company', 'Status', 'IsConverted', 'ConvertedOpportunityId', 'CreatedDate'],
      'salesforce-lead-api',
      'leads',
    ],
    [['Id', 'Name', 'Industry', 'BillingCountry', 'AnnualRevenue'], 'salesforce-account-api', 'accounts'],
    [['Id', 'Username', 'Name', 'Email', 'IsActive'], 'salesforce-user-api', 'reps'],
    [
      ['Record ID', 'Deal Name', 'Deal Stage', 'Pipeline', 'Amount', 'Close Date', 'Create Date', 'Deal owner'],
      'hubspot-deals',
      'opportunities',
    ],
    [['Record ID', 'First Name', 'Last Name', 'Email', 'Lifecycle Stage', 'Contact owner'], 'hubspot-contacts', 'leads'],
    [['Record ID', 'Company name', 'Company owner', 'Industry'], 'hubspot-companies', 'accounts'],
    [
      ['Record Id', 'Potential Owner', 'Potential Name', 'Account Name', 'Amount', 'Closing Date', 'Stage', 'Created Time'],
      'zoho-potentials',
      'opportunities',
    ],
    [['Deal Owner', 'Deal Name', 'Closing Date', 'Stage', 'Amount'], 'zoho-potentials', 'opportunities'],
    [
      ['Topic', 'Potential Customer', 'Est. Close Date', 'Est. Revenue', 'Status', 'Owner', 'Created On'],
      'dynamics-opportunities',
      'opportunities',
    ],
  ])('%j is %s', (headers, presetId, table) => {
    expect(rec(headers)).toMatchObject({ presetId, table, confidence: 1 });
  });

  it('HubSpot deals read won/lost from "Is Closed Won" when exported, else from the stage', () => {
    const base = ['Record ID', 'Deal Name', 'Deal Stage', 'Pipeline', 'Create Date'];
    expect(rec([...base, 'Is Closed Won', 'Is closed']).status).toEqual({
      kind: 'flags',
      isWon: 'Is Closed Won',
      isClosed: 'Is closed',
    });
    expect(rec(base).status).toMatchObject({ kind: 'stage', column: 'Deal Stage', won: ['Closed won', 'Closed Won'] });
  });

  it('Dynamics reads actual revenue and close date first, the estimates where they are blank', () => {
    const m = rec(['Topic', 'Status', 'Est. Close Date', 'Est. Revenue', 'Actual Close Date', 'Actual Revenue']);
    expect(m.columns['amount']).toEqual({ source: 'Actual Revenue', fallback: 'Est. Revenue' });
    expect(m.columns['close_date']).toEqual({ source: 'Actual Close Date', fallback: 'Est. Close Date' });
  });

  it('a partial signature is a suggestion below 1, better than a guess', () => {
    // HubSpot deals without "Record ID" (3 of 4 signature entries).
    const m = rec(['Deal Name', 'Deal Stage', 'Amount', 'Close Date', 'Create Date', 'Deal owner']);
    expect(m.presetId).toBe('hubspot-deals');
    // 0.9 × 3/4 = 0.675, kept in whole percent.
    expect(m.confidence).toBe(0.68);
  });

  it('scores a preset by the share of its signature present', () => {
    const hubspot = PRESETS.find((p) => p.id === 'hubspot-deals');
    if (!hubspot) throw new Error('no hubspot preset');
    expect(scorePreset(['Record ID', 'Deal Name', 'Deal Stage', 'Pipeline'], hubspot)).toMatchObject({ share: 1, confidence: 1 });
    expect(scorePreset(['Deal Name'], hubspot)).toMatchObject({ share: 0.25, confidence: 0 });
  });
});

describe('Pipedrive in every export language', () => {
  const headers: Record<string, string[]> = {
    en: [
      'ID',
      'Title',
      'Value',
      'Currency',
      'Status',
      'Stage',
      'Owner',
      'Organization',
      'Expected close date',
      'Deal created',
      'Deal closed on',
    ],
    de: [
      'ID',
      'Titel',
      'Wert',
      'Währung',
      'Status',
      'Phase',
      'Besitzer',
      'Organisation',
      'Erwartetes Abschlussdatum',
      'Deal erstellt',
      'Deal geschlossen am',
    ],
    fr: [
      'ID',
      'Titre',
      'Valeur',
      'Devise',
      'Statut',
      'Étape',
      'Propriétaire',
      'Organisation',
      'Date de clôture prévue',
      'Affaire créée',
      'Affaire conclue le',
    ],
    es: [
      'ID',
      'Título',
      'Valor',
      'Moneda',
      'Estado',
      'Etapa',
      'Propietario',
      'Organización',
      'Fecha de cierre prevista',
      'Trato creado',
      'Trato cerrado el',
    ],
    pt: [
      'ID',
      'Título',
      'Valor',
      'Moeda',
      'Status',
      'Etapa',
      'Proprietário',
      'Organização',
      'Data de fechamento esperada',
      'Negócio criado',
      'Negócio fechado em',
    ],
    nl: [
      'ID',
      'Titel',
      'Waarde',
      'Valuta',
      'Status',
      'Fase',
      'Eigenaar',
      'Organisatie',
      'Verwachte sluitingsdatum',
      'Deal aangemaakt',
      'Deal gesloten op',
    ],
  };

  it.each(Object.entries(headers))('%s headers, bare and with the "Deal -" entity prefix', (code, names) => {
    const lang = PIPEDRIVE_LANGUAGES.find((l) => l.code === code);
    if (!lang) throw new Error(code);
    for (const columns of [names, names.map((n) => `${lang.entity} - ${n}`)]) {
      const m = rec(columns);
      expect(m).toMatchObject({ presetId: `pipedrive-deals-${code}`, table: 'opportunities', confidence: 1 });
      expect(m.columns['amount']?.source).toBe(columns[2]);
      expect(m.columns['close_date']).toEqual({ source: columns[10], fallback: columns[8] });
      expect(m.status).toMatchObject({ kind: 'stage', column: columns[4], won: lang.won, lost: lang.lost });
    }
  });

  it('status words cover won and lost in each language', () => {
    const won = Object.fromEntries(PIPEDRIVE_LANGUAGES.map((l) => [l.code, l.won[0]]));
    expect(won).toEqual({ en: 'won', de: 'gewonnen', fr: 'gagnée', es: 'ganado', pt: 'ganho', nl: 'gewonnen' });
  });
});

describe('settleStageValues', () => {
  const zoho = rec(['Potential Owner', 'Potential Name', 'Closing Date', 'Stage']);

  it('keeps a preset certain when its lists know every won/lost-looking value', () => {
    expect(settleStageValues(zoho, ['Qualification', 'Closed Won', 'Closed Lost'])).toBe(zoho);
  });

  it('adds won/lost-looking values a preset does not know, and asks the user to confirm', () => {
    const settled = settleStageValues(zoho, ['Closed Won', 'Won - Renewal', 'Lost to budget']);
    expect(settled.status).toMatchObject({
      won: ['Closed Won', 'Won - Renewal'],
      lost: expect.arrayContaining(['Lost to budget']),
    });
    expect(settled.confidence).toBe(0.9);
  });

  it('infers won and lost from the values of a guessed layout', () => {
    const guessed = rec(['Deal', 'Stage', 'Value']);
    expect(settleStageValues(guessed, ['Won', 'Lost', 'Demo']).status).toEqual({
      kind: 'stage',
      column: 'Stage',
      won: ['Won'],
      lost: ['Lost'],
    });
  });
});
