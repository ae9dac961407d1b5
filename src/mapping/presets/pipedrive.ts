// Pipedrive deal exports, in the languages Pipedrive's UI exports in. Headers are either
// bare field names ("Titel") or carry the entity ("Deal - Titel"); both are accepted.
// Won/lost comes from the Status field; the close date is the actual one for closed
// deals ("Deal closed on") and the expected one for open deals.
import { normalizeHeader } from '../normalize';
import type { Preset } from './preset';

interface PipedriveLanguage {
  readonly code: string;
  readonly name: string;
  /** How the export prefixes deal fields: "Deal - Title". */
  readonly entity: string;
  readonly fields: Readonly<Record<PipedriveField, readonly string[]>>;
  readonly won: readonly string[];
  readonly lost: readonly string[];
}

type PipedriveField =
  | 'id'
  | 'title'
  | 'value'
  | 'currency'
  | 'status'
  | 'stage'
  | 'owner'
  | 'organization'
  | 'expectedClose'
  | 'closedOn'
  | 'created'
  | 'probability'
  | 'source';

export const PIPEDRIVE_LANGUAGES: readonly PipedriveLanguage[] = [
  {
    code: 'en',
    name: 'English',
    entity: 'Deal',
    fields: {
      id: ['ID'],
      title: ['Title'],
      value: ['Value'],
      currency: ['Currency'],
      status: ['Status'],
      stage: ['Stage'],
      owner: ['Owner', 'Deal owner'],
      organization: ['Organization', 'Organisation'],
      expectedClose: ['Expected close date'],
      closedOn: ['Deal closed on', 'Close time', 'Won time'],
      created: ['Deal created', 'Add time'],
      probability: ['Probability'],
      source: ['Source origin', 'Source channel', 'Source'],
    },
    won: ['won'],
    lost: ['lost'],
  },
  {
    code: 'de',
    name: 'Deutsch',
    entity: 'Deal',
    fields: {
      id: ['ID'],
      title: ['Titel'],
      value: ['Wert'],
      currency: ['Währung'],
      status: ['Status'],
      stage: ['Phase'],
      owner: ['Besitzer', 'Eigentümer'],
      organization: ['Organisation'],
      expectedClose: ['Erwartetes Abschlussdatum'],
      closedOn: ['Deal geschlossen am', 'Abschlusszeitpunkt', 'Gewonnen am'],
      created: ['Deal erstellt', 'Erstellt am'],
      probability: ['Wahrscheinlichkeit'],
      source: ['Quelle', 'Herkunft'],
    },
    won: ['gewonnen'],
    lost: ['verloren'],
  },
  {
    code: 'fr',
    name: 'Français',
    entity: 'Affaire',
    fields: {
      id: ['ID'],
      title: ['Titre'],
      value: ['Valeur'],
      currency: ['Devise'],
      status: ['Statut'],
      stage: ['Étape'],
      owner: ['Propriétaire'],
      organization: ['Organisation'],
      expectedClose: ['Date de clôture prévue', 'Date de conclusion prévue'],
      closedOn: ['Affaire conclue le', 'Affaire clôturée le', 'Date de clôture'],
      created: ['Affaire créée', 'Affaire créée le'],
      probability: ['Probabilité'],
      source: ['Origine de la source', 'Source'],
    },
    won: ['gagnée', 'gagné', 'gagnee', 'gagne'],
    lost: ['perdue', 'perdu'],
  },
  {
    code: 'es',
    name: 'Español',
    entity: 'Trato',
    fields: {
      id: ['ID'],
      title: ['Título'],
      value: ['Valor'],
      currency: ['Moneda'],
      status: ['Estado'],
      stage: ['Etapa'],
      owner: ['Propietario'],
      organization: ['Organización'],
      expectedClose: ['Fecha de cierre prevista', 'Fecha prevista de cierre'],
      closedOn: ['Trato cerrado el', 'Fecha de cierre'],
      created: ['Trato creado', 'Trato creado el'],
      probability: ['Probabilidad'],
      source: ['Origen de la fuente', 'Origen'],
    },
    won: ['ganado', 'ganada'],
    lost: ['perdido', 'perdida'],
  },
  {
    code: 'pt',
    name: 'Português',
    entity: 'Negócio',
    fields: {
      id: ['ID'],
      title: ['Título'],
      value: ['Valor'],
      currency: ['Moeda'],
      status: ['Status', 'Estado'],
      stage: ['Etapa', 'Fase'],
      owner: ['Proprietário'],
      organization: ['Organização'],
      expectedClose: ['Data de fechamento esperada', 'Data prevista de fechamento'],
      closedOn: ['Negócio fechado em', 'Data de fechamento'],
      created: ['Negócio criado', 'Negócio criado em'],
      probability: ['Probabilidade'],
      source: ['Origem da fonte', 'Origem'],
    },
    won: ['ganho', 'ganhou', 'ganha'],
    lost: ['perdido', 'perdeu', 'perdida'],
  },
  {
    code: 'nl',
    name: 'Nederlands',
    entity: 'Deal',
    fields: {
      id: ['ID'],
      title: ['Titel'],
      value: ['Waarde'],
      currency: ['Valuta'],
      status: ['Status'],
      stage: ['Fase'],
      owner: ['Eigenaar'],
      organization: ['Organisatie'],
      expectedClose: ['Verwachte sluitingsdatum', 'Verwachte afsluitdatum'],
      closedOn: ['Deal gesloten op', 'Sluitingsdatum'],
      created: ['Deal aangemaakt', 'Deal gemaakt'],
      probability: ['Waarschijnlijkheid', 'Kans'],
      source: ['Bron'],
    },
    won: ['gewonnen'],
    lost: ['verloren'],
  },
];

/** Every normalized spelling of a field: bare and with the entity prefix. */
function spellings(lang: PipedriveLanguage, field: PipedriveField): string[] {
  const names = lang.fields[field];
  const prefixed = names.map((n) => normalizeHeader(`${lang.entity} ${n}`));
  return [...prefixed, ...names.map(normalizeHeader)];
}

function pipedrivePreset(lang: PipedriveLanguage): Preset {
  const s = (field: PipedriveField) => spellings(lang, field);
  return {
    id: `pipedrive-deals-${lang.code}`,
    label: `Pipedrive deals (${lang.name})`,
    table: 'opportunities',
    signature: [s('title'), s('value'), s('status'), s('stage'), s('owner'), s('expectedClose')],
    columns: {
      opportunity_id: s('id'),
      name: s('title'),
      account_name: s('organization'),
      owner: s('owner'),
      stage: s('stage'),
      amount: s('value'),
      currency: s('currency'),
      created_date: s('created'),
      close_date: { source: s('closedOn'), fallback: s('expectedClose') },
      probability: s('probability'),
      lead_source: s('source'),
    },
    status: s('status').map((column) => ({ kind: 'stage', column, won: lang.won, lost: lang.lost })),
  };
}

export const PIPEDRIVE_PRESETS: readonly Preset[] = PIPEDRIVE_LANGUAGES.map(pipedrivePreset);
