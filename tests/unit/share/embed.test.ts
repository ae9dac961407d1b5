// Embed mode: the deploy-time allow-list is exact, host messages are checked field by field,
// and the link-only keys survive a rewrite of the view state.
import { describe, expect, it } from 'vitest';
import { carryLinkKeys, readEmbedMode } from '../../../src/embed/embedMode';
import { parseHostMessage } from '../../../src/embed/messages';
import { isAllowedOrigin, parseAllowedOrigins } from '../../../src/embed/origins';

describe('embed', () => {
  it('keeps exact origins only', () => {
    const list = parseAllowedOrigins(
      'https://portal.example.com  https://b.example:8443/, http://x.example/path *.evil.com null',
    );
    expect(list).toEqual(['https://portal.example.com', 'https://b.example:8443']);
    expect(isAllowedOrigin('https://portal.example.com', list)).toBe(true);
    expect(isAllowedOrigin('https://portal.example.com.evil.com', list)).toBe(false);
    expect(isAllowedOrigin('http://portal.example.com', list)).toBe(false);
    expect(parseAllowedOrigins('')).toEqual([]);
  });

  it('accepts well-formed host messages and nothing else', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    const load = parseHostMessage({ type: 'pipelens:load-files', requestId: 'a', files: [{ name: 'x.csv', bytes }] });
    expect(load?.type).toBe('pipelens:load-files');
    expect(load?.type === 'pipelens:load-files' && [...new Uint8Array(load.files[0]?.bytes ?? new ArrayBuffer(0))]).toEqual([
      1, 2, 3,
    ]);
    expect(parseHostMessage({ type: 'pipelens:load-files', files: [{ name: 'x.csv', bytes: 'AAAA' }] })).toBeNull();
    expect(parseHostMessage({ type: 'pipelens:set-view', hash: 'period=2017' })).toEqual({
      type: 'pipelens:set-view',
      hash: 'period=2017',
    });
    expect(parseHostMessage({ type: 'pipelens:set-view', hash: 3 })).toBeNull();
    expect(parseHostMessage({ type: 'pipelens:eval', code: 'alert(1)' })).toBeNull();
    expect(parseHostMessage('pipelens:get-kpis')).toBeNull();
  });

  it('reads the panel and carries embed/data/snap keys through a view-state rewrite', () => {
    expect(readEmbedMode('#embed=1&panel=kpis')).toEqual({ panel: 'kpis', problem: null });
    expect(readEmbedMode('#embed=1&panel=nope')?.problem).toContain('"nope"');
    expect(readEmbedMode('#view=dashboard')).toBeNull();
    expect(carryLinkKeys('#view=data&period=all', '#embed=1&panel=kpis&period=2017&data=a.csv')).toBe(
      '#view=data&period=all&embed=1&panel=kpis&data=a.csv',
    );
  });
});
