// pipelens embedded in a cross-origin iframe (a portal on another port): the KPI panel without
// chrome, its height posted up, files loaded, view set and KPIs read through postMessage —
// and the same messages from an origin not on the deploy-time allow-list ignored.
import { readFileSync } from 'node:fs';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './setup/browser';
import { maven, MAVEN_FILES, serveHost, serveSite } from './share-site';

const HOST = `<!doctype html><html><body><script>
window.msgs = [];
addEventListener('message', (e) => msgs.push({ origin: e.origin, data: e.data }));
const frame = document.createElement('iframe');
frame.src = new URLSearchParams(location.search).get('site');
frame.style.width = '900px';
document.body.append(frame);
window.send = (m) => frame.contentWindow.postMessage(m, new URL(frame.src).origin);
</script></body></html>`;

declare global {
  interface Window {
    msgs: Msg[];
    send: (message: unknown) => void;
  }
}

type Msg = {
  origin: string;
  data: { type: string; requestId?: string; ok?: boolean; height?: number; kpis?: { id: string; value: number | null }[] };
};

describe('embedding in a cross-origin iframe', () => {
  let browser: Browser;
  const closers: (() => Promise<void>)[] = [];
  let site: Awaited<ReturnType<typeof serveSite>>;
  let host: Awaited<ReturnType<typeof serveHost>>;
  let stranger: Awaited<ReturnType<typeof serveHost>>;
  beforeAll(async () => {
    browser = await launchBrowser();
    host = await serveHost(HOST);
    stranger = await serveHost(HOST);
    const origins = [new URL(host.url).origin, new URL(stranger.url).origin];
    // The stranger may frame the page (frame-ancestors) but is not on the message allow-list.
    site = await serveSite({ allowedOrigins: [origins[0] ?? ''], frameAncestors: origins });
    closers.push(host.close, stranger.close, site.close);
  });
  afterAll(async () => {
    await browser.close();
    for (const close of closers) await close();
  });

  async function open(hostUrl: string): Promise<{ page: Page; frame: Frame; errors: string[] }> {
    const page = await (await browser.newContext({ timezoneId: 'UTC' })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => errors.push(`dialog ${d.message()}`));
    await page.goto(`${hostUrl}?site=${encodeURIComponent(`${site.url}#embed=1&panel=kpis&period=all`)}`);
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    if (!frame) throw new Error('no frame');
    await frame.waitForSelector('[data-state="ready"]', { timeout: 60_000 });
    return { page, frame, errors };
  }

  const reply = async (page: Page, requestId: string): Promise<Msg['data']> => {
    await page.waitForFunction((id) => window.msgs.some((m) => m.data.requestId === id), requestId, { timeout: 60_000 });
    const msgs = await page.evaluate(() => window.msgs);
    const found = msgs.find((m) => m.data.requestId === requestId);
    if (!found) throw new Error('no reply');
    return found.data;
  };
  const kpi = (data: Msg['data'], id: string) => data.kpis?.find((k) => k.id === id)?.value;

  it('shows the KPI tiles without chrome, posts its height, and answers the allowed parent', async () => {
    const { page, frame, errors } = await open(host.url);
    expect(await frame.locator('[data-kpi]').count()).toBeGreaterThanOrEqual(6);
    expect(await frame.locator('header.bar, nav').count()).toBe(0);
    await page.waitForFunction(() => window.msgs.some((m) => m.data.type === 'pipelens:height' && (m.data.height ?? 0) > 100));
    const siteOrigin = new URL(site.url).origin;
    const all = await page.evaluate(() => window.msgs);
    expect(all.every((m) => m.origin === siteOrigin)).toBe(true);

    const files = MAVEN_FILES.map((name) => ({ name, bytes: [...readFileSync(maven(name))] }));
    await page.evaluate((fs) => {
      window.send({
        type: 'pipelens:load-files',
        requestId: 'load',
        files: fs.map((f) => ({ name: f.name, bytes: new Uint8Array(f.bytes).buffer })),
      });
    }, files);
    const loaded = await reply(page, 'load');
    expect(loaded.ok).toBe(true);
    expect(kpi(loaded, 'won_amount')).toBe(10_005_534);
    expect(kpi(loaded, 'won_count')).toBe(4238);

    await page.evaluate(() => window.send({ type: 'pipelens:set-view', requestId: 'q3', hash: 'view=dashboard&period=2017-Q3' }));
    expect(kpi(await reply(page, 'q3'), 'won_amount')).toBe(2_982_255);
    await frame.waitForSelector('[data-kpi="won_count"][data-value="1257"]');

    await page.evaluate(() => window.send({ type: 'pipelens:get-kpis', requestId: 'read' }));
    expect(kpi(await reply(page, 'read'), 'won_count')).toBe(1257);
    expect(errors).toEqual([]);
  });

  it('ignores messages from an origin that is not on the allow-list, and tells it nothing', async () => {
    const { page, frame, errors } = await open(stranger.url);
    await page.evaluate(() => window.send({ type: 'pipelens:get-kpis', requestId: 'steal' }));
    await frame.waitForSelector('[data-embed-ignored="1"]');
    const msgs = await page.evaluate(() => window.msgs);
    expect(msgs).toEqual([]);
    expect(errors).toEqual([]);
  });
});
