// The mapping screen's answer about two snapshots of one export (docs/movement.md, "Two
// snapshots"): whether they are snapshots at all, and each one's "as of" date — as read from
// the files, or as the user says. Without two different dates the pair cannot load.
import type { ImportPlan, SnapshotPlan } from '../../mapping/types';
import { pairOf, snapshotProblems, type SnapshotGuess } from '../../mapping/snapshots';

export class SnapshotChoice {
  /** False when the user says the two files are not snapshots (both are then loaded as deals). */
  paired = $state(true);
  /** The user's dates by file id; a file not in it keeps the date read from it. */
  private dates = $state<Record<string, string>>({});

  constructor(private readonly guesses: () => readonly SnapshotGuess[]) {}

  /** The two files, with the dates as now chosen. */
  get files(): readonly SnapshotGuess[] {
    return this.guesses().map((g) => {
      const mine = this.dates[g.fileId];
      return mine === undefined ? g : { ...g, asOf: mine || null, source: mine ? 'you' : null };
    });
  }

  get asked(): boolean {
    return this.guesses().length === 2;
  }

  setDate(fileId: string, asOf: string): void {
    this.dates = { ...this.dates, [fileId]: asOf };
  }

  /** The pair to load, in date order; none when not asked, declined or not dated yet. */
  get plan(): SnapshotPlan | null {
    return this.asked && this.paired ? pairOf(this.files) : null;
  }

  problems(plan: ImportPlan, names: Readonly<Record<string, string>>): string[] {
    if (!this.asked || !this.paired) return [];
    if (!plan.snapshots) return ['Say the "as of" date of each snapshot (two different days), or say they are not snapshots.'];
    return snapshotProblems(plan, names);
  }
}
