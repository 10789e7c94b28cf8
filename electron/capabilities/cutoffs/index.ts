export { validateCalendar, LineCalendarSchema } from './calendar';
export type { LineCalendar, CalendarRule, CalendarError, ValidationResult } from './calendar';
export { nextPickup, PICKUP_HORIZON_DAYS, type ShipDate } from './shipdate';
export { expectedFirstScan, defaultWindows } from './window';
export type { FirstScanWindow, ExpectedFirstScan, DefaultRoute, DefaultWindow } from './window';
export { replayWhatIf, silenceMatrix } from './whatif';
export type { WhatIfOptions, WhatIfResult, SilenceSummary, SilenceHistogram, WeekdaySilence } from './whatif';
export { postalS10Line, privateExpressLine, upsLine } from './examples';
