// "This tab has sent no request to another origin": every resource the page fetched
// (PerformanceObserver, buffered from the start) and every one the engine worker fetched
// (its own resource timing, asked through the engine door), plus any CSP violation report.
import type { AnalyticsApi } from '../engine-api/types';

/** The one verb the privacy bar reads. */
export type PrivacyPort = Pick<AnalyticsApi, 'resourceUrls'>;
import { foreignUrls } from './origins';

export class PrivacyModel {
  /** URLs of requests to other origins seen so far; empty is the promise the page makes. */
  foreign = $state<string[]>([]);
  checkedWorker = $state(false);

  constructor(
    private readonly api: PrivacyPort,
    private readonly origin: string = location.origin,
  ) {}

  /** Starts watching; returns the function that stops it. */
  watch(): () => void {
    const observer = new PerformanceObserver((list) => this.add(list.getEntries().map((e) => e.name)));
    observer.observe({ type: 'resource', buffered: true });
    const onViolation = (e: SecurityPolicyViolationEvent) => {
      if (e.blockedURI.startsWith('http')) this.add([e.blockedURI]);
    };
    document.addEventListener('securitypolicyviolation', onViolation);
    return () => {
      observer.disconnect();
      document.removeEventListener('securitypolicyviolation', onViolation);
    };
  }

  /** The worker keeps its own timeline; asked after each load (it fetches only when it starts or loads). */
  async checkWorker(): Promise<void> {
    try {
      this.add(await this.api.resourceUrls());
      this.checkedWorker = true;
    } catch {
      this.checkedWorker = false;
    }
  }

  private add(urls: readonly string[]): void {
    const fresh = foreignUrls(urls, this.origin).filter((u) => !this.foreign.includes(u));
    if (fresh.length > 0) this.foreign = [...this.foreign, ...fresh];
  }
}
