// A small US geography: 22 states in four sales regions, each with a few real cities,
// the FIPS code of the county they sit in, their approximate coordinates and a ZIP code.
// Accounts scatter a little around these points, so maps show plausible metro clusters.

import { Weighted } from './prng';
import type { Rep } from './reps';

export type Region = 'Northeast' | 'Southeast' | 'Central' | 'West';
export const REGIONS: readonly Region[] = ['Northeast', 'Southeast', 'Central', 'West'];

export interface City {
  readonly name: string;
  readonly countyFips: string;
  readonly lat: number;
  readonly lon: number;
  readonly zip: string;
}

export interface UsState {
  readonly code: string;
  readonly region: Region;
  /** Relative share of accounts (roughly economic size). */
  readonly weight: number;
  readonly cities: readonly City[];
}

const city = (name: string, countyFips: string, lat: number, lon: number, zip: string): City => ({
  name,
  countyFips,
  lat,
  lon,
  zip,
});

// A data table: one state per line group, kept compact on purpose.
// prettier-ignore
export const STATES: readonly UsState[] = [
  { code: 'NY', region: 'Northeast', weight: 10, cities: [
    city('New York', '36061', 40.7128, -74.006, '10007'), city('Brooklyn', '36047', 40.6782, -73.9442, '11201'),
    city('Buffalo', '36029', 42.8864, -78.8784, '14202'), city('Rochester', '36055', 43.1566, -77.6088, '14604'),
    city('Albany', '36001', 42.6526, -73.7562, '12207')] },
  { code: 'MA', region: 'Northeast', weight: 5, cities: [
    city('Boston', '25025', 42.3601, -71.0589, '02108'), city('Cambridge', '25017', 42.3736, -71.1097, '02139'),
    city('Worcester', '25027', 42.2626, -71.8023, '01608'), city('Springfield', '25013', 42.1015, -72.5898, '01103')] },
  { code: 'PA', region: 'Northeast', weight: 6, cities: [
    city('Philadelphia', '42101', 39.9526, -75.1652, '19103'), city('Pittsburgh', '42003', 40.4406, -79.9959, '15222'),
    city('Harrisburg', '42043', 40.2732, -76.8867, '17101'), city('Allentown', '42077', 40.6023, -75.4714, '18101')] },
  { code: 'NJ', region: 'Northeast', weight: 4, cities: [
    city('Newark', '34013', 40.7357, -74.1724, '07102'), city('Jersey City', '34017', 40.7178, -74.0431, '07302'),
    city('Princeton', '34021', 40.3573, -74.6672, '08540'), city('Morristown', '34027', 40.7968, -74.4815, '07960')] },
  { code: 'FL', region: 'Southeast', weight: 8, cities: [
    city('Miami', '12086', 25.7617, -80.1918, '33131'), city('Orlando', '12095', 28.5383, -81.3792, '32801'),
    city('Tampa', '12057', 27.9506, -82.4572, '33602'), city('Jacksonville', '12031', 30.3322, -81.6557, '32202')] },
  { code: 'GA', region: 'Southeast', weight: 5, cities: [
    city('Atlanta', '13121', 33.749, -84.388, '30303'), city('Savannah', '13051', 32.0809, -81.0912, '31401'),
    city('Augusta', '13245', 33.4735, -82.0105, '30901'), city('Marietta', '13067', 33.9526, -84.5499, '30060')] },
  { code: 'NC', region: 'Southeast', weight: 5, cities: [
    city('Charlotte', '37119', 35.2271, -80.8431, '28202'), city('Raleigh', '37183', 35.7796, -78.6382, '27601'),
    city('Durham', '37063', 35.994, -78.8986, '27701'), city('Greensboro', '37081', 36.0726, -79.792, '27401')] },
  { code: 'VA', region: 'Southeast', weight: 4, cities: [
    city('Richmond', '51760', 37.5407, -77.436, '23219'), city('Arlington', '51013', 38.8816, -77.091, '22201'),
    city('Virginia Beach', '51810', 36.8529, -75.978, '23451'), city('Reston', '51059', 38.9586, -77.357, '20190')] },
  { code: 'TN', region: 'Southeast', weight: 3, cities: [
    city('Nashville', '47037', 36.1627, -86.7816, '37203'), city('Memphis', '47157', 35.1495, -90.049, '38103'),
    city('Knoxville', '47093', 35.9606, -83.9207, '37902'), city('Chattanooga', '47065', 35.0456, -85.3097, '37402')] },
  { code: 'IL', region: 'Central', weight: 6, cities: [
    city('Chicago', '17031', 41.8781, -87.6298, '60601'), city('Naperville', '17043', 41.7508, -88.1535, '60540'),
    city('Springfield', '17167', 39.7817, -89.6501, '62701'), city('Peoria', '17143', 40.6936, -89.589, '61602')] },
  { code: 'TX', region: 'Central', weight: 10, cities: [
    city('Houston', '48201', 29.7604, -95.3698, '77002'), city('Dallas', '48113', 32.7767, -96.797, '75201'),
    city('Austin', '48453', 30.2672, -97.7431, '78701'), city('San Antonio', '48029', 29.4241, -98.4936, '78205')] },
  { code: 'OH', region: 'Central', weight: 5, cities: [
    city('Columbus', '39049', 39.9612, -82.9988, '43215'), city('Cleveland', '39035', 41.4993, -81.6944, '44113'),
    city('Cincinnati', '39061', 39.1031, -84.512, '45202'), city('Dayton', '39113', 39.7589, -84.1916, '45402')] },
  { code: 'MI', region: 'Central', weight: 4, cities: [
    city('Detroit', '26163', 42.3314, -83.0458, '48226'), city('Grand Rapids', '26081', 42.9634, -85.6681, '49503'),
    city('Ann Arbor', '26161', 42.2808, -83.743, '48104'), city('Lansing', '26065', 42.7325, -84.5555, '48933')] },
  { code: 'MN', region: 'Central', weight: 3, cities: [
    city('Minneapolis', '27053', 44.9778, -93.265, '55401'), city('Saint Paul', '27123', 44.9537, -93.09, '55101'),
    city('Rochester', '27109', 44.0121, -92.4802, '55902'), city('Duluth', '27137', 46.7867, -92.1005, '55802')] },
  { code: 'MO', region: 'Central', weight: 3, cities: [
    city('Kansas City', '29095', 39.0997, -94.5786, '64106'), city('St. Louis', '29510', 38.627, -90.1994, '63101'),
    city('Springfield', '29077', 37.209, -93.2923, '65806')] },
  { code: 'WI', region: 'Central', weight: 2, cities: [
    city('Milwaukee', '55079', 43.0389, -87.9065, '53202'), city('Madison', '55025', 43.0731, -89.4012, '53703'),
    city('Green Bay', '55009', 44.5133, -88.0133, '54301')] },
  { code: 'CA', region: 'West', weight: 14, cities: [
    city('Los Angeles', '06037', 34.0522, -118.2437, '90012'), city('San Francisco', '06075', 37.7749, -122.4194, '94103'),
    city('San Diego', '06073', 32.7157, -117.1611, '92101'), city('San Jose', '06085', 37.3382, -121.8863, '95113'),
    city('Sacramento', '06067', 38.5816, -121.4944, '95814')] },
  { code: 'WA', region: 'West', weight: 5, cities: [
    city('Seattle', '53033', 47.6062, -122.3321, '98101'), city('Spokane', '53063', 47.6588, -117.426, '99201'),
    city('Tacoma', '53053', 47.2529, -122.4443, '98402'), city('Vancouver', '53011', 45.6387, -122.6615, '98660')] },
  { code: 'CO', region: 'West', weight: 4, cities: [
    city('Denver', '08031', 39.7392, -104.9903, '80202'), city('Colorado Springs', '08041', 38.8339, -104.8214, '80903'),
    city('Boulder', '08013', 40.015, -105.2705, '80302'), city('Fort Collins', '08069', 40.5853, -105.0844, '80521')] },
  { code: 'AZ', region: 'West', weight: 3, cities: [
    city('Phoenix', '04013', 33.4484, -112.074, '85004'), city('Tucson', '04019', 32.2226, -110.9747, '85701'),
    city('Flagstaff', '04005', 35.1983, -111.6513, '86001')] },
  { code: 'OR', region: 'West', weight: 2, cities: [
    city('Portland', '41051', 45.5152, -122.6784, '97204'), city('Eugene', '41039', 44.0521, -123.0868, '97401'),
    city('Salem', '41047', 44.9429, -123.0351, '97301'), city('Beaverton', '41067', 45.4871, -122.8037, '97005')] },
  { code: 'UT', region: 'West', weight: 2, cities: [
    city('Salt Lake City', '49035', 40.7608, -111.891, '84101'), city('Provo', '49049', 40.2338, -111.6585, '84601'),
    city('Ogden', '49057', 41.223, -111.9738, '84401')] },
];

