// Saved views: kept canonically, files checked before anything is kept, clear messages.
import { describe, expect, it } from 'vitest';
import { loadViews, mergeViews, parseViewsFile, storeViews, viewsFile, withView } from '../../../src/features/views/savedViews';

const memory = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
};

describe('saved views', () => {
  it('keeps the view state only (no data, no snapshot), canonically, newest first, one per name', () => {
    const a = withView([], ' Q2 East ', '#period=2025-Q2&view=pivot&f.region=East&data=exports/x.csv&snap=abc');
    expect(a).toEqual([{ name: 'Q2 East', hash: '#view=pivot&period=2025-Q2&f.region=East' }]);
    const b = withView(a, 'All', '#view=dashboard&period=all');
    expect(withView(b, 'Q2 East', '#view=dashboard&period=2025').map((v) => [v.name, v.hash])).toEqual([
      ['Q2 East', '#view=dashboard&period=2025'],
      ['All', '#view=dashboard&period=all'],
    ]);
    expect(() => withView(b, '  ', '#view=dashboard')).toThrow(/name/);
    const store = memory();
    storeViews(store, b);
    expect(loadViews(store)).toEqual(b);
  });

  it('round-trips through the exported file and merges by name', () => {
    const views = withView(withView([], 'One', '#view=dashboard&period=2024'), 'Two', '#view=pivot&period=all&pv.m=win_rate');
    const parsed = parseViewsFile(viewsFile(views));
    expect(parsed).toEqual({ ok: true, views });
    expect(mergeViews(withView([], 'One', '#view=data'), views).map((v) => v.name)).toEqual(['Two', 'One']);
  });

  it('refuses bad files with a message that says what is wrong', () => {
    const error = (text: string) => {
      const r = parseViewsFile(text);
      return r.ok ? '' : r.error;
    };
    expect(error('{"format": "pipelens-views", "views": [')).toMatch(/not a JSON file/);
    expect(error('{"views": []}')).toMatch(/not a pipelens views file/);
    expect(error('{"format": "pipelens-views", "views": {}}')).toMatch(/must be a list/);
    expect(error('{"format": "pipelens-views", "views": [{"hash": "#view=data"}]}')).toMatch(/View 1 has no name/);
    expect(error('{"format": "pipelens-views", "views": [{"name": "x", "hash": "view=data"}]}')).toMatch(/no link state/);
    expect(error('{"format": "pipelens-views", "views": [{"name": "x", "hash": "#period=2017-Q9"}]}')).toMatch(
      /"x": The link's period/,
    );
    const store = memory();
    store.setItem('pipelens.savedViews', 'garbage');
    expect(loadViews(store)).toEqual([]);
  });
});
