// What a visit costs on the wire: the bytes our server wrote (headers and bodies, as sent,
// i.e. compressed where the browser accepted it) while a fresh browser profile opens the site
// until the engine has the demo and the service worker has cached the site ("first visit"),
// then while the same profile reloads it ("second visit": HTTP cache and service worker).
import type { Socket } from 'node:net';
import type { Browser } from 'playwright-core';
import type { Served } from '../serve';

const LONG = 5 * 60_000;

export interface VisitTransfer {
  readonly firstVisitBytes: number;
  readonly secondVisitBytes: number;
}

export async function visitTransfer(browser: Browser, served: Served): Promise<VisitTransfer> {
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => sockets.add(socket);
  served.server.on('connection', track);
  // A closed socket keeps its count, so the sum only grows.
  const written = () => [...sockets].reduce((n, s) => n + s.bytesWritten, 0);
  const context = await browser.newContext({ timezoneId: 'UTC', locale: 'en-US' });
  try {
    const page = await context.newPage();
    const ready = async () => {
      await page.waitForSelector('[data-engine="ready"]', { timeout: LONG });
      await page.evaluate('navigator.serviceWorker ? navigator.serviceWorker.ready.then(() => true) : true');
    };
    const start = written();
    await page.goto(served.url);
    await ready();
    const first = written() - start;
    const again = written();
    await page.reload();
    await ready();
    return { firstVisitBytes: first, secondVisitBytes: written() - again };
  } finally {
    await context.close();
    served.server.off('connection', track);
  }
}
