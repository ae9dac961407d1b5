// The page's state machine: empty → loading → ready | error, the URL-hash view state,
// and the import flow (stage → maybe review the mapping → apply → dashboard).
import type { AnalyticsApi, FileReadOptions, ImportProposal, ImportResult } from '../engine-api/types';
import { DashboardModel } from '../features/dashboard/DashboardModel.svelte';
import { MappingModel } from '../features/import/MappingModel.svelte';
import { applyRemembered, pageStore } from '../features/import/rememberedPlan';
import type { ImportPlan } from '../mapping/types';
import { carryLinkKeys } from '../embed/embedMode';
import { dataFolderOf, fetchDataFiles } from '../share/dataUrls';
import { openingOf, withoutKeys } from '../share/opening';
import { RememberModel } from '../privacy/RememberModel.svelte';
import { fromStored, type RememberedData, type StoredMapping } from '../privacy/rememberStore';
import type { Snapshot } from '../share/snapshot';
import { DEMO, FIRST_PAINT_FILE, firstPaintFor } from '../demo/firstPaint';
import { requestOf } from '../features/dashboard/DashboardModel.svelte';
import { implausiblePeriod } from '../shared/periods/plausible';
import { readViewState, writeViewState, type ViewState } from './viewState';
import { describeCubes, linkHas, readCubeLink } from '../features/warehouse/cubeLink';
import type { CubesOpened } from '../engine-api/warehouse';

export type PageState = 'empty' | 'loading' | 'ready' | 'error';
/** The data label while the demo is on screen (the embed shows a "demo data" badge then). */
export const DEMO_LABEL = 'Demo data (generated)';
/** Where loaded files came from: the user, a `data=` link (never remembered), or this device's memory. */
type FileSource = 'user' | 'link' | 'device';

/**
 * One drop (or link, or remembered set) and its token: drops are numbered as they come, so a
 * load that finishes after a newer drop cannot take that drop's files for its own (docs/architecture.md).
 */
interface Drop {
  readonly files: readonly File[];
  readonly source: FileSource;
  readonly token: number;
}

export class AppModel {
  state = $state<PageState>('empty');
  error = $state<string | null>(null);
  notices = $state<string[]>([]);
  view = $state<ViewState>(readViewState(location.hash).state);
  dataLabel = $state('');
  importResult = $state<ImportResult | null>(null);
  mapping = $state<MappingModel | null>(null);
  readonly dashboard: DashboardModel;
  /** "Remember my data on this device" (opt-in) and what the page opened on. */
  readonly remember = new RememberModel();
  /** The drop whose mapping is on screen for review (the mapping screen applies it). */
  private reviewing: Drop | null = null;
  /** Token of the latest drop, and of the drop whose data is on screen. */
  private lastDrop = 0;
  private shownDrop = 0;
  /** The files behind the data on screen, so their reading and mapping can be reviewed after a direct load. */
  loadedFiles = $state.raw<Drop | null>(null);
  /** What the page is busy with while `state` is 'loading', said under the drop zone. */
  phase = $state<'reading' | 'loading'>('loading');
  /** False while the demo's first paint is on screen and the engine is still loading the demo. */
  engineReady = $state(true);

  /** Public so feature screens (comp) can make their own engine calls through the same door. */
  constructor(readonly api: AnalyticsApi) {
    this.dashboard = new DashboardModel(api);
    this.notices = readViewState(location.hash).problems;
  }

  /** Set while the page shows a snapshot link's aggregates instead of data (src/share). */
  snapshot = $state<Snapshot | null>(null);
  private syncedHash = location.hash;

  /** Set while the page shows cube files (`cube=`): aggregates only, no deal row in the tab. */
  cube = $state.raw<CubesOpened | null>(null);

