// The opt-in "remember my data on this device": whether it is on, what the page last loaded
// from the user's files (kept in memory so ticking the box afterwards still saves them), and
// what the page opened on. Storage itself is src/privacy/rememberStore.ts.
import type { ImportPlan } from '../mapping/types';
import { forgetRemembered, loadRemembered, REMEMBER_PREF, saveRemembered, toStored, type RememberedData } from './rememberStore';

interface Loaded {
  readonly files: readonly File[];
  readonly plan: ImportPlan;
  readonly fileIds: readonly string[];
  /** The drop's token (src/app/AppModel.svelte.ts): a later drop's record is never replaced by an earlier one's. */
  readonly token: number;
}

export class RememberModel {
  enabled = $state(readPref());
  /** Set when the page opened on remembered files: how many, and when they were saved. */
  opened = $state<{ count: number; savedAt: string } | null>(null);
  message = $state<string | null>(null);
  private loaded: Loaded | null = null;

  /** Ticking saves what is on screen (if it came from the user's files); unticking forgets. */
  async setEnabled(on: boolean): Promise<void> {
    this.enabled = on;
    writePref(on);
    if (on) {
      if (this.loaded) await this.save(this.loaded);
      else this.message = 'The next files you load will be remembered on this device.';
    } else await this.forget();
  }

  /**
   * Called after files loaded (never for hosted `data=` exports or the demo); `save` is false
   * when they came from this device's memory, which already holds them.
   */
  async record(
    files: readonly File[],
    plan: ImportPlan,
    fileIds: readonly string[],
    save: boolean,
    token: number,
  ): Promise<void> {
    if (this.loaded && token < this.loaded.token) return;
    this.loaded = { files, plan, fileIds, token };
    if (save && this.enabled) await this.save(this.loaded);
  }

  async recall(): Promise<RememberedData | null> {
    try {
      return this.enabled ? await loadRemembered() : null;
    } catch {
      // Storage blocked (some embedded frames, private windows): open on the demo as usual.
      return null;
    }
  }

  async forget(): Promise<void> {
    try {
      await forgetRemembered();
      this.message = 'Forgotten: nothing of your data is stored on this device; the next visit opens on the demo.';
    } catch (error) {
      this.message = `Could not forget the data: ${error instanceof Error ? error.message : String(error)}`;
    }
    this.opened = null;
    this.enabled = false;
    writePref(false);
  }

  /** After "Clear all data" removed the storage underneath: off, and nothing remembered. */
  reset(): void {
    this.enabled = false;
    this.opened = null;
    this.message = null;
  }

  private async save(loaded: Loaded): Promise<void> {
    const { files, plan, fileIds } = loaded;
    // A newer load was recorded while this one waited: writing this would store stale files.
    if (loaded !== this.loaded) return;
    try {
      await saveRemembered({
        files: files.map((f) => ({ name: f.name, blob: f })),
        mappings: toStored(plan, fileIds),
      });
      this.message = `Remembered ${files.length} file(s) on this device; the next visit opens on them.`;
    } catch (error) {
      this.message = `Could not remember the data on this device: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}

function readPref(): boolean {
  try {
    return localStorage.getItem(REMEMBER_PREF) === '1';
  } catch {
    return false;
  }
}

function writePref(on: boolean): void {
  try {
    if (on) localStorage.setItem(REMEMBER_PREF, '1');
    else localStorage.removeItem(REMEMBER_PREF);
  } catch {
    // Storage blocked: the option lasts for this visit only.
  }
}
