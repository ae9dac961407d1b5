// Person and company names. Each name comes from a bijection between an index and a
// mixed-radix combination of word lists, so names are unique without keeping a "used" set
// (important when 50,000 accounts are derived lazily, row by row).

import { at } from './prng';

/** Word lists are kept as separated text: compact to read, and one place to edit. */
const words = (text: string, separator: string): readonly string[] => text.split(separator);

const FIRST_NAMES = words(
  'James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan' +
    ' Joseph Jessica Thomas Sarah Christopher Karen Daniel Lisa Matthew Nancy Anthony Sandra Mark Ashley' +
    ' Steven Emily Andrew Michelle Joshua Amanda Kevin Melissa Brian Stephanie Ryan Rebecca Jason Laura' +
    ' Eric Rachel Jacob Nicole Carlos Maria Priya Wei Aisha Diego Hannah Omar Sofia Marcus Grace Ethan' +
    ' Chloe Nathan Olivia Lucas Zoe Raj',
  ' ',
);

// "Whitfield" is deliberately absent: the unknown-owner flaw uses it (see flaws.ts).
const LAST_NAMES = words(
  'Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez' +
    ' Wilson Anderson Bennett Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark' +
    ' Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams' +
    ' Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Patel Kim Chen Murphy Cooper Reed Bailey' +
    ' Kelly Howard Ward Cox Brooks Foster Hayes',
  ' ',
);

const COMPANY_WORDS = words(
  'Apex|Summit|Northwind|Bluewater|Ironwood|Silverline|Redstone|Brightpath|Evergreen|Clearview|Pinnacle' +
    '|Horizon|Keystone|Riverbend|Stonebridge|Lakeshore|Granite|Cedar|Harbor|Meridian|Crescent|Sterling' +
    '|Beacon|Falcon|Atlas|Vanguard|Liberty|Pioneer|Frontier|Cobalt|Quantum|Vertex|Nimbus|Orion|Sequoia' +
    '|Willow|Aspen|Juniper|Maple|Oakridge|Prairie|Canyon|Coastal|Highland|Midway|Sunrise|Trident|Union' +
    '|Vista|Westfield|Eastgate|Northstar|Southport|Lighthouse|Copper|Emerald|Golden Gate|Crystal|Sapphire' +
    '|Patriot',
  '|',
);

const COMPANY_TRADES = words(
  'Analytics Logistics Health Foods Dynamics Energy Manufacturing Networks Labs Capital Media Robotics' +
    ' Software Supply Medical Freight Retail Learning Data Materials Pharma Security Telecom Biotech' +
    ' Construction Insurance Marine Aerospace Financial Packaging Motors Textiles Chemicals Hospitality' +
    ' Realty Agritech Devices Cloud Outfitters Instruments',
  ' ',
);

// Some suffixes carry a comma on purpose: real exports have them and CSV quoting must cope.
const COMPANY_SUFFIXES = words(
  ' Inc.|, Inc.| LLC| Group| Corp.| Co.| Partners| Holdings| Systems| Solutions| Industries' +
    '| Technologies| International| Enterprises| Worldwide|, Ltd.| & Co.| Services| Global| Brands| Works' +
    '| Associates| Ventures| Consulting| USA',
  '|',
);

/** How many distinct people / companies the lists can name. */
export const PERSON_NAME_SPACE = FIRST_NAMES.length * LAST_NAMES.length;
export const COMPANY_NAME_SPACE = COMPANY_WORDS.length * COMPANY_TRADES.length * COMPANY_SUFFIXES.length;

/**
 * Spreads consecutive indices over the whole name space (k·stride + offset mod size, with
 * stride coprime to size), so reps 0, 1, 2 do not all share a last name.
 */
function scatter(k: number, stride: number, offset: number, size: number): number {
  return ((((k % size) * stride + offset) % size) + size) % size;
}

/** The k-th person name; distinct for k < PERSON_NAME_SPACE. Seed shifts the whole cast. */
export function personName(seed: number, k: number): string {
  const i = scatter(k + ((seed >>> 0) % PERSON_NAME_SPACE), 1597, 211, PERSON_NAME_SPACE);
  return `${at(FIRST_NAMES, i % FIRST_NAMES.length)} ${at(LAST_NAMES, Math.floor(i / FIRST_NAMES.length))}`;
}

/** Index into the company-name space: spreads consecutive accounts over all combinations. */
function companyIndex(seed: number, k: number): number {
  return scatter(k + ((seed >>> 0) % COMPANY_NAME_SPACE), 7919, 104729, COMPANY_NAME_SPACE);
}

/** "<Word> <Trade>" of a company-name index (the suffix is picked separately). */
function companyStem(i: number): string {
  const trade = at(COMPANY_TRADES, Math.floor(i / COMPANY_WORDS.length) % COMPANY_TRADES.length);
  return `${at(COMPANY_WORDS, i % COMPANY_WORDS.length)} ${trade}`;
}

function companySuffix(i: number): string {
  return at(COMPANY_SUFFIXES, Math.floor(i / (COMPANY_WORDS.length * COMPANY_TRADES.length)));
}

/** The k-th company name; distinct for k < COMPANY_NAME_SPACE. */
export function companyName(seed: number, k: number): string {
  const i = companyIndex(seed, k);
  return companyStem(i) + companySuffix(i);
}

/**
 * The k-th company name as a CSV field, without a regex scan: only a comma suffix can make
 * quoting necessary (no list holds a quote or line break), and that is known from the parts.
 */
export function companyNameField(seed: number, k: number): string {
  const i = companyIndex(seed, k);
  const suffix = companySuffix(i);
  return suffix.startsWith(',') ? `"${companyStem(i)}${suffix}"` : companyStem(i) + suffix;
}