  async start(): Promise<void> {
    const cube = readCubeLink(location.hash, location.href);
    if (cube) return this.openCubes(cube);
    // A link may carry a snapshot or `data=` addresses of hosted exports; otherwise the demo.
    const opening = await openingOf(location.hash, location.href, dataFolderOf(document));
    this.notices = [...this.notices, ...opening.problems];
    if (opening.snapshot) return this.showSnapshot(opening.snapshot);
    if (opening.urls.length > 0) return this.loadUrls(opening.urls);
    const remembered = await this.remember.recall();
    if (remembered) return this.openRemembered(remembered);
    await this.startDemo();
  }

  /**
   * The demo: the engine starts loading it at once; if the build's first paint fits the view
   * on screen it is drawn meanwhile. Whatever the user does before the engine is done waits
   * in the worker's queue behind the demo load, so nothing is answered from half-loaded tables.
   */
  private async startDemo(): Promise<void> {
    const label = DEMO_LABEL;
    const paint = firstPaintFor(await fetchFirstPaint(), requestOf(this.view));
    if (!paint || this.state !== 'empty') {
      await this.load(label, () => this.api.loadDemo(DEMO));
      return;
    }
    this.importResult = paint.importResult;
    this.dataLabel = label;
    this.dashboard.show(paint.result, this.view.fiscalStartMonth);
    this.adoptPeriod();
    this.state = 'ready';
    this.engineReady = false;
    // Compiling the engine takes every core for a while: let the first paint reach the screen first.
    await afterPaint();
    try {
      const loaded = await this.api.loadDemo(DEMO);
      // A file dropped meanwhile was queued behind the demo and is now what the page shows.
      if (this.lastDrop === 0) this.importResult = loaded;
    } catch (error) {
      this.fail(error);
    } finally {
      this.engineReady = true;
    }
  }

  /** Cube files instead of the demo; a refused link is an error, never the demo in its place. */
  private async openCubes(link: NonNullable<ReturnType<typeof readCubeLink>>): Promise<void> {
    if ('problem' in link) return this.fail(new Error(link.problem));
    const fyInLink = linkHas(location.hash, 'fy');
    await this.load('Cube files', async () => {
      const opened = await this.api.openCubes(link.url);
      this.cube = opened;
      if (!fyInLink) this.view = { ...this.view, fiscalStartMonth: opened.fiscalStartMonth };
      return { files: [], notes: [] };
    });
    if (this.cube) this.dataLabel = describeCubes(this.cube);
  }

  private showSnapshot(snapshot: Snapshot): void {
    this.snapshot = snapshot;
    this.view = readViewState(snapshot.view).state;
    this.dashboard.result = snapshot.result;
    this.dataLabel = `Snapshot of ${snapshot.source}`;
    this.state = 'ready';
  }

  private async loadUrls(urls: readonly string[]): Promise<void> {
    this.state = 'loading';
    try {
      await this.dropFiles(await fetchDataFiles(urls, location.origin), { source: 'link' });
    } catch (error) {
      this.fail(error);
    }
  }

  /** Files remembered on this device, loaded with the mapping they were loaded with then. */
  private openRemembered(data: RememberedData): Promise<void> {
    this.remember.opened = { count: data.files.length, savedAt: data.savedAt };
    const files = data.files.map((f) => new File([f.blob], f.name));
    return this.dropFiles(files, { source: 'device', stored: data.mappings });
  }

  /** Files from the drop zone or the picker: staged, then applied or shown for review. */
  async dropFiles(
    files: readonly File[],
    options: { source?: FileSource; stored?: readonly StoredMapping[] | null } = {},
  ): Promise<void> {
    if (files.length === 0) return;
    const drop: Drop = { files, source: options.source ?? 'user', token: ++this.lastDrop };
    this.state = 'loading';
    this.phase = 'reading';
    this.error = null;
    try {
      const staged = await this.api.stageFiles(files.map((f) => ({ name: f.name, data: f })));
      // A newer drop was staged after this one (staging replaces what was staged): it wins.
      if (drop.token !== this.lastDrop) return;
      const stored = options.stored ? fromStored(options.stored, staged.files) : null;
      if (stored) return await this.apply(stored, staged, drop);
      // Files whose headers the user mapped before load as they were mapped then.
      const proposal = applyRemembered(staged, pageStore());
      if (proposal.needsReview) this.review(drop, proposal);
      else await this.apply(proposal.plan, proposal, drop);
    } catch (error) {
      if (drop.token === this.lastDrop) this.fail(error);
    }
  }

