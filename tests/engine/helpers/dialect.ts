// A canonical deals + leads data set, and a writer that puts it into a random dialect the way
// exports in a locale write it: delimiter, encoding, header casing and language, date format
// (two-digit years, day-first, month names), thousands and decimal separators, currency before
// or after, boolean vocabulary. The KPIs are computed here in plain JS from the canonical rows.
import fc from 'fast-check';
import { PIPEDRIVE_LANGUAGES } from '../../../src/mapping/presets/pipedrive';

/**
 * Rows without an id column get content-hash ids (src/mapping/contentId.ts): with this on, about
 * half of the generated deals files (by their row count's parity) are written without the id column.
 */
export const GENERATE_WITHOUT_IDS = true;

export interface CanonicalDeal {
  readonly id: string;
  readonly title: string;
  readonly owner: string;
  readonly org: string;
  readonly status: 'won' | 'lost' | 'open';
  /** [y, m, d] */
  readonly created: readonly [number, number, number];
  readonly close: readonly [number, number, number];
  readonly cents: number;
}

export interface CanonicalLead {
  readonly id: string;
  readonly created: readonly [number, number, number];
  readonly source: string;
  readonly converted: boolean;
}

export interface Locale {
  readonly name: string;
  readonly lang: 'en' | 'de' | 'fr' | 'es' | 'pt' | 'nl';
  readonly delimiters: readonly string[];
  readonly order: 'dmy' | 'mdy';
  readonly dateSep: string;
  readonly decimal: '.' | ',';
  readonly group: string;
  readonly indian?: boolean;
  readonly currency: { readonly symbol: string; readonly after: boolean };
}

// Conventions of each locale, as their spreadsheets write them.
export const LOCALES: readonly Locale[] = [
  {
    name: 'en-US',
    lang: 'en',
    delimiters: [',', '\t'],
    order: 'mdy',
    dateSep: '/',
    decimal: '.',
    group: ',',
    currency: { symbol: '$', after: false },
  },
  {
    name: 'en-GB',
    lang: 'en',
    delimiters: [',', '\t'],
    order: 'dmy',
    dateSep: '/',
    decimal: '.',
    group: ',',
    currency: { symbol: '£', after: false },
  },
  {
    name: 'en-IN',
    lang: 'en',
    delimiters: [','],
    order: 'dmy',
    dateSep: '-',
    decimal: '.',
    group: ',',
    indian: true,
    currency: { symbol: '₹', after: false },
  },
  {
    name: 'de-DE',
    lang: 'de',
    delimiters: [';'],
    order: 'dmy',
    dateSep: '.',
    decimal: ',',
    group: '.',
    currency: { symbol: '€', after: true },
  },
  {
    name: 'de-CH',
    lang: 'de',
    delimiters: [';'],
    order: 'dmy',
    dateSep: '.',
    decimal: '.',
    group: "'",
    currency: { symbol: 'CHF', after: false },
  },
  {
    name: 'fr-FR',
    lang: 'fr',
    delimiters: [';'],
    order: 'dmy',
    dateSep: '/',
    decimal: ',',
    group: '\u202f',
    currency: { symbol: '€', after: true },
  },
  {
    name: 'es-ES',
    lang: 'es',
    delimiters: [';'],
    order: 'dmy',
    dateSep: '/',
    decimal: ',',
    group: '.',
    currency: { symbol: '€', after: true },
  },
  {
    name: 'pt-BR',
    lang: 'pt',
    delimiters: [';'],
    order: 'dmy',
    dateSep: '/',
    decimal: ',',
    group: '.',
    currency: { symbol: 'R$', after: false },
  },
  {
    name: 'nl-NL',
    lang: 'nl',
    delimiters: [';'],
    order: 'dmy',
    dateSep: '-',
    decimal: ',',
    group: '.',
    currency: { symbol: '€', after: false },
  },
];

// Month names as each language writes them in dates.
const MONTHS: Readonly<Record<Locale['lang'], readonly string[]>> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  fr: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
  es: ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sept', 'oct', 'nov', 'dic'],
  pt: ['jan', 'fev', 'mar', 'abr', 'mai', 'jun', 'jul', 'ago', 'set', 'out', 'nov', 'dez'],
  nl: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
};

// True/false pairs sheets use; '' is the blank of an x/blank column.
export const FLAG_WORDS: readonly (readonly [string, string])[] = [
  ['Yes', 'No'],
  ['Y', 'N'],
  ['TRUE', 'FALSE'],
  ['T', 'F'],
  ['1', '0'],
  ['x', ''],
  ['checked', 'unchecked'],
  ['Ja', 'Nein'],
  ['Oui', 'Non'],
  ['Sí', 'No'],
  ['Sim', 'Não'],
  ['Ja', 'Nee'],
];

