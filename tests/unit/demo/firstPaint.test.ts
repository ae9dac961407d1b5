// The demo's first paint is used only when it is well-formed and made for the view on screen.
import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW } from '../../../src/app/viewState';
import { firstPaintFor } from '../../../src/demo/firstPaint';
import { dashboardRequest } from '../../../src/shared/request';

const request = dashboardRequest(DEFAULT_VIEW);
const paint = { request, importResult: { files: [], notes: [] }, result: { kpis: [] } };

describe('first paint', () => {
  it('fits the default view', () => {
    expect(firstPaintFor(paint, dashboardRequest(DEFAULT_VIEW))).toBe(paint);
  });

  it('is not used for another view: a period, a filter or a variant in the link', () => {
    // A period in the link is not the data's own default (readViewState marks it so).
    expect(firstPaintFor(paint, dashboardRequest({ ...DEFAULT_VIEW, period: '2024-Q3', periodAuto: false }))).toBeNull();
    expect(firstPaintFor(paint, dashboardRequest({ ...DEFAULT_VIEW, filters: { owner: ['Ann'] } }))).toBeNull();
    expect(firstPaintFor(paint, dashboardRequest({ ...DEFAULT_VIEW, variants: { win_rate: 'by_value' } }))).toBeNull();
    expect(firstPaintFor(paint, dashboardRequest({ ...DEFAULT_VIEW, fiscalStartMonth: 4 }))).toBeNull();
  });

  it('is not used when missing or malformed (an old cache, an error page)', () => {
    for (const bad of [null, 'not json', {}, { request }, { ...paint, result: {} }, { ...paint, importResult: { files: 'x' } }]) {
      expect(firstPaintFor(bad, request)).toBeNull();
    }
  });
});