  /**
   * Opens the mapping screen for the files on screen, even when they were recognized with full
   * confidence and loaded at once: how each was read (delimiter, encoding, sheet) and mapped.
   * Cancelling keeps the data as it is; applying loads it again.
   */
  async reviewImport(): Promise<void> {
    const loaded = this.loadedFiles;
    if (!loaded) return;
    const drop: Drop = { ...loaded, token: ++this.lastDrop };
    this.state = 'loading';
    this.phase = 'reading';
    this.error = null;
    try {
      const staged = await this.api.stageFiles(loaded.files.map((f) => ({ name: f.name, data: f })));
      if (drop.token === this.lastDrop) this.review(drop, applyRemembered(staged, pageStore()));
    } catch (error) {
      if (drop.token === this.lastDrop) this.fail(error);
    }
  }

  private review(drop: Drop, proposal: ImportProposal): void {
    this.reviewing = drop;
    this.mapping = new MappingModel(
      proposal,
      (id, options) => this.restage(id, options),
      (m) => this.api.askQuestions(m),
    );
  }

  /** A file read again with the user's delimiter, encoding or sheet; remembered mappings apply as on a drop. */
  private async restage(fileId: string, options: FileReadOptions): Promise<ImportProposal> {
    return applyRemembered(await this.api.restageFile(fileId, options), pageStore());
  }

  /**
   * Loads a drop with its plan (the mapping screen's drop when none is given). Only the drop the
   * user confirmed becomes the files on screen and on the device: a load that a newer one
   * finished after is not recorded, and a drop whose staging a newer drop replaced is refused.
   */
  async apply(plan: ImportPlan, proposal: ImportProposal, drop: Drop | null = this.reviewing): Promise<void> {
    this.mapping = null;
    this.reviewing = null;
    if (!drop || drop.token !== this.lastDrop) {
      this.notices = [
        ...this.notices,
        'Newer files were dropped meanwhile; these were not loaded. Drop them again to load them.',
      ];
      this.state = this.dashboard.result ? 'ready' : 'empty';
      return;
    }
    const label = proposal.files.map((f) => f.fileName).join(', ');
    // The plan may be a $state proxy (edited on the mapping screen): send a plain copy.
    const plain = $state.snapshot(plan) as ImportPlan;
    this.phase = 'loading';
    const loaded = await this.load(label, () => this.api.applyImport(plain));
    // Applies finish in order (the engine runs one call at a time); the check keeps it so.
    if (!loaded || drop.token < this.shownDrop) return;
    this.shownDrop = drop.token;
    this.loadedFiles = drop;
    if (drop.source === 'link') return;
    if (drop.source === 'user') this.remember.opened = null;
    await this.remember.record(
      drop.files,
      plain,
      proposal.files.map((f) => f.fileId),
      drop.source === 'user',
      drop.token,
    );
  }

  cancelMapping(): void {
    this.mapping = null;
    this.reviewing = null;
    this.state = this.dashboard.result ? 'ready' : 'empty';
  }