export interface Dialect {
  readonly locale: Locale;
  readonly delimiter: string;
  readonly encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le';
  readonly casing: 'as-is' | 'upper' | 'lower';
  readonly entityPrefix: boolean;
  readonly date: 'numeric' | 'two-digit-year' | 'names' | 'iso';
  readonly grouping: boolean;
  readonly currency: 'none' | 'symbol';
  readonly flags: readonly [string, string];
  readonly flagCase: 'as-is' | 'upper' | 'lower';
  readonly flagPad: string;
}

const ymd = fc.tuple(fc.integer({ min: 2019, max: 2024 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }));
const addDays = ([y, m, d]: readonly [number, number, number], days: number): [number, number, number] => {
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
};

/** Whole amounts (4,800) in some runs: the case where a separator reads two ways. */
const deals = (whole: boolean) =>
  fc.array(
    fc.record({
      status: fc.constantFrom('won', 'lost', 'open'),
      created: ymd,
      cycle: fc.integer({ min: 1, max: 200 }),
      euros: fc.integer({ min: 100, max: 2_000_000 }),
      cents: whole ? fc.constant(0) : fc.integer({ min: 0, max: 99 }),
      owner: fc.constantFrom('Ann Lee', 'Bob Ortiz', 'Cy Park'),
    }),
    { minLength: 6, maxLength: 14 },
  );

export const dataSets = fc.boolean().chain((whole) =>
  fc.record({
    deals: deals(whole).map((rows) =>
      rows.map((r, i): CanonicalDeal => ({
        id: `D${i + 1}`,
        title: `Deal ${i + 1}`,
        owner: r.owner,
        org: `Org ${i % 4}`,
        status: r.status,
        created: r.created,
        close: addDays(r.created, r.cycle),
        cents: r.euros * 100 + r.cents,
      })),
    ),
    leads: fc
      .array(fc.record({ created: ymd, source: fc.constantFrom('Web', 'Event', 'Referral'), converted: fc.boolean() }), {
        minLength: 5,
        maxLength: 12,
      })
      .map((rows) => rows.map((r, i): CanonicalLead => ({ id: `L${i + 1}`, ...r }))),
  }),
);

export const dialects: fc.Arbitrary<Dialect> = fc.constantFrom(...LOCALES).chain((locale) =>
  fc.record({
    locale: fc.constant(locale),
    delimiter: fc.constantFrom(...locale.delimiters),
    encoding: fc.constantFrom('utf-8' as const, 'utf-8-bom' as const, 'utf-16le' as const),
    casing: fc.constantFrom('as-is' as const, 'upper' as const, 'lower' as const),
    entityPrefix: fc.boolean(),
    date: fc.constantFrom('numeric' as const, 'two-digit-year' as const, 'names' as const, 'iso' as const),
    grouping: fc.boolean(),
    currency: fc.constantFrom('none' as const, 'symbol' as const),
    flags: fc.constantFrom(...FLAG_WORDS),
    flagCase: fc.constantFrom('as-is' as const, 'upper' as const, 'lower' as const),
    flagPad: fc.constantFrom('', ' '),
  }),
);

const p2 = (n: number) => String(n).padStart(2, '0');

export function writeDate(d: Dialect, [y, m, day]: readonly [number, number, number]): string {
  const { order, dateSep, lang } = d.locale;
  if (d.date === 'iso') return `${y}-${p2(m)}-${p2(day)}`;
  if (d.date === 'names') {
    const month = MONTHS[lang][m - 1] ?? '';
    if (order === 'mdy') return `${month} ${day}, ${y}`;
    return lang === 'de' ? `${day}. ${month} ${y}` : `${day} ${month} ${y}`;
  }
  const year = d.date === 'two-digit-year' ? p2(y % 100) : String(y);
  return order === 'mdy' ? `${m}${dateSep}${day}${dateSep}${year}` : `${p2(day)}${dateSep}${p2(m)}${dateSep}${year}`;
}

export function writeAmount(d: Dialect, cents: number): string {
  const { decimal, group, indian, currency } = d.locale;
  const whole = String(Math.floor(cents / 100));
  const grouped = !d.grouping
    ? whole
    : indian
      ? whole.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, group) + (whole.length > 3 ? group : '') + whole.slice(-3)
      : whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  // Whole amounts are written without decimals (4.800), as sheets formatted without cents show them.
  const number = cents % 100 === 0 ? grouped : `${grouped}${decimal}${p2(cents % 100)}`;
  if (d.currency === 'none') return number;
  return currency.after ? `${number}\u00a0${currency.symbol}` : `${currency.symbol} ${number}`;
}

