import type { LineCalendar, FirstScanWindow } from './calendar';

/** A line's expected first-scan window, named after its Table 3 route. */
export type FirstScanData = FirstScanWindow & { route: string };

/** A parcel's pickup, decided at pick from its line's calendar (carried on `parcel.picked`). */
export interface ShipByData {
  cutoffAt: string;
  pickupAt: string;
  /** "ships Mon 30 Nov 17:30", warehouse zone */
  label: string;
  /** picked after its day's cut-off (or that pickup is closed by a rule): it waits for a later one */
  late: boolean;
  /** expected carrier first scan, best and worst case; the buyer's silence lasts until `firstScanTo` */
  firstScanFrom: string;
  firstScanTo: string;
}

/** Events of the cutoffs capability (merged into EventMap in db/event-types.ts). */
export interface CutoffsEvents {
  /** A new version of a line's calendar and first-scan window (full documents, so undo is a lookup). */
  'cutoffs.calendar_saved': { lineId: string; version: number; calendar: LineCalendar; firstScan: FirstScanData; reason: string };
  /** The current version is withdrawn; the line goes back to `restoredVersion` (null: no calendar). */
  'cutoffs.calendar_undone': { lineId: string; undoneVersion: number; restoredVersion: number | null; reason: string };
}