  setView(patch: Partial<ViewState>): void {
    if (this.snapshot) {
      this.notices = ['A snapshot shows one view as it was; drop the files to change the period, filters or screen.'];
      return;
    }
    const refused = patch.period === undefined ? null : implausiblePeriod(patch.period);
    if (refused) {
      this.notices = [...this.notices.filter((n) => n !== refused), refused];
      return;
    }
    const screenChange = patch.view !== undefined && patch.view !== this.view.view;
    // A period the user picks is theirs from then on: it goes into the link and survives new data.
    this.view = {
      ...this.view,
      ...patch,
      ...(patch.period !== undefined ? { periodAuto: false } : {}),
      // The lead list belongs to the Leads screen: leaving it closes the list.
      ...(screenChange && patch.view !== 'leads' ? { leadDrill: undefined } : {}),
    };
    // A screen change is a history entry (back/forward move between screens); the rest replaces it.
    const hash = carryLinkKeys(writeViewState(this.view), location.hash);
    if (screenChange) history.pushState(null, '', hash);
    else history.replaceState(null, '', hash);
    this.syncedHash = location.hash;
    void this.refresh();
  }

  /**
   * A screen's own parameters (forecast target, territory options, the drill, the leaderboard's sort, the comp plan) into the hash with
   * replaceState. The dashboard's data does not depend on them, so nothing is refreshed here:
   * the screen that owns them reacts to the new view.
   */
  setLinkState(
    patch: Pick<
      Partial<ViewState>,
      | 'forecast'
      | 'territory'
      | 'drill'
      | 'leadDrill'
      | 'leadsBy'
      | 'leaderSort'
      | 'movement'
      | 'compPlan'
      | 'pivot'
      | 'tableSorts'
    >,
  ): void {
    if (this.snapshot) return;
    this.view = { ...this.view, ...patch };
    history.replaceState(null, '', carryLinkKeys(writeViewState(this.view), location.hash));
    this.syncedHash = location.hash;
  }

  /** A whole view-state hash from outside (the embed API); returns the link's problems. */
  async applyHash(hash: string): Promise<string[]> {
    const { state, problems } = readViewState(hash);
    history.replaceState(null, '', carryLinkKeys(writeViewState(state), location.hash));
    this.syncedHash = location.hash;
    this.view = state;
    await this.refresh();
    return problems;
  }

  /** Back/forward and hand-edited links (hashchange and popstate can both fire: sync once). */
  syncFromHash(): void {
    if (location.hash === this.syncedHash) return;
    this.syncedHash = location.hash;
    const { state, problems } = readViewState(location.hash);
    this.notices = problems;
    this.view = state;
    void this.refresh();
  }

  dismissNotice(index: number): void {
    this.notices = this.notices.filter((_, i) => i !== index);
  }

  /** True when the data loaded and the dashboard was drawn from it. */
  private async load(label: string, importData: () => Promise<ImportResult>): Promise<boolean> {
    this.state = 'loading';
    this.error = null;
    try {
      this.importResult = await importData();
      this.dataLabel = label;
      if (this.snapshot) {
        this.snapshot = null;
        history.replaceState(null, '', withoutKeys(location.hash, ['snap']));
      }
      return await this.refresh();
    } catch (error) {
      this.fail(error);
      return false;
    }
  }

  /** False when the dashboard could not be drawn (the page then shows the error). */
  private async refresh(): Promise<boolean> {
    if (!this.importResult) return true;
    const ok = await this.dashboard.load(this.view);
    if (ok) {
      this.adoptPeriod();
      this.state = 'ready';
    } else this.fail(this.dashboard.error);
    return ok;
  }

  /** While no period was chosen, the page shows the one the data gave (the quarter of the reference date). */
  private adoptPeriod(): void {
    const shown = this.dashboard.result?.period;
    if (this.view.periodAuto && shown && shown !== this.view.period) this.view = { ...this.view, period: shown };
  }

  private fail(error: unknown): void {
    this.error = error instanceof Error ? error.message : String(error);
    this.state = 'error';
  }
}

/** The build's first paint of the demo, or null (not built, offline without it, or unreadable). */
async function fetchFirstPaint(): Promise<unknown> {
  try {
    const response = await fetch(new URL(FIRST_PAINT_FILE, document.baseURI));
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

/** After the next frame (or 100 ms, as a hidden tab draws no frames). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve();
    requestAnimationFrame(() => setTimeout(done, 0));
    setTimeout(done, 100);
  });
}