/** Per region, a weighted choice of its states (built once at module load: tiny). */
export const STATES_BY_REGION: ReadonlyMap<Region, Weighted<UsState>> = new Map(
  REGIONS.map((r) => [r, new Weighted(STATES.filter((s) => s.region === r).map((s) => [s, s.weight] as const))]),
);

/** Any state, weighted by size (for leads from companies that are not yet accounts). */
export const ANY_STATE: Weighted<UsState> = new Weighted(STATES.map((s) => [s, s.weight] as const));

/** Whether a rep covers named accounts (the first rep of each region) rather than a block of land. */
export const namedAccountsRep = (rep: Pick<Rep, 'territory'>): boolean => rep.territory.endsWith('-Named');

const blockCache = new WeakMap<readonly Rep[], Map<number, readonly { state: UsState; city: City }[]>>();

/**
 * A field rep's geographic block: the region's cities from west to east, cut into as many
 * consecutive strips (equal numbers of cities) as the region has field reps. Strips of a
 * sweep are contiguous land, as real field territories are. Null for a named-account rep,
 * or when a region has more field reps than cities.
 */
export function fieldBlock(reps: readonly Rep[], rep: Rep): readonly { state: UsState; city: City }[] | null {
  if (namedAccountsRep(rep)) return null;
  let byRep = blockCache.get(reps);
  if (!byRep) {
    byRep = new Map();
    blockCache.set(reps, byRep);
    for (const region of REGIONS) {
      const field = reps.filter((r) => r.region === region && !namedAccountsRep(r));
      const cities = STATES.filter((s) => s.region === region)
        .flatMap((state) => state.cities.map((city) => ({ state, city })))
        .sort((a, b) => a.city.lon - b.city.lon || a.city.lat - b.city.lat);
      if (field.length === 0 || field.length > cities.length) continue;
      field.forEach((r, i) => {
        const from = Math.floor((i * cities.length) / field.length);
        const to = Math.floor(((i + 1) * cities.length) / field.length);
        byRep?.set(r.index, cities.slice(from, to));
      });
    }
  }
  return byRep.get(rep.index) ?? null;
}
