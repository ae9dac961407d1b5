// Report footers: found at the end of the file, never in the middle of the data.
import { describe, expect, it } from 'vitest';
import { isFooterRecord, locateFooter } from '../../../src/staging/footer';

describe('locateFooter', () => {
  it('finds the Salesforce footer block with its blank rows', () => {
    const data = 'a,b\n1,2\n';
    const footer =
      '""\n"Grand Totals (1 records)"\n\n"Confidential Information - Do Not Distribute"\n"Copyright (c) 2000-2021 salesforce.com, inc. All rights reserved."\n';
    const found = locateFooter(data + footer, ',');
    expect(found?.start).toBe(data.length);
    // "", Grand Totals, Confidential, Copyright: four rows; the empty line is not a row.
    expect(found?.rows).toBe(4);
  });

  it('takes a totals row with sums in the other cells', () => {
    expect(locateFooter('a,b\n1,2\nTotal,2\n', ',')).toEqual({ start: 8, rows: 1 });
  });

  it('finds nothing when the file ends with data or only blank rows', () => {
    expect(locateFooter('a,b\n1,2\n', ',')).toBeNull();
    expect(locateFooter('a,b\n1,2\n,\n\n', ',')).toBeNull();
  });

  it('does not take a deal whose name starts like a notice but has data', () => {
    expect(isFooterRecord(['Confidential deal', '100'])).toBe(false);
    expect(isFooterRecord(['Totals Inc. renewal', '100'])).toBe(false);
    expect(isFooterRecord(['Grand Totals (3 records)', '', '$1,200.00'])).toBe(true);
    expect(isFooterRecord(['Copyright (c) 2024 Acme'])).toBe(true);
  });
});
