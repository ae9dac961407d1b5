// Placing accounts without coordinates: ZIP forms, state names and abbreviations in any case,
// other countries outside the map, and a reason for every account left unplaced.
import { describe, expect, it } from 'vitest';
import {
  placeAccount,
  stateName,
  summarizePlacement,
  zip5,
  type Gazetteer,
} from '../../../src/features/territories/core/placement';

const gazetteer: Gazetteer = {
  zip: (code) => (code === '02108' ? { latitude: 42.36, longitude: -71.06 } : undefined),
  state: (name) => (name.toLowerCase() === 'massachusetts' ? [-71.8, 42.3] : null),
};
const blank = { latitude: null, longitude: null, postalCode: null, state: null, country: null };

describe('placement', () => {
  it('reads US ZIP codes as exports write them', () => {
    expect(['02108', '02108-4321', '2108', ' 02108 '].map(zip5)).toEqual(['02108', '02108', '02108', '02108']);
    expect(['M5H 1A1', '1234567', '', null, 'ABCDE'].map(zip5)).toEqual([null, null, null, null, null]);
  });

  it('knows states by name or abbreviation, any case', () => {
    expect(['MA', 'ma', 'Massachusetts', 'MASSACHUSETTS', ' massachusetts '].map(stateName)).toEqual(
      Array(5).fill('Massachusetts'),
    );
    expect(['Atlantis', 'XX', ''].map(stateName)).toEqual([null, null, null]);
  });

  it('places by coordinates, then ZIP, then state, and says why not', () => {
    expect(placeAccount({ ...blank, latitude: 40, longitude: -75, postalCode: '02108' }, gazetteer).precision).toBe(
      'coordinates',
    );
    expect(placeAccount({ ...blank, postalCode: '2108', country: 'USA' }, gazetteer)).toEqual({
      latitude: 42.36,
      longitude: -71.06,
      precision: 'zip',
      reason: null,
    });
    const byState = placeAccount({ ...blank, postalCode: '99999', state: 'ma' }, gazetteer);
    expect([byState.precision, byState.latitude, byState.longitude]).toEqual(['state', 42.3, -71.8]);
    const outside = placeAccount({ ...blank, latitude: 51.5, longitude: -0.1, country: 'United Kingdom' }, gazetteer);
    expect(outside).toEqual({
      latitude: null,
      longitude: null,
      precision: 'outside',
      reason: 'in United Kingdom: the map covers the US only',
    });
    const lost = placeAccount({ ...blank, postalCode: '99999', state: 'Atlantis' }, gazetteer);
    expect(lost.precision).toBe('unplaced');
    expect(lost.reason).toBe('ZIP code 99999 is not in the table; state "Atlantis" is not a US state');
    expect(placeAccount(blank, gazetteer).reason).toBe('no coordinates, postal code or state');
    // Without the table (it failed to load) nothing is guessed.
    expect(placeAccount({ ...blank, postalCode: '02108' }, null)).toMatchObject({
      precision: 'unplaced',
      reason: 'ZIP code 02108: the ZIP table is not loaded',
    });
  });

  it('counts every account once', () => {
    const placed = [placeAccount({ ...blank, postalCode: '02108' }, gazetteer), placeAccount(blank, gazetteer)];
    const s = summarizePlacement(['a', 'b'], placed);
    expect(s.counts).toEqual({ coordinates: 0, zip: 1, state: 0, outside: 0, unplaced: 1 });
    expect(s.unplaced).toEqual([{ name: 'b', reason: 'no coordinates, postal code or state' }]);
  });
});