function header(d: Dialect, text: string): string {
  return d.casing === 'upper' ? text.toUpperCase() : d.casing === 'lower' ? text.toLowerCase() : text;
}

function flag(d: Dialect, value: boolean): string {
  const word = value ? d.flags[0] : d.flags[1];
  const cased = d.flagCase === 'upper' ? word.toUpperCase() : d.flagCase === 'lower' ? word.toLowerCase() : word;
  return word === '' ? '' : `${d.flagPad}${cased}${d.flagPad}`;
}

function csv(rows: readonly (readonly string[])[], delim: string): string {
  const field = (v: string) => (v.includes(delim) || /["\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return rows.map((r) => r.map(field).join(delim) + '\n').join('');
}

function encode(d: Dialect, text: string): Uint8Array {
  if (d.encoding === 'utf-8') return new TextEncoder().encode(text);
  if (d.encoding === 'utf-8-bom') return new TextEncoder().encode('\ufeff' + text);
  const units = '\ufeff' + text;
  const out = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    out[i * 2] = units.charCodeAt(i) & 0xff;
    out[i * 2 + 1] = units.charCodeAt(i) >> 8;
  }
  return out;
}

/** The deals as a Pipedrive export in the locale's language, the leads in pipelens's own columns. */
export function writeFiles(
  d: Dialect,
  data: { deals: readonly CanonicalDeal[]; leads: readonly CanonicalLead[] },
): { name: string; data: Uint8Array }[] {
  const lang = PIPEDRIVE_LANGUAGES.find((l) => l.code === d.locale.lang);
  if (!lang) throw new Error(`no Pipedrive language ${d.locale.lang}`);
  const name = (field: keyof typeof lang.fields) =>
    header(d, `${d.entityPrefix ? `${lang.entity} - ` : ''}${lang.fields[field][0] ?? field}`);
  const fields = [
    'id',
    'title',
    'value',
    'status',
    'stage',
    'owner',
    'organization',
    'created',
    'expectedClose',
    'closedOn',
  ] as const;
  const withIds = !GENERATE_WITHOUT_IDS || data.deals.length % 2 === 0;
  const used = fields.filter((f) => withIds || f !== 'id');
  const statusWord = (s: CanonicalDeal['status']) => (s === 'won' ? lang.won[0] : s === 'lost' ? lang.lost[0] : 'open') ?? s;
  const dealRows = data.deals.map((r) => {
    const cells: Record<(typeof fields)[number], string> = {
      id: r.id,
      title: r.title,
      value: writeAmount(d, r.cents),
      status: statusWord(r.status),
      stage: r.status === 'open' ? 'Proposal' : 'Closed',
      owner: r.owner,
      organization: r.org,
      created: writeDate(d, r.created),
      expectedClose: writeDate(d, r.close),
      closedOn: r.status === 'open' ? '' : writeDate(d, r.close),
    };
    return used.map((f) => cells[f]);
  });
  const leadHeader = [
    'lead_id',
    'created_date',
    'source',
    'status',
    'is_converted',
    'converted_date',
    'converted_opportunity_id',
    'owner',
    'company',
    'country',
    'state',
  ];
  const leadRows = data.leads.map((l) => [
    l.id,
    writeDate(d, l.created),
    l.source,
    l.converted ? 'Converted' : 'Open',
    flag(d, l.converted),
    '',
    '',
    'Ann Lee',
    'Acme',
    'DE',
    '',
  ]);
  return [
    { name: 'deals.csv', data: encode(d, csv([used.map(name), ...dealRows], d.delimiter)) },
    { name: 'leads.csv', data: encode(d, csv([leadHeader.map((h) => header(d, h)), ...leadRows], d.delimiter)) },
  ];
}

/** The KPIs of docs/kpis.md over everything (period "all"), in plain JS from the canonical rows. */
export function canonicalKpis(data: { deals: readonly CanonicalDeal[]; leads: readonly CanonicalLead[] }) {
  const won = data.deals.filter((r) => r.status === 'won');
  const lost = data.deals.filter((r) => r.status === 'lost');
  const days = (a: readonly number[], b: readonly number[]) =>
    (Date.UTC(b[0] ?? 0, (b[1] ?? 1) - 1, b[2]) - Date.UTC(a[0] ?? 0, (a[1] ?? 1) - 1, a[2])) / 86_400_000;
  return {
    wonCents: won.reduce((s, r) => s + r.cents, 0),
    wonCount: won.length,
    winRate: won.length + lost.length === 0 ? null : won.length / (won.length + lost.length),
    cycle: won.length === 0 ? null : won.reduce((s, r) => s + days(r.created, r.close), 0) / won.length,
    leadRatio: data.leads.filter((l) => l.converted).length / data.leads.length,
  };
}
