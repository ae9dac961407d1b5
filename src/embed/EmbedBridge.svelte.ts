// The embedded page's side of the postMessage API: messages from an allowed parent origin
// (exact match) load files, set the view and read KPI values; everything else is ignored.
// The page's height and its readiness are posted to the allowed parent origins only.
import type { AppModel } from '../app/AppModel.svelte';
import { parseHostMessage, type HostMessage, type PageMessage } from './messages';

type ResultMessage = Extract<PageMessage, { type: 'pipelens:result' }>;
import { isAllowedOrigin } from './origins';

export class EmbedBridge {
  /** Messages handled and ignored, for the page's own diagnostics (data-embed-ignored). */
  ignored = $state(0);

  constructor(
    private readonly app: AppModel,
    private readonly allowed: readonly string[],
    private readonly win: Window = window,
  ) {}

  /** Starts listening; returns the function that stops it. */
  listen(): () => void {
    const onMessage = (event: MessageEvent) => void this.receive(event);
    this.win.addEventListener('message', onMessage);
    return () => this.win.removeEventListener('message', onMessage);
  }

  /** Posts the element's height whenever it changes, so the host can size the iframe. */
  observeHeight(element: HTMLElement): () => void {
    const observer = new ResizeObserver(() => this.post({ type: 'pipelens:height', height: Math.ceil(element.scrollHeight) }));
    observer.observe(element);
    return () => observer.disconnect();
  }

  announce(state: string): void {
    this.post({ type: 'pipelens:ready', state });
  }

  private async receive(event: MessageEvent): Promise<void> {
    const message = parseHostMessage(event.data);
    if (event.source !== this.win.parent || !isAllowedOrigin(event.origin, this.allowed) || !message) {
      this.ignored += 1;
      return;
    }
    this.reply(event.origin, await this.handle(message));
  }

  private async handle(message: HostMessage): Promise<ResultMessage> {
    const requestId = message.requestId ?? null;
    try {
      if (message.type === 'pipelens:load-files') {
        await this.app.dropFiles(message.files.map((f) => new File([f.bytes], f.name)));
      } else if (message.type === 'pipelens:set-view') {
        const problems = await this.app.applyHash(message.hash);
        return { ...this.kpis(requestId), problems };
      }
      return this.kpis(requestId);
    } catch (error) {
      return { type: 'pipelens:result', requestId, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
  }

  private kpis(requestId: string | null): ResultMessage {
    const { state, error, dashboard } = this.app;
    if (state !== 'ready' || !dashboard.result)
      return { type: 'pipelens:result', requestId, ok: false, error: error ?? `The page is ${state}; no KPI values yet.` };
    const kpis = dashboard.result.kpis.map((k) => ({ id: k.id, value: k.value, reason: k.reason ?? null }));
    return { type: 'pipelens:result', requestId, ok: true, kpis };
  }

  private reply(origin: string, message: PageMessage): void {
    this.win.parent.postMessage(message, origin);
  }

  /** To every allowed origin: postMessage drops the copies whose origin is not the parent's. */
  private post(message: PageMessage): void {
    if (this.win.parent === this.win) return;
    for (const origin of this.allowed) this.win.parent.postMessage(message, origin);
  }
}
