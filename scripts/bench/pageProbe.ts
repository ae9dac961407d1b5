// The in-page half of the browser bench, installed before the app's own scripts run.
// Kept as plain JavaScript text so that no build step can rewrite it (Playwright serializes it).
// Every time is taken inside the page with performance.now(), so protocol round trips to the
// driving process are not counted. "Drawn" = the first frame after the DOM shows the refresh.

export const PROBE_SCRIPT = `(() => {
  const root = () => document.querySelector('[data-state]');
  /** Resolves with performance.now() at the first frame after refresh number >= min is on screen. */
  const drawnAfter = (min) => new Promise((resolve, reject) => {
    const check = () => {
      const r = root();
      if (!r) return false;
      if (r.dataset.state === 'error') { reject(new Error('page error state: ' + (document.querySelector('[role=alert]')?.textContent ?? '').trim())); return true; }
      if (document.querySelector('[data-testid="apply-mapping"]')) { reject(new Error('the page asks for a mapping review')); return true; }
      if (r.dataset.state === 'ready' && r.dataset.refreshed === undefined) { reject(new Error('the app root carries no data-refreshed counter: the bench cannot tell when a refresh is drawn')); return true; }
      const ready = r.dataset.state === 'ready' && Number(r.dataset.refreshed ?? 0) >= min
        && document.querySelectorAll('[data-kpi]').length > 0
        && document.querySelector('[data-testid="bookings-chart"]') !== null;
      if (!ready) return false;
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
      return true;
    };
    if (check()) return;
    const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
    observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true });
  });
  const refreshed = () => Number(root()?.dataset.refreshed ?? 0);
  const bench = { drawnAfter, refreshed, filesAt: null, coldDrawnAt: null };
  // Capture phase: the time the files were handed over, before the app's own handler runs.
  window.addEventListener('change', (e) => {
    if (e.target instanceof HTMLInputElement && e.target.type === 'file') bench.filesAt = performance.now();
  }, true);
  document.addEventListener('DOMContentLoaded', () => {
    drawnAfter(1).then((t) => { bench.coldDrawnAt = t; }, (e) => { bench.coldError = String(e); });
  });
  /** Picks a period the way a user does and resolves with the ms until every view is redrawn. */
  bench.changePeriod = async (value) => {
    const select = document.querySelector('[data-testid="period-select"]');
    if (!select) throw new Error('no period select');
    const before = refreshed();
    const started = performance.now();
    select.value = value;
    if (select.value !== value) throw new Error('the period picker has no option ' + value);
    select.dispatchEvent(new Event('change', { bubbles: true }));
    return (await drawnAfter(before + 1)) - started;
  };
  /**
   * Adds the n-th value of a filter picker the way a user does (all filters cleared first,
   * untimed) and resolves with the ms until every view is redrawn under the new filter.
   */
  bench.changeFilter = async (dim, n) => {
    const clear = document.querySelector('[data-testid="clear-filters"]');
    if (clear && !clear.disabled) {
      const before = refreshed();
      clear.click();
      await drawnAfter(before + 1);
    }
    const select = document.querySelector('[data-testid="filter-' + dim + '"]');
    if (!select) throw new Error('no filter picker for ' + dim);
    const options = [...select.options].map((o) => o.value).filter((v) => v !== '');
    const value = options[n % options.length];
    if (value === undefined) throw new Error('the ' + dim + ' picker offers no value');
    const before = refreshed();
    const started = performance.now();
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    return (await drawnAfter(before + 1)) - started;
  };
  window.__pipelensBench = bench;
})();`;
