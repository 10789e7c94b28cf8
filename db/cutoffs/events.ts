import type { LineCalendar } from '../../electron/services/cutoffs/calendar';
import type { FirstScanWindow } from '../../electron/services/cutoffs/window';

/** A line's expected first-scan window, named after its Table 3 route. */
export type FirstScanData = FirstScanWindow & { route: string };

/** Events of the cutoffs capability (merged into EventMap in db/event-types.ts). */
export interface CutoffsEvents {
  /** A new version of a line's calendar and first-scan window (full documents, so undo is a lookup). */
  'cutoffs.calendar_saved': { lineId: string; version: number; calendar: LineCalendar; firstScan: FirstScanData; reason: string };
  /** The current version is withdrawn; the line goes back to `restoredVersion` (null: no calendar). */
  'cutoffs.calendar_undone': { lineId: string; undoneVersion: number; restoredVersion: number | null; reason: string };
}
